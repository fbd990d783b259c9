// Repository for encryption_keys (wrapped DEKs), plus the few secret_versions queries that exist only to
// move ciphertexts off a retired key. Every function takes the executor (db or tx) it runs on.
import { and, asc, count, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from './db.js';
import { encryptionKeys, secretVersions, type EncryptionKeyRow } from './schema.js';

export const ENCRYPTION_KEY_STATUSES = ['ACTIVE', 'DECRYPT_ONLY', 'DESTROYED'] as const;
export type EncryptionKeyStatus = (typeof ENCRYPTION_KEY_STATUSES)[number];
export type NewEncryptionKey = typeof encryptionKeys.$inferInsert;

export interface KeyWrapping {
  wrappedKey: Buffer;
  wrapIv: Buffer;
  wrapTag: Buffer;
  kekId: string;
}

export async function insertEncryptionKey(executor: Executor, key: NewEncryptionKey): Promise<EncryptionKeyRow> {
  const [row] = await executor.insert(encryptionKeys).values(key).returning();
  return row;
}

export async function findEncryptionKeyById(executor: Executor, id: string): Promise<EncryptionKeyRow | undefined> {
  const [row] = await executor.select().from(encryptionKeys).where(eq(encryptionKeys.id, id));
  return row;
}

/** The newest ACTIVE key. The key manager keeps exactly one; newest-first makes a stray second harmless. */
export async function findActiveEncryptionKey(executor: Executor): Promise<EncryptionKeyRow | undefined> {
  const [row] = await listEncryptionKeysByStatus(executor, 'ACTIVE');
  return row;
}

export function listEncryptionKeysByStatus(executor: Executor, status: EncryptionKeyStatus): Promise<EncryptionKeyRow[]> {
  return executor
    .select()
    .from(encryptionKeys)
    .where(eq(encryptionKeys.status, status))
    .orderBy(desc(encryptionKeys.createdAt), desc(encryptionKeys.id));
}

export function listEncryptionKeysByKekId(executor: Executor, kekId: string): Promise<EncryptionKeyRow[]> {
  return executor.select().from(encryptionKeys).where(eq(encryptionKeys.kekId, kekId)).orderBy(asc(encryptionKeys.createdAt));
}

/** Keys that still hold a wrapped DEK under some other KEK: what start-up must rewrap after a KEK rotation. */
export function listEncryptionKeysWrappedByOtherKek(executor: Executor, kekId: string): Promise<EncryptionKeyRow[]> {
  return executor
    .select()
    .from(encryptionKeys)
    .where(and(ne(encryptionKeys.kekId, kekId), ne(encryptionKeys.status, 'DESTROYED')))
    .orderBy(asc(encryptionKeys.createdAt));
}

export async function updateEncryptionKeyWrapping(executor: Executor, id: string, wrapping: KeyWrapping): Promise<void> {
  await executor.update(encryptionKeys).set(wrapping).where(eq(encryptionKeys.id, id));
}

/**
 * ACTIVE -> DECRYPT_ONLY as a compare-and-set: returns false when the key was not ACTIVE (another
 * replica retired it first), so only one retirer goes on to create the successor key.
 */
export async function retireEncryptionKey(executor: Executor, id: string, at: Date): Promise<boolean> {
  const rows = await executor
    .update(encryptionKeys)
    .set({ status: 'DECRYPT_ONLY', retiredAt: at })
    .where(and(eq(encryptionKeys.id, id), eq(encryptionKeys.status, 'ACTIVE')))
    .returning({ id: encryptionKeys.id });
  return rows.length > 0;
}

export async function retireEncryptionKeys(executor: Executor, ids: string[], at: Date): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await executor
    .update(encryptionKeys)
    .set({ status: 'DECRYPT_ONLY', retiredAt: at })
    .where(and(inArray(encryptionKeys.id, ids), eq(encryptionKeys.status, 'ACTIVE')))
    .returning({ id: encryptionKeys.id });
  return rows.map((row) => row.id);
}

/** DECRYPT_ONLY -> DESTROYED, erasing the wrapped DEK: whatever still references the key is unreadable for good. */
export async function destroyEncryptionKey(executor: Executor, id: string, at: Date): Promise<boolean> {
  const rows = await executor
    .update(encryptionKeys)
    .set({ status: 'DESTROYED', destroyedAt: at, wrappedKey: null, wrapIv: null, wrapTag: null })
    .where(and(eq(encryptionKeys.id, id), eq(encryptionKeys.status, 'DECRYPT_ONLY')))
    .returning({ id: encryptionKeys.id });
  return rows.length > 0;
}

