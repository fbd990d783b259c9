import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { OutboxPayloadSchema, type OutboxPayload } from './payload.js';
import { sanitizeErrorMessage } from './sanitize.js';

const secretId = randomUUID();
const valid = (): OutboxPayload => ({
  id: randomUUID(),
  type: 'SECRET_EXPIRING_SOON',
  category: 'SECURITY',
  actorId: 'system',
  actorType: 'SYSTEM',
  recipientIds: ['org-admins:org-1'],
  resourceType: 'secret',
  resourceId: secretId,
  resourceName: 'db-password',
  organizationId: 'org-1',
  data: { secretId, secretName: 'db-password', secretType: 'USERNAME_PASSWORD', secretScope: 'ORGANIZATION', daysUntilExpiration: 7 },
  suggestedCriticality: 'HIGH',
  timestamp: new Date().toISOString(),
});

const issuesOf = (payload: unknown) => {
  const result = OutboxPayloadSchema.safeParse(payload);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
};

describe('payload schema', () => {
  test('accepts a well-formed event', () => {
    expect(issuesOf(valid())).toEqual([]);
  });

  test('refuses unknown fields at the top and in data, so a value cannot ride along', () => {
    expect(OutboxPayloadSchema.safeParse({ ...valid(), value: 'x' }).success).toBe(false);
    const p = valid();
    expect(OutboxPayloadSchema.safeParse({ ...p, data: { ...p.data, value: { password: 'x' } } }).success).toBe(false);
  });

  test('criticality must follow the catalogue', () => {
    expect(issuesOf({ ...valid(), suggestedCriticality: 'MEDIUM' })).toEqual(['suggestedCriticality']);
  });

  test('secret events need the secret identity; expiring events need daysUntilExpiration', () => {
    const p = valid();
    const { secretName: _n, daysUntilExpiration: _d, ...rest } = p.data;
    expect(issuesOf({ ...p, data: rest })).toEqual(expect.arrayContaining(['data.secretName', 'data.daysUntilExpiration']));
    expect(issuesOf({ ...p, resourceId: randomUUID() })).toContain('data.secretId');
  });

  test('administrative events need their resource type, not secret fields', () => {
    const event = {
      ...valid(),
      type: 'SECRET_IMPORT_COMPLETED',
      resourceType: 'import',
      resourceId: 'run-1',
      data: { importCount: 12 },
      suggestedCriticality: 'LOW',
    };
    expect(issuesOf(event)).toEqual([]);
    expect(issuesOf({ ...event, resourceType: 'secret' })).toContain('resourceType');
  });
});

describe('sanitizeErrorMessage', () => {
  test('masks credentials and opaque tokens, keeps ids and plain words', () => {
    const id = randomUUID();
    const message = sanitizeErrorMessage(
      `rotation of ${id} failed: connect to postgres://admin:hunter2pass@db:5432/app refused; password=Sup3rSecret! ` +
        `Authorization: Bearer abc.def.ghi token: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig ` +
        `key AKIAIOSFODNN7EXAMPLE1234567 -----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----`,
    );
    for (const leaked of ['hunter2pass', 'Sup3rSecret', 'abc.def.ghi', 'eyJhbGci', 'AKIAIOSFODNN7EXAMPLE1234567', 'MIIB']) {
      expect(message).not.toContain(leaked);
    }
    expect(message).toContain(id);
    expect(message).toContain('rotation of');
    expect(message).toContain('postgres://***@db:5432/app refused');
  });

  test('bounds the length and flattens whitespace', () => {
    const message = sanitizeErrorMessage(`line one\n\nline two ${'word '.repeat(300)}`);
    expect(message.length).toBeLessThanOrEqual(500);
    expect(message.startsWith('line one line two')).toBe(true);
  });
});
