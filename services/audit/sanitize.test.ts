import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { auditHmacKey, createAuditHmac, looksLikeValue, sanitizeDetails } from './sanitize.js';

const hmac = createAuditHmac(randomBytes(32));

describe('audit details sanitization', () => {
  test('keeps structural facts: field names, versions, booleans, ids, short words', () => {
    const details = { changedFields: ['name', 'tags'], version: 3, valueChanged: true, secretName: 'stripe-key', grantId: '2b1f0a4e-8c1d-4f3a-9e2b-7a6c5d4e3f21' };
    expect(sanitizeDetails(details, hmac)).toEqual(details);
  });

  test('replaces anything under a sensitive key, and value-like strings under any key, with an HMAC', () => {
    const clean = sanitizeDetails(
      {
        value: { password: 'hunter2' },
        password: 'hunter2',
        clientSecret: 'abc',
        pin: 1234,
        note: 'sk_live_51HqLyjWDarjtT1zdp7dcXYZ0123456789',
        error: 'connect to postgres://app:s3cr3t-pass@db.internal/app failed',
        pem: '-----BEGIN PRIVATE KEY-----\nMIIE...\n-----END PRIVATE KEY-----',
      },
      hmac,
    )!;
    for (const key of ['value', 'password', 'clientSecret', 'note', 'error', 'pem']) {
      expect(clean[key], key).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    }
    expect(clean.pin).toBe(1234);
    expect(JSON.stringify(clean)).not.toMatch(/hunter2|sk_live|s3cr3t|BEGIN PRIVATE/);
  });

  test('the same value gives the same HMAC (so an investigator can match it), another key a different one', () => {
    const a = sanitizeDetails({ token: 'tok-123456' }, hmac)!.token;
    expect(sanitizeDetails({ token: 'tok-123456' }, hmac)!.token).toBe(a);
    expect(sanitizeDetails({ token: 'tok-123456' }, createAuditHmac(randomBytes(32)))!.token).not.toBe(a);
  });

  test('looksLikeValue flags keys and tokens but not UUIDs or words', () => {
    expect(looksLikeValue('ghp_16C7e42F292c6912E7710c838347Ae178B4a')).toBe(true);
    expect(looksLikeValue('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig')).toBe(true);
    expect(looksLikeValue('2b1f0a4e-8c1d-4f3a-9e2b-7a6c5d4e3f21')).toBe(false);
    expect(looksLikeValue('missing permission')).toBe(false);
  });

  test('the HMAC key is the configured one, else derived from the master key (stable for the same key)', () => {
    const master = randomBytes(32);
    expect(auditHmacKey({ masterKey: master })).toEqual(auditHmacKey({ masterKey: master }));
    expect(auditHmacKey({ masterKey: master })).not.toEqual(master);
    expect(auditHmacKey({ configuredKey: 'k'.repeat(32), masterKey: master }).toString()).toBe('k'.repeat(32));
  });
});
