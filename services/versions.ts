// Secret values and their versions: write a new version (check-and-set), read a version, list versions,
// roll back. A version is immutable once written; a new value is always a new version number, allocated
// under a row lock on the secret so concurrent writers never skip or duplicate a number.
import type { Actor } from '../identity/actor.js';
import type { Clock } from '../lib/clock.js';
import {
  SecretDeletedError,
  SecretExpiredError,
  SecretNotFoundError,
  ValidationError,
  VersionConflictError,
} from '../lib/errors.js';
import type { Database, Tx } from '../models/db.js';
import type { SecretRow, SecretVersionRow } from '../models/schema.js';
import * as versionsRepo from '../models/secret-versions.repo.js';
import * as secretsRepo from '../models/secrets.repo.js';
import { assertPermission, type AccessPolicy } from './access/policy.js';
import type { ChangeRecorder } from './changes.js';
import { validateSecretValue, type SecretType } from './secret-types/index.js';
import { isSecretId, type SecretService } from './secrets.js';
import type { ValueCipher } from './value-cipher.js';

export interface VersionServiceDeps {
  db: Database;
  cipher: ValueCipher;
  clock: Clock;
  access: AccessPolicy;
  recorder: ChangeRecorder;
  secrets: Pick<SecretService, 'lockForChange'>;
  settings: { maxValueBytes: number; allowExpiredRead: boolean };
}

export interface SecretValueResult {
  secretId: string;
  version: number;
  type: SecretType;
  data: Record<string, unknown>;
}

export interface VersionInfo {
  version: number;
  createdAt: Date;
  createdBy: string;
  changeReason: string | null;
  validUntil: Date | null;
  isCurrent: boolean;
}

const MAX_CHANGE_REASON = 500;

/** Encrypts `data` as version `version` of a secret inside `tx`. */
export async function writeVersion(
  tx: Tx,
  cipher: ValueCipher,
  v: { secretId: string; version: number; data: Record<string, unknown>; actor: Actor; now: Date; changeReason: string | null },
): Promise<void> {
  const sealed = await cipher.encrypt(tx, { secretId: v.secretId, version: v.version }, Buffer.from(JSON.stringify(v.data)));
  await versionsRepo.insertVersion(tx, {
    secretId: v.secretId,
    version: v.version,
    ...sealed,
    createdBy: v.actor.id,
    createdAt: v.now,
    changeReason: v.changeReason,
  });
}

export type VersionService = ReturnType<typeof createVersionService>;

