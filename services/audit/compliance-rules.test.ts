import { describe, expect, test } from 'vitest';
import { addDays } from '../../lib/clock.js';
import type { SecretFacts } from '../../models/compliance.repo.js';
import { DEFAULT_THRESHOLDS, isProductionTag, secretFindings, sortFindings, type ComplianceThresholds } from './compliance-rules.js';

const now = new Date('2026-06-01T00:00:00Z');
const t: ComplianceThresholds = { ...DEFAULT_THRESHOLDS, maxGrantsPerSecret: 10 };

/** A secret with nothing to report: expires in 60 days, rotated yesterday, read yesterday, no grants. */
const clean = (over: Partial<SecretFacts> = {}): SecretFacts => ({
  id: 'id-1',
  name: 'clean',
  type: 'GENERIC',
  scope: 'ORGANIZATION',
  tags: [],
  expiresAt: addDays(now, 60),
  createdAt: addDays(now, -200),
  rotationIntervalDays: null,
  lastValueChangeAt: addDays(now, -1),
  lastReadAt: addDays(now, -1),
  activeGrants: 0,
  roleGrants: 0,
  ...over,
});
const codes = (facts: SecretFacts) => secretFindings(facts, now, t).map((f) => `${f.code}:${f.severity}`);

describe('compliance rules', () => {
  test('a well-kept secret has no findings', () => {
    expect(codes(clean())).toEqual([]);
  });

  test('expiration: none (LOW), expired but present (HIGH), expiring within 30 days (MEDIUM)', () => {
    expect(codes(clean({ expiresAt: null }))).toEqual(['NO_EXPIRATION:LOW']);
    expect(codes(clean({ expiresAt: addDays(now, -1) }))).toEqual(['EXPIRED_NOT_REMOVED:HIGH']);
    expect(codes(clean({ expiresAt: addDays(now, 30) }))).toEqual(['EXPIRING_SOON:MEDIUM']);
    expect(codes(clean({ expiresAt: addDays(now, 31) }))).toEqual([]);
  });

  test('rotation: overdue past its interval, or past 90 days without one', () => {
    expect(codes(clean({ lastValueChangeAt: addDays(now, -89) }))).toEqual([]);
    expect(codes(clean({ lastValueChangeAt: addDays(now, -91) }))).toEqual(['ROTATION_OVERDUE:MEDIUM']);
    expect(codes(clean({ rotationIntervalDays: 30, lastValueChangeAt: addDays(now, -31) }))).toEqual(['ROTATION_OVERDUE:MEDIUM']);
    expect(codes(clean({ rotationIntervalDays: 365, lastValueChangeAt: addDays(now, -200) }))).toEqual([]);
  });

  test('unused: older than 90 days and not read in the last 90 (new secrets are not unused yet)', () => {
    expect(codes(clean({ lastReadAt: null }))).toEqual(['UNUSED:LOW']);
    expect(codes(clean({ lastReadAt: addDays(now, -91) }))).toEqual(['UNUSED:LOW']);
    expect(codes(clean({ lastReadAt: null, createdAt: addDays(now, -10), lastValueChangeAt: addDays(now, -10) }))).toEqual([]);
  });

  test('grants: more than the maximum (MEDIUM); a whole role on a production-tagged secret (HIGH)', () => {
    expect(codes(clean({ activeGrants: 10 }))).toEqual([]);
    expect(codes(clean({ activeGrants: 11 }))).toEqual(['EXCESSIVE_GRANTS:MEDIUM']);
    expect(codes(clean({ activeGrants: 1, roleGrants: 1 }))).toEqual([]);
    expect(codes(clean({ activeGrants: 1, roleGrants: 1, tags: ['env:production'] }))).toEqual(['ROLE_GRANT_ON_PRODUCTION:HIGH']);
  });

  test('production tags', () => {
    for (const tag of ['production', 'PROD', 'env:production', 'environment=prod']) expect(isProductionTag(tag), tag).toBe(true);
    for (const tag of ['preprod', 'staging', 'production-like']) expect(isProductionTag(tag), tag).toBe(false);
  });

  test('findings sort most severe first, then by code and secret name', () => {
    const sorted = sortFindings([
      ...secretFindings(clean({ name: 'b', expiresAt: null }), now, t),
      ...secretFindings(clean({ name: 'a', expiresAt: null }), now, t),
      ...secretFindings(clean({ name: 'c', expiresAt: addDays(now, -1) }), now, t),
    ]);
    expect(sorted.map((f) => `${f.code}/${f.secretName}`)).toEqual(['EXPIRED_NOT_REMOVED/c', 'NO_EXPIRATION/a', 'NO_EXPIRATION/b']);
  });
});
