// Envelope encryption of secret values: data-encryption keys (DEKs) wrapped by the KEK live in
// encryption_keys; this module creates, caches, counts, rotates, re-wraps and destroys them.
//
// Locking protocol (PostgreSQL READ COMMITTED: each statement sees what committed before it started,
// and a locking read returns the row's latest committed version):
// - A writer, in the caller's transaction, locks the ACTIVE key row FOR KEY SHARE before encrypting and
//   holds it until commit; it reserves encryptions with an UPDATE of the counter in that same tx.
//   KEY SHARE rather than FOR SHARE: FOR SHARE conflicts with the counter UPDATE, so two writers that
//   each hold the share lock and then both reserve would deadlock (seen under load on a real server).
// - Rotation and destruction take FOR UPDATE on the key row, which conflicts with KEY SHARE: a rotating
//   replica waits for in-flight writers, no write lands on a key after rotation retired it, and a key
//   is destroyed only once no committed live version references it.
// - A new ACTIVE key is created only by whoever retired the previous one (compare-and-set on its status),
//   or under the advisory lock when there is none, so exactly one key is ACTIVE.
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Clock } from '../lib/clock.js';
import { DecryptionError, EncryptionError } from '../lib/errors.js';
import type { Database, Executor, Tx } from '../models/db.js';
import {
  findActiveEncryptionKey,
  findEncryptionKeyById,
  insertEncryptionKey,
  listEncryptionKeysByStatus,
  listEncryptionKeysWrappedByOtherKek,
  lockActiveEncryptionKeysForUpdate,
  lockEncryptionKeyStatusForKeyShare,
  reserveEncryptions,
  retireEncryptionKey,
  retireEncryptionKeys,
  updateEncryptionKeyWrapping,
} from '../models/encryption-keys.repo.js';
import type { EncryptionKeyRow } from '../models/schema.js';
import { KEY_BYTES, open, seal } from './aead.js';
import { unwrapDataKey, wrapDataKey, type Kek } from './master-key.js';
import { reencryptRetiredKeys, type ReencryptionResult } from './reencrypt.js';

/** Serializes init and rotateDataKey across replicas (transaction-scoped; differs from the migration lock). */
export const KEY_MANAGER_LOCK_ID = 7_263_411_002;
/**
 * Each failed attempt means another transaction retired the key (rotation or encryption limit), i.e.
 * progress elsewhere; normally one retry suffices. The bound only guards against a bug looping forever.
 */
const MAX_ENCRYPT_ATTEMPTS = 32;
const MAX_ROTATION_LOCK_ATTEMPTS = 20;

/** Rolls back a rotation's locking attempt (see lockActiveKeysForRotation). */
class ActiveKeysChanged extends Error {}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface VersionRef {
  secretId: string;
  version: number;
}

export interface EncryptedValue {
  ciphertext: Buffer;
  iv: Buffer;
  authTag: Buffer;
  keyId: string;
}

export interface KeyManagerLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface KeyManagerOptions {
  db: Database;
  kek: Kek;
  /** KEKs that may still wrap DEKs (SECRETS_PREVIOUS_MASTER_KEYS); init rewraps those DEKs under `kek`. */
  previousKeks?: Kek[];
  clock: Clock;
  /** 2^31: half of NIST SP 800-38D's 2^32 bound for random 96-bit IVs, leaving room for counting slack. */
  maxEncryptionsPerKey?: number;
  reservationBlock?: number;
  logger?: KeyManagerLogger;
}

export interface KeyManagerStats {
  activeKeyId: string | undefined;
  cachedKeys: number;
  /** Encryptions left in this process's reserved block of the active key. */
  reservedRemaining: number;
}

