import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, test } from 'vitest';
import { ManualClock } from '../lib/clock.js';
import { DecryptionError } from '../lib/errors.js';
import type { Database, Executor } from '../models/db.js';
import { encryptionKeys, secrets, secretVersions, type EncryptionKeyRow } from '../models/schema.js';
import { describeEachEngine, useTestDatabase } from '../tests/support/engines.js';
import { open } from './aead.js';
import { createKeyManager, type KeyManager, type KeyManagerLogger, type KeyManagerOptions } from './key-manager.js';
import { kekFromBytes, unwrapDataKey, type Kek } from './master-key.js';

const newKek = (): Kek => kekFromBytes(randomBytes(32));

/** Captures log calls so tests can assert that no key material is ever logged. */
function recordingLogger(): KeyManagerLogger & { lines: unknown[] } {
  const lines: unknown[] = [];
  const record = (details: object, message: string) => void lines.push({ ...details, message });
  return { lines, info: record, warn: record, error: record };
}

/** Fixture: one secret row (FK target of versions) and helpers that write/read versions as a service would. */
function secretsFixture(db: () => Database) {
  async function givenSecret(name = `secret-${randomUUID()}`): Promise<string> {
    const id = randomUUID();
    const now = new Date('2026-01-01T00:00:00Z');
    await db()
      .insert(secrets)
      .values({ id, name, type: 'GENERIC', scope: 'GLOBAL', scopeOwnerId: '', currentVersion: 1, createdBy: 'test', updatedBy: 'test', createdAt: now, updatedAt: now });
    return id;
  }

  async function writeVersion(keys: KeyManager, secretId: string, version: number, value: string, executor?: Executor) {
    const write = async (tx: Executor) => {
      const encrypted = await keys.encrypt(tx, { secretId, version }, Buffer.from(value));
      await tx.insert(secretVersions).values({ secretId, version, ...encrypted, createdBy: 'test', createdAt: new Date() });
      return encrypted;
    };
    return executor ? write(executor) : db().transaction(write);
  }

  async function versionRow(secretId: string, version: number) {
    const [row] = await db()
      .select()
      .from(secretVersions)
      .where(and(eq(secretVersions.secretId, secretId), eq(secretVersions.version, version)));
    return row;
  }

  async function readVersion(keys: KeyManager, secretId: string, version: number): Promise<string> {
    return (await keys.decrypt(db(), await versionRow(secretId, version))).toString();
  }

  const keyRows = (): Promise<EncryptionKeyRow[]> => db().select().from(encryptionKeys);
  const activeKeys = async () => (await keyRows()).filter((row) => row.status === 'ACTIVE');
  const keyRow = async (id: string) => (await keyRows()).find((row) => row.id === id);

  return { givenSecret, writeVersion, versionRow, readVersion, keyRows, activeKeys, keyRow };
}