export function createVersionService(deps: VersionServiceDeps) {
  const { db, clock, access, recorder, cipher } = deps;

  function checkChangeReason(reason: string | null | undefined): string | null {
    if (reason && reason.length > MAX_CHANGE_REASON) {
      throw new ValidationError([{ path: 'changeReason', message: `must be at most ${MAX_CHANGE_REASON} characters` }]);
    }
    return reason ?? null;
  }

  /** A live version row, or SECRET_NOT_FOUND. */
  async function liveVersion(tx: Tx, secretId: string, version: number): Promise<SecretVersionRow> {
    const row = await versionsRepo.findVersion(tx, secretId, version);
    if (!row || row.destroyedAt) throw new SecretNotFoundError(`Version ${version} of this secret does not exist`);
    return row;
  }

  async function decryptVersion(tx: Tx, row: SecretVersionRow): Promise<Record<string, unknown>> {
    const plaintext = await cipher.decrypt(tx, {
      secretId: row.secretId,
      version: row.version,
      ciphertext: row.ciphertext,
      iv: row.iv,
      authTag: row.authTag,
      keyId: row.keyId,
    });
    return JSON.parse(plaintext.toString('utf8'));
  }

  return {
    /** Writes a new version. With expectedVersion, a stale caller gets VERSION_CONFLICT and nothing is written. */
    async updateValue(
      actor: Actor,
      id: string,
      value: unknown,
      options: { changeReason?: string | null; expectedVersion?: number | null },
    ): Promise<SecretRow> {
      const changeReason = checkChangeReason(options.changeReason);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const current = await deps.secrets.lockForChange(tx, actor, id, 'UPDATE');
        if (options.expectedVersion !== undefined && options.expectedVersion !== null && options.expectedVersion !== current.currentVersion) {
          throw new VersionConflictError(options.expectedVersion, current.currentVersion);
        }
        const data = validateSecretValue(current.type as SecretType, value, { maxBytes: deps.settings.maxValueBytes });
        const version = current.currentVersion + 1;
        await writeVersion(tx, cipher, { secretId: id, version, data, actor, now, changeReason });
        const secret = await secretsRepo.updateSecretRow(tx, id, { currentVersion: version, updatedAt: now, updatedBy: actor.id });
        await recorder.record(tx, { kind: 'VALUE_UPDATED', actor, secret, data: { version, valueChanged: true } });
        return secret;
      });
    },

    /** A new version equal to an older one (the old one is decrypted and re-encrypted under the new number). */
    async rollback(actor: Actor, id: string, toVersion: number): Promise<SecretRow> {
      const now = clock.now();
      return db.transaction(async (tx) => {
        const current = await deps.secrets.lockForChange(tx, actor, id, 'UPDATE');
        if (!Number.isInteger(toVersion) || toVersion < 1 || toVersion > current.currentVersion) {
          throw new SecretNotFoundError(`Version ${toVersion} of this secret does not exist`);
        }
        if (toVersion === current.currentVersion) throw new ValidationError([{ path: 'version', message: 'is already the current version' }]);
        const data = await decryptVersion(tx, await liveVersion(tx, current.id, toVersion));
        const version = current.currentVersion + 1;
        await writeVersion(tx, cipher, { secretId: id, version, data, actor, now, changeReason: `Rollback to version ${toVersion}` });
        const secret = await secretsRepo.updateSecretRow(tx, id, { currentVersion: version, updatedAt: now, updatedBy: actor.id });
        await recorder.record(tx, { kind: 'ROLLED_BACK', actor, secret, data: { version, fromVersion: toVersion, valueChanged: true } });
        return secret;
      });
    },

    /**
     * Decrypts a version (default: current). Needs READ; the read itself is recorded in the same transaction,
     * with how it was read (`value`, `resolveSecrets`, `exportSecrets`: shown by Secret.usage).
     */
    async readValue(actor: Actor, id: string, requestedVersion?: number | null, operation = 'value'): Promise<SecretValueResult> {
      const now = clock.now();
      return db.transaction(async (tx) => {
        const secret = isSecretId(id) ? await secretsRepo.findSecretById(tx, id) : undefined;
        if (!secret) throw new SecretNotFoundError();
        await assertPermission(access, actor, secret, 'READ', tx);
        if (secret.deletedAt) throw new SecretDeletedError('Secret is deleted; restore it to read its value');
        if (secret.expiresAt && secret.expiresAt.getTime() <= now.getTime() && !deps.settings.allowExpiredRead) {
          throw new SecretExpiredError();
        }
        const version = requestedVersion ?? secret.currentVersion;
        const row = await liveVersion(tx, id, version);
        if (version !== secret.currentVersion && row.validUntil && row.validUntil.getTime() <= now.getTime()) {
          throw new SecretExpiredError(`Version ${version} is no longer valid`);
        }
        const data = await decryptVersion(tx, row);
        await recorder.record(tx, { kind: 'VALUE_READ', actor, secret, data: { version, operation } });
        return { secretId: id, version, type: secret.type as SecretType, data };
      });
    },

    async listVersions(actor: Actor, secret: SecretRow): Promise<VersionInfo[]> {
      await assertPermission(access, actor, secret, 'VIEW_METADATA');
      const rows = await versionsRepo.listVersionMetadata(db, secret.id);
      return rows
        .filter((r) => !r.destroyedAt)
        .map((r) => ({
          version: r.version,
          createdAt: r.createdAt,
          createdBy: r.createdBy,
          changeReason: r.changeReason,
          validUntil: r.validUntil,
          isCurrent: r.version === secret.currentVersion,
        }));
    },
  };
}