export interface KeyManager {
  /** Start-up: rewraps DEKs left under a previous KEK and makes sure one ACTIVE DEK exists. */
  init(): Promise<{ rewrapped: number; createdKey: boolean }>;
  /**
   * Encrypts one secret version with the ACTIVE DEK. `tx` must be the transaction that writes the version
   * row: the key lock taken here is what keeps rotation and destruction from overtaking that write.
   */
  encrypt(tx: Executor, ref: VersionRef, plaintext: Buffer): Promise<EncryptedValue>;
  /** Throws DecryptionError for a missing or destroyed key and for any integrity failure. */
  decrypt(executor: Executor, ref: VersionRef & EncryptedValue): Promise<Buffer>;
  rotateDataKey(): Promise<{ activeKeyId: string; retiredKeyIds: string[] }>;
  /** Moves versions off DECRYPT_ONLY keys and destroys the keys nothing references any more. */
  reencryptRetiredKeys(options?: { batchSize?: number }): Promise<ReencryptionResult>;
  activeKeyId(): string | undefined;
  stats(): KeyManagerStats;
}

/** The active key as this process sees it, with the block [next, end) of the counter it reserved. */
interface ActiveKeyState {
  id: string;
  next: number;
  end: number;
}

const silentLogger: KeyManagerLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export function createKeyManager(options: KeyManagerOptions): KeyManager {
  const { db, kek, clock } = options;
  const maxEncryptionsPerKey = options.maxEncryptionsPerKey ?? 2 ** 31;
  const reservationBlock = options.reservationBlock ?? 1000;
  const logger = options.logger ?? silentLogger;
  if (!Number.isSafeInteger(maxEncryptionsPerKey) || maxEncryptionsPerKey < 1) throw new Error('maxEncryptionsPerKey must be a positive integer');
  if (!Number.isSafeInteger(reservationBlock) || reservationBlock < 1) throw new Error('reservationBlock must be a positive integer');

  const keks = new Map<string, Kek>([[kek.id, kek]]);
  for (const previous of options.previousKeks ?? []) if (!keks.has(previous.id)) keks.set(previous.id, previous);
  /** Unwrapped DEKs by key id. Only keys are cached here, never plaintext values. */
  const dataKeys = new Map<string, Buffer>();
  let active: ActiveKeyState | undefined;

  const forgetActive = (keyId: string) => {
    if (active?.id === keyId) active = undefined;
  };

  async function createDataKey(executor: Executor, at: Date): Promise<string> {
    const id = randomUUID();
    const dek = randomBytes(KEY_BYTES);
    const wrapped = wrapDataKey(kek, id, dek);
    await insertEncryptionKey(executor, {
      id,
      wrappedKey: wrapped.ciphertext,
      wrapIv: wrapped.iv,
      wrapTag: wrapped.authTag,
      kekId: kek.id,
      status: 'ACTIVE',
      createdAt: at,
    });
    dataKeys.set(id, dek);
    return id;
  }

  /** Loads and unwraps a DEK through the caller's executor (never `db`: on PGlite that would deadlock a tx). */
  async function loadDataKey(executor: Executor, keyId: string): Promise<Buffer> {
    const cached = dataKeys.get(keyId);
    if (cached) return cached;
    if (!UUID.test(keyId)) throw new DecryptionError();
    const row = await findEncryptionKeyById(executor, keyId);
    if (!row || row.status === 'DESTROYED' || !row.wrappedKey || !row.wrapIv || !row.wrapTag) throw new DecryptionError();
    const wrappingKek = keks.get(row.kekId);
    if (!wrappingKek) {
      logger.error({ keyId, kekId: row.kekId }, 'data encryption key is wrapped by an unknown KEK');
      throw new DecryptionError();
    }
    const dek = unwrapDataKey(wrappingKek, keyId, { ciphertext: row.wrappedKey, iv: row.wrapIv, authTag: row.wrapTag });
    dataKeys.set(keyId, dek);
    return dek;
  }

  function unwrapForRewrap(row: EncryptionKeyRow): Buffer {
    const previous = keks.get(row.kekId);
    if (!previous) {
      throw new Error(
        `Data encryption key ${row.id} is wrapped by KEK ${row.kekId}, which is neither the current master key ` +
          `(KEK ${kek.id}) nor a previous one; add the master key with id ${row.kekId} to SECRETS_PREVIOUS_MASTER_KEYS`,
      );
    }
    if (!row.wrappedKey || !row.wrapIv || !row.wrapTag) throw new Error(`Data encryption key ${row.id} (${row.status}) has no wrapped key`);
    try {
      return unwrapDataKey(previous, row.id, { ciphertext: row.wrappedKey, iv: row.wrapIv, authTag: row.wrapTag });
    } catch {
      throw new Error(`Data encryption key ${row.id} could not be unwrapped with KEK ${row.kekId}: its wrapped key is corrupt`);
    }
  }

  /**
   * Takes one encryption from the key's counter. Counting trade-off: blocks are reserved with an UPDATE
   * in the caller's transaction and consumed from memory. Over-counting (a process exits with part of
   * a block unused, two requests reserve at once) is safe: the key just retires a little early. A
   * reservation whose transaction rolls back is lost from the counter while this process keeps using the
   * block, so each such rollback can under-count by at most one block (1000 by default). With the limit
   * at 2^31, it takes about two million of them before the 2^32 NIST bound is even approached.
   * Returns false when the key cannot be used any more (retired elsewhere, or exhausted and retired here).
   */
  async function takeEncryption(tx: Executor, keyId: string): Promise<boolean> {
    if (active?.id === keyId && active.next < active.end) {
      active.next += 1;
      return true;
    }
    const total = await reserveEncryptions(tx, keyId, reservationBlock);
    if (total === undefined) {
      forgetActive(keyId);
      return false;
    }
    const start = total - reservationBlock;
    if (start >= maxEncryptionsPerKey) {
      await retireExhaustedKey(tx, keyId);
      return false;
    }
    // Another request of this process may have reserved meanwhile; the newer block wins, the other is unused.
    if (active?.id === keyId) active = { id: keyId, next: start + 1, end: Math.min(total, maxEncryptionsPerKey) };
    return true;
  }

  /** Runs in the caller's transaction; if it rolls back, the successor disappears and the next encrypt reloads. */
  async function retireExhaustedKey(tx: Executor, keyId: string): Promise<void> {
    const now = clock.now();
    if (!(await retireEncryptionKey(tx, keyId, now))) {
      forgetActive(keyId); // someone else retired it first and created the successor
      return;
    }
    const successorId = await createDataKey(tx, now);
    active = { id: successorId, next: 0, end: 0 };
    logger.info({ keyId, successorKeyId: successorId, maxEncryptionsPerKey }, 'data encryption key reached its encryption limit and was retired');
  }

  /** AAD binds a ciphertext to its secret, version and key: a row copied elsewhere does not decrypt. */
  const valueAad = (ref: VersionRef, keyId: string) => Buffer.from(`${ref.secretId}:${ref.version}:${keyId}`, 'utf8');

  /**
   * FOR UPDATE on the ACTIVE key waits for the writers still holding it, so no write lands on the key
   * after it was retired here. A writer may retire and replace the key (encryption limit) while we wait;
   * PostgreSQL then grants us the lock on a row that is no longer ACTIVE and its successor is unlocked.
   * We must not go on to wait for the successor while holding the old row: a writer holding the successor
   * and still reaching for the old key through a stale cache would deadlock with us. So each attempt runs
   * in a savepoint and is rolled back (releasing its locks) unless it locked exactly the ACTIVE keys.
   * Every new ACTIVE key has to retire one we hold, so once the attempt succeeds the set stays put.
   */
  async function lockActiveKeysForRotation(tx: Tx): Promise<string[]> {
    for (let attempt = 0; attempt < MAX_ROTATION_LOCK_ATTEMPTS; attempt++) {
      const locked = await tx
        .transaction(async (savepoint) => {
          const ids = await lockActiveEncryptionKeysForUpdate(savepoint);
          const current = (await listEncryptionKeysByStatus(savepoint, 'ACTIVE')).map((row) => row.id);
          if (current.length !== ids.length || current.some((id) => !ids.includes(id))) throw new ActiveKeysChanged();
          return ids;
        })
        .catch((error: unknown) => {
          if (error instanceof ActiveKeysChanged) return undefined;
          throw error;
        });
      if (locked) return locked;
    }
    throw new Error('Could not lock the active data encryption key for rotation; keys kept changing');
  }

  const manager: KeyManager = {
    async init() {
      const result = await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${KEY_MANAGER_LOCK_ID}::bigint)`);
        const stale = await listEncryptionKeysWrappedByOtherKek(tx, kek.id);
        for (const row of stale) {
          const dek = unwrapForRewrap(row);
          const wrapped = wrapDataKey(kek, row.id, dek);
          await updateEncryptionKeyWrapping(tx, row.id, { wrappedKey: wrapped.ciphertext, wrapIv: wrapped.iv, wrapTag: wrapped.authTag, kekId: kek.id });
          dataKeys.set(row.id, dek);
        }
        const [newest, ...extra] = await listEncryptionKeysByStatus(tx, 'ACTIVE');
        if (extra.length > 0) {
          // Cannot arise through this module; heal it rather than encrypt under two keys.
          logger.warn({ keyIds: extra.map((row) => row.id) }, 'more than one ACTIVE data encryption key; retiring all but the newest');
          await retireEncryptionKeys(tx, extra.map((row) => row.id), clock.now());
        }
        const activeId = newest?.id ?? (await createDataKey(tx, clock.now()));
        return { rewrapped: stale.length, createdKey: !newest, activeId };
      });
      active = { id: result.activeId, next: 0, end: 0 };
      logger.info({ kekId: kek.id, activeKeyId: result.activeId, rewrapped: result.rewrapped, createdKey: result.createdKey }, 'key manager initialized');
      return { rewrapped: result.rewrapped, createdKey: result.createdKey };
    },

    async encrypt(tx, ref, plaintext) {
      for (let attempt = 0; attempt < MAX_ENCRYPT_ATTEMPTS; attempt++) {
        const keyId = active?.id ?? (await findActiveEncryptionKey(tx))?.id;
        if (!keyId) throw new EncryptionError('No active data encryption key (the key manager is not initialized)');
        if (active?.id !== keyId) active = { id: keyId, next: 0, end: 0 };
        // Another replica may have rotated since this key was cached: the lock returns the latest status.
        if ((await lockEncryptionKeyStatusForKeyShare(tx, keyId)) !== 'ACTIVE') {
          forgetActive(keyId);
          continue;
        }
        if (!(await takeEncryption(tx, keyId))) continue;
        let dek: Buffer;
        try {
          dek = await loadDataKey(tx, keyId);
        } catch {
          throw new EncryptionError('The active data encryption key could not be unwrapped');
        }
        return { ...seal(dek, plaintext, valueAad(ref, keyId)), keyId };
      }
      throw new EncryptionError('No usable data encryption key; keys kept changing during the write');
    },

    async decrypt(executor, ref) {
      const dek = await loadDataKey(executor, ref.keyId);
      return open(dek, ref, valueAad(ref, ref.keyId));
    },

    async rotateDataKey() {
      const result = await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${KEY_MANAGER_LOCK_ID}::bigint)`);
        const locked = await lockActiveKeysForRotation(tx);
        const now = clock.now();
        const retiredKeyIds = await retireEncryptionKeys(tx, locked, now);
        const activeKeyId = await createDataKey(tx, now);
        return { activeKeyId, retiredKeyIds };
      });
      active = { id: result.activeKeyId, next: 0, end: 0 };
      logger.info(result, 'data encryption key rotated');
      return result;
    },

    reencryptRetiredKeys: (reencryptOptions = {}) =>
      reencryptRetiredKeys(
        {
          db,
          clock,
          logger,
          encrypt: manager.encrypt,
          decrypt: manager.decrypt,
          forgetDataKey: (keyId) => dataKeys.delete(keyId),
        },
        reencryptOptions,
      ),

    activeKeyId: () => active?.id,

    stats: () => ({
      activeKeyId: active?.id,
      cachedKeys: dataKeys.size,
      reservedRemaining: active ? Math.max(0, active.end - active.next) : 0,
    }),
  };
  return manager;
}