describeEachEngine('key manager', (engine) => {
  const database = useTestDatabase(engine, { prefix: 'crypto_test' });
  const db = () => database().db;
  const { givenSecret, writeVersion, versionRow, readVersion, keyRows, activeKeys, keyRow } = secretsFixture(db);
  const clock = new ManualClock();
  const manager = (kek: Kek, options: Partial<KeyManagerOptions> = {}) => createKeyManager({ db: db(), kek, clock, ...options });

  beforeEach(async () => {
    await database().query('truncate secret_versions, secrets, encryption_keys cascade');
  });

  describe('init', () => {
    test('on an empty database it creates exactly one ACTIVE key, wrapped under the KEK; a second init reuses it', async () => {
      const kek = newKek();
      const keys = manager(kek);
      expect(await keys.init()).toEqual({ rewrapped: 0, createdKey: true });
      const [row] = await keyRows();
      expect(row).toMatchObject({ id: keys.activeKeyId(), status: 'ACTIVE', kekId: kek.id, encryptions: 0 });
      expect(await manager(kek).init()).toEqual({ rewrapped: 0, createdKey: false });
      expect(await keyRows()).toHaveLength(1);
    });

    test('the wrapped DEK bytes in the database never contain the raw DEK', async () => {
      const kek = newKek();
      await manager(kek).init();
      const [row] = await keyRows();
      const dek = unwrapDataKey(kek, row.id, { ciphertext: row.wrappedKey!, iv: row.wrapIv!, authTag: row.wrapTag! });
      expect(dek).toHaveLength(32);
      for (const column of [row.wrappedKey!, row.wrapIv!, row.wrapTag!]) {
        expect(column.includes(dek)).toBe(false);
        expect(column.includes(dek.subarray(0, 8))).toBe(false);
        expect(column.includes(dek.subarray(24))).toBe(false);
      }
    });

    test('two processes initializing one empty database at the same time end with one ACTIVE key', async () => {
      const kek = newKek();
      const results = await Promise.all([manager(kek).init(), manager(kek).init(), manager(kek).init()]);
      expect(results.filter((result) => result.createdKey)).toHaveLength(1);
      expect(await activeKeys()).toHaveLength(1);
    });

    test('with a new KEK and the old one as previous, every DEK is rewrapped and everything still decrypts', async () => {
      const oldKek = newKek();
      const before = manager(oldKek);
      await before.init();
      const secretId = await givenSecret();
      await writeVersion(before, secretId, 1, 'first');
      await before.rotateDataKey();
      await writeVersion(before, secretId, 2, 'second');

      const newKekValue = newKek();
      const logger = recordingLogger();
      expect(await manager(newKekValue, { previousKeks: [oldKek], logger }).init()).toEqual({ rewrapped: 2, createdKey: false });
      expect((await keyRows()).map((row) => row.kekId)).toEqual([newKekValue.id, newKekValue.id]);
      expect(await manager(newKekValue, { previousKeks: [oldKek] }).init()).toEqual({ rewrapped: 0, createdKey: false });

      // A fresh process that only knows the new KEK reads everything: the rewrap was persisted.
      const after = manager(newKekValue);
      expect(await readVersion(after, secretId, 1)).toBe('first');
      expect(await readVersion(after, secretId, 2)).toBe('second');

      const logged = JSON.stringify(logger.lines);
      for (const key of [oldKek.key, newKekValue.key]) {
        expect(logged).not.toContain(key.toString('base64'));
        expect(logged).not.toContain(key.toString('hex'));
      }
    });

    test('a DEK wrapped by an unknown KEK is a fatal error naming the KEK id, not key material', async () => {
      const oldKek = newKek();
      await manager(oldKek).init();
      const strangerKek = newKek();
      const failure = manager(strangerKek).init();
      await expect(failure).rejects.toThrow(oldKek.id);
      const message = ((await failure.catch((error: Error) => error)) as Error).message;
      expect(message).toContain('SECRETS_PREVIOUS_MASTER_KEYS');
      for (const key of [oldKek.key, strangerKek.key]) {
        expect(message).not.toContain(key.toString('base64'));
        expect(message).not.toContain(key.toString('hex'));
      }
      // Nothing changed: the transaction rolled back.
      const [row] = await keyRows();
      expect(row).toMatchObject({ kekId: oldKek.id, status: 'ACTIVE' });
    });
  });

  describe('encrypt and decrypt', () => {
    test('a value round-trips, bound by AAD to `secretId:version:keyId`', async () => {
      const kek = newKek();
      const keys = manager(kek);
      await keys.init();
      const secretId = await givenSecret();
      const encrypted = await writeVersion(keys, secretId, 1, 'p@ssw0rd');
      expect(encrypted.keyId).toBe(keys.activeKeyId());
      expect(encrypted.ciphertext.includes(Buffer.from('p@ssw0rd'))).toBe(false);
      expect(await readVersion(keys, secretId, 1)).toBe('p@ssw0rd');
      expect(await readVersion(manager(kek), secretId, 1)).toBe('p@ssw0rd'); // uncached key, loaded from the db

      const row = (await keyRow(encrypted.keyId))!;
      const dek = unwrapDataKey(kek, row.id, { ciphertext: row.wrappedKey!, iv: row.wrapIv!, authTag: row.wrapTag! });
      expect(open(dek, encrypted, Buffer.from(`${secretId}:1:${encrypted.keyId}`)).toString()).toBe('p@ssw0rd');
    });

    test('swapping two versions’ ciphertexts, within a secret or across secrets, fails with DecryptionError', async () => {
      const keys = manager(newKek());
      await keys.init();
      const first = await givenSecret();
      const second = await givenSecret();
      await writeVersion(keys, first, 1, 'one');
      await writeVersion(keys, first, 2, 'two');
      await writeVersion(keys, second, 1, 'other');

      const v1 = await versionRow(first, 1);
      const v2 = await versionRow(first, 2);
      const other = await versionRow(second, 1);
      await expect(keys.decrypt(db(), { ...v1, ciphertext: v2.ciphertext, iv: v2.iv, authTag: v2.authTag })).rejects.toThrow(DecryptionError);
      await expect(keys.decrypt(db(), { ...v1, version: 2 })).rejects.toThrow(DecryptionError);
      await expect(keys.decrypt(db(), { ...other, secretId: first })).rejects.toThrow(DecryptionError);
    });

    test('an unknown or malformed key id is a DecryptionError', async () => {
      const keys = manager(newKek());
      await keys.init();
      const secretId = await givenSecret();
      const encrypted = await writeVersion(keys, secretId, 1, 'x');
      await expect(keys.decrypt(db(), { secretId, version: 1, ...encrypted, keyId: randomUUID() })).rejects.toThrow(DecryptionError);
      await expect(keys.decrypt(db(), { secretId, version: 1, ...encrypted, keyId: 'not-a-uuid' })).rejects.toThrow(DecryptionError);
    });

    test('a key retires after maxEncryptionsPerKey encryptions and the next write lands on its successor', async () => {
      const keys = manager(newKek(), { maxEncryptionsPerKey: 5, reservationBlock: 2 });
      await keys.init();
      const firstKey = keys.activeKeyId()!;
      const secretId = await givenSecret();
      for (let version = 1; version <= 5; version++) expect((await writeVersion(keys, secretId, version, `v${version}`)).keyId).toBe(firstKey);

      const sixth = await writeVersion(keys, secretId, 6, 'v6');
      expect(sixth.keyId).not.toBe(firstKey);
      expect(await keyRow(firstKey)).toMatchObject({ status: 'DECRYPT_ONLY', retiredAt: clock.now() });
      expect((await activeKeys()).map((row) => row.id)).toEqual([sixth.keyId]);
      for (let version = 1; version <= 6; version++) expect(await readVersion(keys, secretId, version)).toBe(`v${version}`);
    });

    test('a retirement rolled back with its transaction is redone by the next write', async () => {
      const keys = manager(newKek(), { maxEncryptionsPerKey: 1, reservationBlock: 1 });
      await keys.init();
      const firstKey = keys.activeKeyId()!;
      const secretId = await givenSecret();
      await writeVersion(keys, secretId, 1, 'v1');
      await expect(
        db().transaction(async (tx) => {
          expect((await writeVersion(keys, secretId, 2, 'v2', tx)).keyId).not.toBe(firstKey);
          throw new Error('caller rolls back');
        }),
      ).rejects.toThrow('caller rolls back');
      expect((await activeKeys()).map((row) => row.id)).toEqual([firstKey]);

      const retried = await writeVersion(keys, secretId, 2, 'v2');
      expect(retried.keyId).not.toBe(firstKey);
      expect((await activeKeys()).map((row) => row.id)).toEqual([retried.keyId]);
      expect(await readVersion(keys, secretId, 2)).toBe('v2');
    });
  });

  describe('rotation and re-encryption', () => {
    test('rotateDataKey + reencryptRetiredKeys move every live version to the new key and destroy the old one', async () => {
      const kek = newKek();
      const logger = recordingLogger();
      const keys = manager(kek, { logger });
      await keys.init();
      const oldKey = keys.activeKeyId()!;
      const alpha = await givenSecret();
      const beta = await givenSecret();
      for (let version = 1; version <= 3; version++) await writeVersion(keys, alpha, version, `alpha-${version}`);
      await writeVersion(keys, beta, 1, 'beta-1');
      await writeVersion(keys, beta, 2, 'beta-2-destroyed');
      await db().update(secretVersions).set({ destroyedAt: clock.now() }).where(and(eq(secretVersions.secretId, beta), eq(secretVersions.version, 2)));

      const rotated = await keys.rotateDataKey();
      expect(rotated.retiredKeyIds).toEqual([oldKey]);
      expect(keys.activeKeyId()).toBe(rotated.activeKeyId);
      await writeVersion(keys, beta, 3, 'beta-3');

      expect(await keys.reencryptRetiredKeys({ batchSize: 2 })).toEqual({ reencrypted: 4, destroyedKeys: [oldKey], unreadableVersions: 0 });
      const live = await db().select().from(secretVersions);
      for (const row of live) expect(row.keyId).toBe(row.destroyedAt ? oldKey : rotated.activeKeyId);
      expect(await keyRow(oldKey)).toMatchObject({ status: 'DESTROYED', wrappedKey: null, wrapIv: null, wrapTag: null, destroyedAt: clock.now() });

      const fresh = manager(kek);
      for (const [secretId, version, value] of [[alpha, 1, 'alpha-1'], [alpha, 3, 'alpha-3'], [beta, 1, 'beta-1'], [beta, 3, 'beta-3']] as const) {
        expect(await readVersion(fresh, secretId, version)).toBe(value);
        expect(await readVersion(keys, secretId, version)).toBe(value);
      }
      // The destroyed version was left alone, and with its key gone it is unreadable for good.
      await expect(readVersion(keys, beta, 2)).rejects.toThrow(DecryptionError);
      await expect(readVersion(fresh, beta, 2)).rejects.toThrow(DecryptionError);

      expect(await keys.reencryptRetiredKeys()).toEqual({ reencrypted: 0, destroyedKeys: [], unreadableVersions: 0 });
      const logged = JSON.stringify(logger.lines);
      expect(logged).not.toContain(kek.key.toString('base64'));
      expect(logged).not.toMatch(/alpha-|beta-/);
    });

    test('a tampered version is reported and kept, and so is its key', async () => {
      const keys = manager(newKek());
      await keys.init();
      const oldKey = keys.activeKeyId()!;
      const secretId = await givenSecret();
      await writeVersion(keys, secretId, 1, 'good');
      await writeVersion(keys, secretId, 2, 'tampered');
      await db().update(secretVersions).set({ version: 3 }).where(and(eq(secretVersions.secretId, secretId), eq(secretVersions.version, 2)));
      await keys.rotateDataKey();

      expect(await keys.reencryptRetiredKeys()).toEqual({ reencrypted: 1, destroyedKeys: [], unreadableVersions: 1 });
      expect(await keyRow(oldKey)).toMatchObject({ status: 'DECRYPT_ONLY' });
      expect(await readVersion(keys, secretId, 1)).toBe('good');
    });

    test('replicas: after one rotates, the other’s next encrypt lands on the new key', async () => {
      const kek = newKek();
      const replicaA = manager(kek);
      const replicaB = manager(kek);
      await replicaA.init();
      expect(await replicaB.init()).toEqual({ rewrapped: 0, createdKey: false });
      const secretId = await givenSecret();
      const before = await writeVersion(replicaA, secretId, 1, 'before');

      const { activeKeyId } = await replicaB.rotateDataKey();
      expect(activeKeyId).not.toBe(before.keyId);
      expect(replicaA.activeKeyId()).toBe(before.keyId); // stale cache, corrected by the locked status read

      expect((await writeVersion(replicaA, secretId, 2, 'after')).keyId).toBe(activeKeyId);
      expect(replicaA.activeKeyId()).toBe(activeKeyId);
      expect(await readVersion(replicaB, secretId, 1)).toBe('before');
      expect(await readVersion(replicaB, secretId, 2)).toBe('after');
    });
  });

  describe.runIf(engine.name === 'postgres')('concurrency on a real server', () => {
    test('concurrent writers, rotations and re-encryptions on three replicas never deadlock or overuse a key', async () => {
      const kek = newKek();
      const replicas = [0, 1, 2].map(() => manager(kek, { reservationBlock: 2, maxEncryptionsPerKey: 9 }));
      await Promise.all(replicas.map((keys) => keys.init()));
      const secretIds = await Promise.all(Array.from({ length: 24 }, () => givenSecret()));
      const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      await Promise.all([
        ...secretIds.map((secretId, index) =>
          db().transaction(async (tx) => {
            for (let version = 1; version <= 3; version++) {
              await writeVersion(replicas[index % 3], secretId, version, `${index}-${version}`, tx);
              await later(Math.random() * 10); // keep transactions open across other replicas' work
            }
          }),
        ),
        ...[0, 1, 2].map((index) => later(index * 10).then(() => replicas[index].rotateDataKey())),
        ...[0, 1].map((index) => later(5 + index * 15).then(() => replicas[index].reencryptRetiredKeys({ batchSize: 4 }))),
      ]);
      await Promise.all(replicas.map((keys) => keys.reencryptRetiredKeys()));

      const keys = await keyRows();
      const versions = await db().select().from(secretVersions);
      expect(keys.filter((row) => row.status === 'ACTIVE')).toHaveLength(1);
      // Limit-retired keys may keep versions (re-encryption itself fills keys at this tiny limit), but a
      // destroyed key never does.
      const destroyed = new Set(keys.filter((row) => row.status === 'DESTROYED').map((row) => row.id));
      expect(destroyed.size).toBeGreaterThan(0);
      expect(versions.filter((row) => destroyed.has(row.keyId))).toEqual([]);
      const perKey = new Map<string, number>();
      for (const row of versions) perKey.set(row.keyId, (perKey.get(row.keyId) ?? 0) + 1);
      for (const used of perKey.values()) expect(used).toBeLessThanOrEqual(9);
      for (const [index, secretId] of secretIds.entries()) {
        for (let version = 1; version <= 3; version++) expect(await readVersion(replicas[(index + 1) % 3], secretId, version)).toBe(`${index}-${version}`);
      }
    });

    test('rotation waits for an in-flight writer; re-encryption then moves its version', async () => {
      const kek = newKek();
      const writer = manager(kek);
      const rotator = manager(kek);
      await writer.init();
      const oldKey = writer.activeKeyId()!;
      const secretId = await givenSecret();

      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let wrote!: () => void;
      const written = new Promise<void>((resolve) => (wrote = resolve));
      const inFlight = db().transaction(async (tx) => {
        await writeVersion(writer, secretId, 1, 'in flight', tx);
        wrote();
        await gate;
      });
      await written;

      let rotated = false;
      const rotation = rotator.rotateDataKey().then((result) => ((rotated = true), result));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(rotated).toBe(false);
      release();
      await inFlight;
      const { activeKeyId } = await rotation;

      expect((await versionRow(secretId, 1)).keyId).toBe(oldKey);
      expect(await rotator.reencryptRetiredKeys()).toEqual({ reencrypted: 1, destroyedKeys: [oldKey], unreadableVersions: 0 });
      expect((await versionRow(secretId, 1)).keyId).toBe(activeKeyId);
      expect(await readVersion(writer, secretId, 1)).toBe('in flight');
    });

    test('two replicas re-encrypting at once move each version exactly once and destroy the key once', async () => {
      const kek = newKek();
      const replicas = [manager(kek), manager(kek)];
      await replicas[0].init();
      const oldKey = replicas[0].activeKeyId()!;
      const secretIds = await Promise.all(Array.from({ length: 15 }, () => givenSecret()));
      for (const [index, secretId] of secretIds.entries()) {
        await writeVersion(replicas[0], secretId, 1, `a${index}`);
        await writeVersion(replicas[0], secretId, 2, `b${index}`);
      }
      await replicas[1].init();
      await replicas[0].rotateDataKey();

      const results = await Promise.all(replicas.map((keys) => keys.reencryptRetiredKeys({ batchSize: 3 })));
      expect(results[0].reencrypted + results[1].reencrypted).toBe(30);
      expect([...results[0].destroyedKeys, ...results[1].destroyedKeys]).toEqual([oldKey]);
      for (const [index, secretId] of secretIds.entries()) {
        expect(await readVersion(replicas[1], secretId, 1)).toBe(`a${index}`);
        expect(await readVersion(replicas[0], secretId, 2)).toBe(`b${index}`);
      }
    });
  });
});
