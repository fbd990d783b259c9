// An in-memory secrets row (as the services hand to recorders) for tests and benchmarks that exercise
// recorders and buses without going through createSecret.
import { randomUUID } from 'node:crypto';
import type { SecretRow } from '../../models/schema.js';

export function secretRow(overrides: Partial<SecretRow> = {}, now = new Date()): SecretRow {
  const organizationId = overrides.organizationId ?? 'org-1';
  return {
    id: randomUUID(),
    name: 'test-secret',
    description: null,
    type: 'GENERIC',
    scope: 'ORGANIZATION',
    organizationId,
    teamId: null,
    projectId: null,
    ownerUserId: null,
    scopeOwnerId: organizationId,
    storageBackend: 'LOCAL_ENCRYPTED',
    vaultId: null,
    externalRef: null,
    currentVersion: 1,
    tags: [],
    metadata: null,
    expiresAt: null,
    expiryNotificationDays: [30, 14, 7, 1],
    rotationStrategy: 'MANUAL',
    rotationIntervalDays: null,
    lastRotatedAt: null,
    nextRotationAt: null,
    lastAccessedAt: null,
    deletedAt: null,
    recoveryDeadline: null,
    createdBy: 'user-1',
    updatedBy: 'user-1',
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}
