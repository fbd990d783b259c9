import { randomBytes, randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { ManualClock } from '../lib/clock.js';
import { encryptionKeys, secrets, secretVersions } from '../models/schema.js';
import { postgresEngine } from '../tests/support/engines.js';
import { createKeyManager } from './key-manager.js';
import { kekFromBytes } from './master-key.js';

test('stress', async () => {
  const why: string[] = []; (globalThis as any).__why = why;
  const h = await postgresEngine.open({ prefix: 'crypto_test', poolMax: 20 });
  try {
    const kek = kekFromBytes(randomBytes(32));
    const clock = new ManualClock();
    const reps = [0, 1, 2, 3].map(() => createKeyManager({ db: h.db, kek, clock, reservationBlock: 2, maxEncryptionsPerKey: 9 }));
    await Promise.all(reps.map((r) => r.init()));
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      const id = randomUUID(); ids.push(id);
      const now = new Date();
      await h.db.insert(secrets).values({ id, name: id, type: 'G', scope: 'GLOBAL', scopeOwnerId: '', currentVersion: 1, createdBy: 't', updatedBy: 't', createdAt: now, updatedAt: now });
    }
    const jobs: Promise<unknown>[] = [];
    ids.forEach((id, i) => jobs.push(h.db.transaction(async (tx) => {
      for (let v = 1; v <= 4; v++) {
        const e = await reps[i % 3].encrypt(tx, { secretId: id, version: v }, Buffer.from(`${i}-${v}`));
        await tx.insert(secretVersions).values({ secretId: id, version: v, ...e, createdBy: 't', createdAt: new Date() });
        if (v === 2) await new Promise((r) => setTimeout(r, Math.random() * 20));
      }
    })));
    for (let k = 0; k < 10; k++) {
      jobs.push(new Promise((r) => setTimeout(r, k * 15)).then(() => reps[k % 3].rotateDataKey()));
      jobs.push(new Promise((r) => setTimeout(r, k * 20)).then(() => reps[(k + 1) % 3].reencryptRetiredKeys({ batchSize: 5 })));
    }
    const results = await Promise.allSettled(jobs);
    const tally: Record<string, number> = {}; for (const w of why) tally[w] = (tally[w] ?? 0) + 1; console.log(JSON.stringify(tally));
    const failed = results.filter((r) => r.status === 'rejected');
    expect(failed.map((f) => String(((f as PromiseRejectedResult).reason as any).cause?.message ?? (f as PromiseRejectedResult).reason) + " :: " + String(((f as PromiseRejectedResult).reason as any).message).slice(0, 140))).toEqual([]);
    await Promise.all(reps.map((r) => r.reencryptRetiredKeys()));
    const keys = await h.db.select().from(encryptionKeys);
    const rows = await h.db.select().from(secretVersions);
    expect(keys.filter((k) => k.status === 'ACTIVE')).toHaveLength(1);
    const destroyed = new Set(keys.filter((k) => k.status === 'DESTROYED').map((k) => k.id));
    for (const row of rows) expect(destroyed.has(row.keyId)).toBe(false);
    expect(rows).toHaveLength(240);
    const per = new Map<string, number>(); for (const r of rows) per.set(r.keyId, (per.get(r.keyId) ?? 0) + 1);
    for (const n of per.values()) expect(n).toBeLessThanOrEqual(9);
    for (const k of keys) expect(k.encryptions).toBeGreaterThanOrEqual(0);
    for (const row of rows) expect((await reps[0].decrypt(h.db, row)).toString()).toMatch(/^\d+-\d$/);
    console.log('keys', keys.length, 'destroyed', destroyed.size, 'statuses', keys.map((k) => k.status).join(','));
  } finally {
    await h.dispose();
  }
});