/**
 * Adds `n` to the key's encryption counter if it is still ACTIVE and returns the new total (the caller
 * owns the block [total - n, total)); undefined when the key is not ACTIVE.
 */
export async function reserveEncryptions(executor: Executor, id: string, n: number): Promise<number | undefined> {
  const [row] = await executor
    .update(encryptionKeys)
    .set({ encryptions: sql`${encryptionKeys.encryptions} + ${n}` })
    .where(and(eq(encryptionKeys.id, id), eq(encryptionKeys.status, 'ACTIVE')))
    .returning({ encryptions: encryptionKeys.encryptions });
  return row?.encryptions;
}

/**
 * Writers' lock on the key they encrypt with. KEY SHARE: it does not conflict with the counter UPDATE
 * (which takes FOR NO KEY UPDATE), so concurrent writers never deadlock on one another, but it does
 * conflict with lockEncryptionKeyForUpdate, so rotation and destruction wait for in-flight writers.
 * It is also the lock PostgreSQL's foreign-key check takes for secret_versions.key_id.
 */
export async function lockEncryptionKeyStatusForKeyShare(executor: Executor, id: string): Promise<EncryptionKeyStatus | undefined> {
  const [row] = await executor
    .select({ status: encryptionKeys.status })
    .from(encryptionKeys)
    .where(eq(encryptionKeys.id, id))
    .for('key share');
  return row?.status as EncryptionKeyStatus | undefined;
}

/** Exclusive row lock: waits for every transaction holding the writers' KEY SHARE lock to finish. */
export async function lockEncryptionKeyForUpdate(executor: Executor, id: string): Promise<EncryptionKeyStatus | undefined> {
  const [row] = await executor
    .select({ status: encryptionKeys.status })
    .from(encryptionKeys)
    .where(eq(encryptionKeys.id, id))
    .for('update');
  return row?.status as EncryptionKeyStatus | undefined;
}

export async function lockActiveEncryptionKeysForUpdate(executor: Executor): Promise<string[]> {
  const rows = await executor
    .select({ id: encryptionKeys.id })
    .from(encryptionKeys)
    .where(eq(encryptionKeys.status, 'ACTIVE'))
    .orderBy(asc(encryptionKeys.id))
    .for('update');
  return rows.map((row) => row.id);
}

// --- secret_versions by key: used only by re-encryption -------------------------------------------

export interface VersionCiphertext {
  secretId: string;
  version: number;
  ciphertext: Buffer;
  iv: Buffer;
  authTag: Buffer;
  keyId: string;
}

/**
 * The next live versions still encrypted with `keyId`, after the keyset cursor, locked FOR UPDATE SKIP
 * LOCKED so replicas re-encrypting at the same time take disjoint batches. Destroyed versions are left.
 */
export function lockLiveVersionsEncryptedWithKey(
  executor: Executor,
  keyId: string,
  options: { after?: { secretId: string; version: number }; limit: number },
): Promise<VersionCiphertext[]> {
  const { after, limit } = options;
  return executor
    .select({
      secretId: secretVersions.secretId,
      version: secretVersions.version,
      ciphertext: secretVersions.ciphertext,
      iv: secretVersions.iv,
      authTag: secretVersions.authTag,
      keyId: secretVersions.keyId,
    })
    .from(secretVersions)
    .where(
      and(
        eq(secretVersions.keyId, keyId),
        isNull(secretVersions.destroyedAt),
        after ? sql`(${secretVersions.secretId}, ${secretVersions.version}) > (${after.secretId}::uuid, ${after.version}::int)` : undefined,
      ),
    )
    .orderBy(asc(secretVersions.secretId), asc(secretVersions.version))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function countLiveVersionsEncryptedWithKey(executor: Executor, keyId: string): Promise<number> {
  const [row] = await executor
    .select({ n: count() })
    .from(secretVersions)
    .where(and(eq(secretVersions.keyId, keyId), isNull(secretVersions.destroyedAt)));
  return Number(row?.n ?? 0);
}

/** Replaces a version's ciphertext only if it is still under `fromKeyId`. */
export async function replaceVersionCiphertext(
  executor: Executor,
  ref: { secretId: string; version: number; fromKeyId: string },
  next: { ciphertext: Buffer; iv: Buffer; authTag: Buffer; keyId: string },
): Promise<boolean> {
  const rows = await executor
    .update(secretVersions)
    .set(next)
    .where(
      and(
        eq(secretVersions.secretId, ref.secretId),
        eq(secretVersions.version, ref.version),
        eq(secretVersions.keyId, ref.fromKeyId),
      ),
    )
    .returning({ version: secretVersions.version });
  return rows.length > 0;
}
