// Secret metadata operations: create, read, list, update, move, soft-delete, restore, purge. Each change runs
// in one transaction with its recorded change (audit/outbox seam), and is re-checked against the policy.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../identity/actor.js';
import { addDays, type Clock } from '../lib/clock.js';
import {
  AccessDeniedError,
  SecretDeletedError,
  SecretNameConflictError,
  SecretNotFoundError,
  ValidationError,
  VaultNotFoundError,
} from '../lib/errors.js';
import type { Database, Executor, Tx } from '../models/db.js';
import { isUniqueViolation } from '../models/db-errors.js';
import type { SecretRow } from '../models/schema.js';
import * as secretsRepo from '../models/secrets.repo.js';
import { assertPermission, type AccessPolicy } from './access/policy.js';
import type { ChangeRecorder } from './changes.js';
import { resolvePlacement, type SecretScope } from './scope.js';
import {
  checkRotationSettings,
  DEFAULT_EXPIRY_NOTIFICATION_DAYS,
  validateSecretMetadata,
  type RotationStrategy,
  type SecretMetadataInput,
} from './secret-input.js';
import { checkRotationMetadata } from './lifecycle/rotation-settings.js';
import { createSecretListing } from './secret-listing.js';
import { validateSecretValue, type SecretType } from './secret-types/index.js';
import type { ValueCipher } from './value-cipher.js';
import { writeVersion } from './versions.js';

export interface SecretServiceDeps {
  db: Database;
  cipher: ValueCipher;
  clock: Clock;
  access: AccessPolicy;
  recorder: ChangeRecorder;
  settings: { recoveryDays: number; maxValueBytes: number };
  /** Rotation webhooks a secret's metadata may name (SECRETS_ROTATION_WEBHOOK_ALLOWLIST). */
  webhookAllowlist: { allows(url: string): boolean };
}

export interface CreateSecretInput extends SecretMetadataInput {
  name: string;
  type: SecretType;
  scope: SecretScope;
  organizationId?: string | null;
  teamId?: string | null;
  projectId?: string | null;
  value: unknown;
  storageBackend?: string | null;
  vaultId?: string | null;
}

export interface MoveSecretInput {
  scope: SecretScope;
  organizationId?: string | null;
  teamId?: string | null;
  projectId?: string | null;
  ownerId?: string | null;
  newName?: string | null;
}


const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isSecretId = (id: string): boolean => UUID_PATTERN.test(id);

export type SecretService = ReturnType<typeof createSecretService>;

