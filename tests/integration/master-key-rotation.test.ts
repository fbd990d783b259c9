// Key rotation end to end: a new master key (KEK) with the old one as previous rewraps every data key at
// start-up; rotateEncryptionKey retires the data key and re-encrypts every version onto the new one.
import { expect, test } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { newMasterKey, useTestServer, type TestServer } from '../support/server.js';

async function createSecrets(app: TestServer, prefix: string, count: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await app.admin(`mutation($input: CreateSecretInput!) { createSecret(input: $input) { id } }`, {
      input: { name: `${prefix}-${i}`, type: 'GENERIC', scope: 'GLOBAL', value: { value: `${prefix}-value-${i}` } },
    });
    ids.push(created.createSecret.id);
    await app.admin(`mutation($id: ID!) { updateSecretValue(id: $id, value: {value: "${prefix}-value-${i}-v2"}) { id } }`, { id: created.createSecret.id });
  }
  return ids;
}

async function expectAllReadable(app: TestServer, prefix: string, ids: string[]) {
  for (const [i, id] of ids.entries()) {
    const data = await app.admin(`query($id: ID!) { secret(id: $id) { v1: value(version: 1) { data } v2: value { data } } }`, { id });
    expect(data.secret.v1.data.value).toBe(`${prefix}-value-${i}`);
    expect(data.secret.v2.data.value).toBe(`${prefix}-value-${i}-v2`);
  }
}

describeEachEngine('master key rotation', (engine) => {
  const app = useTestServer(engine);

  test('restart with a new master key and the old one as previous: every value still reads', async () => {
    const ids = await createSecrets(app(), 'kek', 5);
    const oldKey = app().env.SECRETS_MASTER_KEY;
    const kekBefore = await app().sql<{ kek_id: string; wrapped_key: string }>('select kek_id, wrapped_key::text from encryption_keys');

    await app().restart({ SECRETS_MASTER_KEY: newMasterKey(), SECRETS_PREVIOUS_MASTER_KEYS: oldKey });
    await expectAllReadable(app(), 'kek', ids);
    const kekAfter = await app().sql<{ kek_id: string; wrapped_key: string }>('select kek_id, wrapped_key::text from encryption_keys');
    expect(new Set(kekAfter.map((k) => k.kek_id)).size).toBe(1);
    expect(kekAfter[0].kek_id).not.toBe(kekBefore[0].kek_id);
    expect(kekAfter.map((k) => k.wrapped_key)).not.toEqual(kekBefore.map((k) => k.wrapped_key));

    // The old key is no longer needed: drop it from the previous list and restart again.
    await app().restart({ SECRETS_PREVIOUS_MASTER_KEYS: undefined });
    await expectAllReadable(app(), 'kek', ids);
  });

  test('a start with an unknown master key and no previous key fails with a clear error and no key material', async () => {
    const current = app().env.SECRETS_MASTER_KEY;
    const wrong = newMasterKey();
    await expect(app().restart({ SECRETS_MASTER_KEY: wrong })).rejects.toThrow(/master key/i);
    await expect(app().restart({ SECRETS_MASTER_KEY: wrong })).rejects.not.toThrow(new RegExp(wrong.replace(/[+/=]/g, '.')));
    await app().restart({ SECRETS_MASTER_KEY: current });
    expect((await app().admin(`{ secrets { totalCount } }`)).secrets.totalCount).toBeGreaterThan(0);
  });

  test('rotateEncryptionKey re-encrypts every version onto a new data key and destroys the old one', async () => {
    const ids = await createSecrets(app(), 'dek', 4);
    const [before] = await app().sql<{ id: string }>(`select id from encryption_keys where status = 'ACTIVE'`);
    const rotated = await app().admin(`mutation { rotateEncryptionKey }`);
    expect(rotated.rotateEncryptionKey).toBe(true);
    await app().server.services.encryptionKeys.whenIdle();

    const keys = await app().sql<{ id: string; status: string; wrapped_key: unknown }>('select id, status, wrapped_key from encryption_keys');
    const active = keys.filter((k) => k.status === 'ACTIVE');
    expect(active).toHaveLength(1);
    expect(active[0].id).not.toBe(before.id);
    const old = keys.find((k) => k.id === before.id)!;
    expect(old.status).toBe('DESTROYED');
    expect(old.wrapped_key).toBeNull();
    const onOld = await app().sql('select 1 from secret_versions where key_id = $1', [before.id]);
    expect(onOld).toEqual([]);
    await expectAllReadable(app(), 'dek', ids);

    const denied = await app().gql(`mutation { rotateEncryptionKey }`, undefined, { token: null });
    expect(denied.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const audited = await app().sql<{ category: string; details: { retiredKeyIds: string[] } }>(
      `select category, details from secret_audit_log where event_type = 'ENCRYPTION_KEY_ROTATED'`,
    );
    expect(audited).toEqual([{ category: 'ADMINISTRATION', details: expect.objectContaining({ retiredKeyIds: [before.id] }) }]);
  });
});
