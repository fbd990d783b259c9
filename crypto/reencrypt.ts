// Re-encryption of versions still under retired (DECRYPT_ONLY) data keys, and destruction of the keys
// nothing live references any more. Idempotent, and safe on several replicas at once.
import type { Clock } from '../lib/clock.js';
import { DecryptionError } from '../lib/errors.js';
import type { Database, Executor } from '../models/db.js';
import {
  countLiveVersionsEncryptedWithKey,
  destroyEncryptionKey,
  listEncryptionKeysByStatus,
  lockEncryptionKeyForUpdate,
  lockLiveVersionsEncryptedWithKey,
  replaceVersionCiphertext,
} from '../models/encryption-keys.repo.js';
import type { EncryptedValue, KeyManagerLogger, VersionRef } from './key-manager.js';

export interface ReencryptionResult {
  reencrypted: number;
  destroyedKeys: string[];
  /** Versions that failed their integrity check; they stay on their key, which is therefore kept. */
  unreadableVersions: number;
}

export interface ReencryptionDeps {
  db: Database;
  clock: Clock;
  logger: KeyManagerLogger;
  encrypt(tx: Executor, ref: VersionRef, plaintext: Buffer): Promise<EncryptedValue>;
  decrypt(executor: Executor, ref: VersionRef & EncryptedValue): Promise<Buffer>;
  forgetDataKey(keyId: string): void;
}

export async function reencryptRetiredKeys(
  deps: ReencryptionDeps,
  { batchSize = 200 }: { batchSize?: number } = {},
): Promise<ReencryptionResult> {
  const { db, logger } = deps;
  const result: ReencryptionResult = { reencrypted: 0, destroyedKeys: [], unreadableVersions: 0 };
  for (const key of await listEncryptionKeysByStatus(db, 'DECRYPT_ONLY')) {
    // Keyset cursor: each batch is its own short transaction, and rows another replica holds (SKIP
    // LOCKED) or that failed here are passed over instead of being picked again forever.
    let after: VersionRef | undefined;
    for (;;) {
      const batch = await db.transaction(async (tx) => {
        const rows = await lockLiveVersionsEncryptedWithKey(tx, key.id, { after, limit: batchSize });
        let moved = 0;
        let unreadable = 0;
        for (const row of rows) {
          let plaintext: Buffer;
          try {
            plaintext = await deps.decrypt(tx, row);
          } catch (error) {
            if (!(error instanceof DecryptionError)) throw error;
            unreadable += 1;
            logger.error({ secretId: row.secretId, version: row.version, keyId: key.id }, 'secret version failed its integrity check during re-encryption');
            continue;
          }
          // The new AAD names the new key, so the re-encrypted row is bound to it like any fresh write.
          const next = await deps.encrypt(tx, row, plaintext);
          plaintext.fill(0);
          if (await replaceVersionCiphertext(tx, { ...row, fromKeyId: key.id }, next)) moved += 1;
        }
        return { last: rows.at(-1), moved, unreadable };
      });
      result.reencrypted += batch.moved;
      result.unreadableVersions += batch.unreadable;
      if (!batch.last) break;
      after = { secretId: batch.last.secretId, version: batch.last.version };
    }
    if (await destroyIfUnreferenced(deps, key.id)) result.destroyedKeys.push(key.id);
  }
  if (result.reencrypted > 0 || result.destroyedKeys.length > 0) logger.info({ ...result }, 'retired data encryption keys re-encrypted');
  return result;
}

/**
 * FOR UPDATE first: it waits for every writer still holding the key (and for foreign-key checks of
 * versions being inserted with it). Only then is the count taken, in a new statement whose snapshot
 * includes those commits, so a key is never destroyed under a version that is about to appear.
 */
async function destroyIfUnreferenced(deps: ReencryptionDeps, keyId: string): Promise<boolean> {
  const destroyed = await deps.db.transaction(async (tx) => {
    const status = await lockEncryptionKeyForUpdate(tx, keyId);
    if (status !== 'DECRYPT_ONLY') return status === 'DESTROYED' ? 'elsewhere' : false;
    if ((await countLiveVersionsEncryptedWithKey(tx, keyId)) > 0) return false;
    return destroyEncryptionKey(tx, keyId, deps.clock.now());
  });
  if (destroyed) deps.forgetDataKey(keyId);
  return destroyed === true;
}