export function createSecretService(deps: SecretServiceDeps) {
  const { db, clock, access, recorder } = deps;

  /** Loads a secret the actor may act on inside `tx`, locking it; missing and invisible look the same. */
  async function lockForChange(tx: Tx, actor: Actor, id: string, permission: 'UPDATE' | 'DELETE' | 'GRANT', options: { allowDeleted?: boolean } = {}) {
    const row = isSecretId(id) ? await secretsRepo.findSecretById(tx, id, { forUpdate: true }) : undefined;
    if (!row) throw new SecretNotFoundError();
    await assertPermission(access, actor, row, permission, tx);
    if (row.deletedAt && !options.allowDeleted) throw new SecretDeletedError();
    return row;
  }

  /** Runs `work`; a unique violation on the live-name index becomes SECRET_NAME_CONFLICT for `name()`. */
  async function withNameConflict<T>(name: () => string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw new SecretNameConflictError(name());
      throw error;
    }
  }

  return {
    lockForChange,
    ...createSecretListing({ db, clock, access }),

    async create(actor: Actor, input: CreateSecretInput): Promise<SecretRow> {
      const now = clock.now();
      const meta = validateSecretMetadata(input);
      const placement = resolvePlacement({
        scope: input.scope,
        organizationId: input.organizationId,
        teamId: input.teamId,
        projectId: input.projectId,
        ownerId: input.scope === 'USER' ? actor.id : null,
      });
      const strategy: RotationStrategy = meta.rotationStrategy ?? 'MANUAL';
      const interval = meta.rotationIntervalDays ?? null;
      checkRotationSettings(strategy, interval);
      if (meta.expiresAt && meta.expiresAt.getTime() <= now.getTime()) {
        throw new ValidationError([{ path: 'input.expiresAt', message: 'must be in the future' }]);
      }
      checkLocalBackend(input.storageBackend, input.vaultId);
      if (meta.metadata) checkRotationMetadata(meta.metadata, deps.webhookAllowlist);
      const data = validateSecretValue(input.type, input.value, { maxBytes: deps.settings.maxValueBytes });
      if (!(await access.canCreate(actor, placement))) {
        await access.reportDenial({ actor, organizationId: placement.organizationId, permission: 'create', reason: `create ${placement.scope} secret` });
        throw new AccessDeniedError(`Not allowed to create ${placement.scope} secrets here`);
      }
      const id = randomUUID();
      return withNameConflict(() => meta.name!, () =>
        db.transaction(async (tx) => {
          const secret = await secretsRepo.insertSecret(tx, {
            id,
            name: meta.name!,
            description: meta.description ?? null,
            type: input.type,
            ...placement,
            storageBackend: 'LOCAL_ENCRYPTED',
            currentVersion: 1,
            tags: meta.tags ?? [],
            metadata: meta.metadata ?? null,
            expiresAt: meta.expiresAt ?? null,
            expiryNotificationDays: meta.expiryNotificationDays ?? DEFAULT_EXPIRY_NOTIFICATION_DAYS,
            rotationStrategy: strategy,
            rotationIntervalDays: interval,
            nextRotationAt: interval ? addDays(now, interval) : null,
            createdBy: actor.id,
            updatedBy: actor.id,
            createdAt: now,
            updatedAt: now,
          });
          await writeVersion(tx, deps.cipher, { secretId: id, version: 1, data, actor, now, changeReason: 'Created' });
          await recorder.record(tx, { kind: 'CREATED', actor, secret, data: { version: 1 } });
          return secret;
        }),
      );
    },

    /** The secret if it exists and the actor may see it (deleted ones included), else undefined. */
    async get(actor: Actor, id: string, executor: Executor = db): Promise<SecretRow | undefined> {
      if (!isSecretId(id)) return undefined;
      const row = await secretsRepo.findSecretById(executor, id);
      if (!row) return undefined;
      return (await access.permissionsOn(actor, row, executor)).length ? row : undefined;
    },

    async update(actor: Actor, id: string, input: SecretMetadataInput): Promise<SecretRow> {
      const meta = validateSecretMetadata(input);
      const now = clock.now();
      return withNameConflict(() => meta.name ?? '', () =>
        db.transaction(async (tx) => {
          const current = await lockForChange(tx, actor, id, 'UPDATE');
          const patch: Partial<SecretRow> = {};
          if (meta.name !== undefined && meta.name !== current.name) patch.name = meta.name!;
          if (input.description !== undefined) patch.description = meta.description ?? null;
          if (input.tags !== undefined) patch.tags = meta.tags ?? [];
          if (input.metadata !== undefined) {
            if (meta.metadata) checkRotationMetadata(meta.metadata, deps.webhookAllowlist);
            patch.metadata = meta.metadata ?? null;
          }
          if (input.expiresAt !== undefined) {
            if (meta.expiresAt && meta.expiresAt.getTime() <= now.getTime()) {
              throw new ValidationError([{ path: 'input.expiresAt', message: 'must be in the future' }]);
            }
            patch.expiresAt = meta.expiresAt ?? null;
          }
          if (input.expiryNotificationDays !== undefined) patch.expiryNotificationDays = meta.expiryNotificationDays!;
          if (input.rotationStrategy !== undefined) patch.rotationStrategy = meta.rotationStrategy!;
          if (input.rotationIntervalDays !== undefined) {
            patch.rotationIntervalDays = meta.rotationIntervalDays ?? null;
            const base = current.lastRotatedAt ?? current.createdAt;
            patch.nextRotationAt = meta.rotationIntervalDays ? addDays(base, meta.rotationIntervalDays) : null;
          }
          checkRotationSettings(
            (patch.rotationStrategy ?? current.rotationStrategy) as RotationStrategy,
            patch.rotationIntervalDays !== undefined ? patch.rotationIntervalDays : current.rotationIntervalDays,
          );
          const changedFields = Object.keys(patch);
          if (changedFields.length === 0) return current;
          const secret = await secretsRepo.updateSecretRow(tx, id, { ...patch, updatedAt: now, updatedBy: actor.id });
          await recorder.record(tx, { kind: 'UPDATED', actor, secret, data: { changedFields, valueChanged: false } });
          return secret;
        }),
      );
    },

    async move(actor: Actor, id: string, input: MoveSecretInput): Promise<SecretRow> {
      const placement = resolvePlacement(
        { ...input, ownerId: input.scope === 'USER' ? (input.ownerId ?? actor.id) : input.ownerId },
        'input',
      );
      const newName = input.newName ? validateSecretMetadata({ name: input.newName }, 'input.newName').name! : undefined;
      const now = clock.now();
      let targetName = newName ?? '';
      return withNameConflict(() => targetName, () =>
        db.transaction(async (tx) => {
          const current = await lockForChange(tx, actor, id, 'UPDATE');
          targetName = newName ?? current.name;
          await assertPermission(access, actor, current, 'DELETE', tx);
          if (!(await access.canCreate(actor, placement))) {
            await access.reportDenial({ actor, secret: current, organizationId: placement.organizationId, permission: 'create', reason: `move into ${placement.scope} scope` });
            throw new AccessDeniedError(`Not allowed to place secrets in the target ${placement.scope} scope`);
          }
          const secret = await secretsRepo.updateSecretRow(tx, id, {
            ...placement,
            name: newName ?? current.name,
            updatedAt: now,
            updatedBy: actor.id,
          });
          await recorder.record(tx, {
            kind: 'MOVED',
            actor,
            secret,
            data: { from: { scope: current.scope, ownerId: current.scopeOwnerId, name: current.name } },
          });
          return secret;
        }),
      );
    },

    async softDelete(actor: Actor, id: string): Promise<SecretRow> {
      const now = clock.now();
      return db.transaction(async (tx) => {
        await lockForChange(tx, actor, id, 'DELETE');
        const secret = await secretsRepo.updateSecretRow(tx, id, {
          deletedAt: now,
          recoveryDeadline: addDays(now, deps.settings.recoveryDays),
          updatedAt: now,
          updatedBy: actor.id,
        });
        await recorder.record(tx, { kind: 'DELETED', actor, secret });
        return secret;
      });
    },

    async restore(actor: Actor, id: string): Promise<SecretRow> {
      const now = clock.now();
      let name = '';
      return withNameConflict(() => name, () =>
        db.transaction(async (tx) => {
          const current = await lockForChange(tx, actor, id, 'DELETE', { allowDeleted: true });
          name = current.name;
          if (!current.deletedAt) throw new ValidationError('Secret is not deleted');
          if (current.recoveryDeadline && current.recoveryDeadline.getTime() < now.getTime()) {
            throw new ValidationError('The recovery deadline of this secret has passed');
          }
          const secret = await secretsRepo.updateSecretRow(tx, id, {
            deletedAt: null,
            recoveryDeadline: null,
            updatedAt: now,
            updatedBy: actor.id,
          });
          await recorder.record(tx, { kind: 'RESTORED', actor, secret });
          return secret;
        }),
      );
    },

    /** Removes the secret and every version for good. */
    async purge(actor: Actor, id: string): Promise<boolean> {
      return db.transaction(async (tx) => {
        const secret = await lockForChange(tx, actor, id, 'DELETE', { allowDeleted: true });
        await recorder.record(tx, { kind: 'PURGED', actor, secret });
        return secretsRepo.deleteSecretRow(tx, id);
      });
    },
  };
}

/** Only the local encrypted backend exists so far; external vaults are configured through vaults. */
function checkLocalBackend(storageBackend: string | null | undefined, vaultId: string | null | undefined) {
  if (vaultId) throw new VaultNotFoundError();
  if (storageBackend && storageBackend !== 'LOCAL_ENCRYPTED') {
    throw new ValidationError([{ path: 'input.storageBackend', message: `no ${storageBackend} vault is configured` }]);
  }
}
