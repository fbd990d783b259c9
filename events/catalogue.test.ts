import { describe, expect, test } from 'vitest';
import { CRITICALITIES, criticalityOf, EVENT_CATALOGUE, routingKeyOf, SECRET_EVENT_TYPES } from './catalogue.js';
import { recipientsFor } from './recipients.js';
import { BOOTSTRAP_ADMIN, SYSTEM_ACTOR, type Actor } from '../identity/actor.js';

describe('event catalogue', () => {
  test('has the 23 contract event types, each with a secret.<lower_snake> routing key', () => {
    expect(SECRET_EVENT_TYPES).toHaveLength(23);
    expect(Object.keys(EVENT_CATALOGUE).sort()).toEqual([...SECRET_EVENT_TYPES].sort());
    expect(routingKeyOf('SECRET_CREATED')).toBe('secret.created');
    expect(routingKeyOf('SECRET_VAULT_HEALTH_CHECK_FAILED')).toBe('secret.vault_health_check_failed');
    expect(routingKeyOf('SECRET_MIGRATION_FAILED', 'tenant-a')).toBe('tenant-a.migration_failed');
    for (const type of SECRET_EVENT_TYPES) expect(routingKeyOf(type)).toMatch(/^secret\.[a-z_]+$/);
  });

  test('fixed criticalities are the issue\'s', () => {
    const expected = {
      SECRET_CREATED: 'LOW',
      SECRET_DELETED: 'MEDIUM',
      SECRET_PERMANENTLY_DELETED: 'HIGH',
      SECRET_RESTORED: 'LOW',
      SECRET_EXPIRED: 'HIGH',
      SECRET_ROTATED: 'LOW',
      SECRET_ROTATION_DUE: 'MEDIUM',
      SECRET_ROTATION_FAILED: 'HIGH',
      SECRET_ACCESS_GRANTED: 'MEDIUM',
      SECRET_ACCESS_REVOKED: 'LOW',
      SECRET_CERTIFICATE_EXPIRED: 'CRITICAL',
      SECRET_VAULT_CONFIGURED: 'LOW',
      SECRET_VAULT_HEALTH_CHECK_FAILED: 'HIGH',
      SECRET_IMPORT_STARTED: 'LOW',
      SECRET_IMPORT_COMPLETED: 'LOW',
      SECRET_IMPORT_FAILED: 'MEDIUM',
      SECRET_EXPORT_COMPLETED: 'MEDIUM',
      SECRET_MIGRATION_STARTED: 'MEDIUM',
      SECRET_MIGRATION_COMPLETED: 'LOW',
      SECRET_MIGRATION_FAILED: 'HIGH',
    } as const;
    for (const [type, level] of Object.entries(expected)) {
      expect(criticalityOf(type as keyof typeof expected), type).toBe(level);
    }
    for (const type of SECRET_EVENT_TYPES) expect(CRITICALITIES).toContain(criticalityOf(type, { daysUntilExpiration: 10 }));
  });

  test('conditional criticalities: value change, expiry windows, certificate windows', () => {
    expect(criticalityOf('SECRET_UPDATED', { valueChanged: true })).toBe('MEDIUM');
    expect(criticalityOf('SECRET_UPDATED', { valueChanged: false })).toBe('LOW');
    expect(criticalityOf('SECRET_UPDATED')).toBe('LOW');
    expect([30, 14, 7, 1].map((d) => criticalityOf('SECRET_EXPIRING_SOON', { daysUntilExpiration: d }))).toEqual(['MEDIUM', 'MEDIUM', 'HIGH', 'HIGH']);
    expect([60, 45, 30, 29, 1].map((d) => criticalityOf('SECRET_CERTIFICATE_EXPIRING', { daysUntilExpiration: d }))).toEqual([
      'MEDIUM',
      'MEDIUM',
      'MEDIUM',
      'HIGH',
      'HIGH',
    ]);
  });
});

describe('recipients', () => {
  const user: Actor = { ...BOOTSTRAP_ADMIN, id: 'user-7', via: 'jwt', roles: [] };

  test('actor, owner and org admins, de-duplicated; grantee for grants; members for an expired certificate', () => {
    expect(recipientsFor('SECRET_CREATED', { actor: user, ownerId: 'user-7', organizationId: 'org-1' })).toEqual(['user-7', 'org-admins:org-1']);
    expect(recipientsFor('SECRET_DELETED', { actor: user, ownerId: 'user-2', organizationId: null })).toEqual(['user-7', 'user-2', 'super-admins']);
    expect(
      recipientsFor('SECRET_ACCESS_GRANTED', { actor: user, ownerId: 'user-2', organizationId: 'org-1', grantee: { type: 'TEAM', id: 'team-9' } }),
    ).toEqual(['user-7', 'user-2', 'org-admins:org-1', 'team:team-9']);
    expect(recipientsFor('SECRET_ACCESS_REVOKED', { actor: user, organizationId: 'org-1', grantee: { type: 'USER', id: 'user-3' } })).toContain('user-3');
    expect(recipientsFor('SECRET_CERTIFICATE_EXPIRED', { actor: SYSTEM_ACTOR, ownerId: 'user-2', organizationId: 'org-1' })).toEqual([
      'user-2',
      'org-admins:org-1',
      'org-members:org-1',
    ]);
  });

  test('jobs and service accounts act but are not notified', () => {
    const service: Actor = { ...user, id: 'sa-1', type: 'SERVICE', via: 'service-account' };
    expect(recipientsFor('SECRET_EXPIRED', { actor: SYSTEM_ACTOR, ownerId: 'system', organizationId: 'org-1' })).toEqual(['org-admins:org-1']);
    expect(recipientsFor('SECRET_UPDATED', { actor: service, ownerId: 'user-2', organizationId: 'org-1' })).toEqual(['user-2', 'org-admins:org-1']);
  });
});
