// Stored ciphertexts are authenticated and bound to their row: flipping one byte of the ciphertext, IV or
// tag, or swapping two versions' ciphertexts, makes reading fail with DECRYPTION_ERROR (never garbage).
import { expect, test } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { useTestServer, type TestServer } from '../support/server.js';

const READ = `query($id: ID!, $version: Int) { secret(id: $id) { value(version: $version) { data } } }`;

async function secretWithTwoVersions(app: TestServer, name: string) {
  const created = await app.admin(`mutation($input: CreateSecretInput!) { createSecret(input: $input) { id } }`, {
    input: { name, type: 'GENERIC', scope: 'GLOBAL', value: { value: `${name}-v1` } },
  });
  const id = created.createSecret.id as string;
  await app.admin(`mutation($id: ID!) { updateSecretValue(id: $id, value: {value: "${name}-v2"}) { id } }`, { id });
  return id;
}

const readCode = async (app: TestServer, id: string, version?: number) =>
  (await app.gql(READ, { id, version })).errors?.map((e) => e.extensions?.code);

describeEachEngine('tamper evidence', (engine) => {
  const app = useTestServer(engine);

  for (const column of ['ciphertext', 'iv', 'auth_tag'] as const) {
    test(`flipping one byte of the stored ${column} fails with DECRYPTION_ERROR`, async () => {
      const id = await secretWithTwoVersions(app(), `flip-${column.replace('_', '-')}`);
      expect((await app().gql(READ, { id })).data?.secret.value.data).toEqual({ value: `flip-${column.replace('_', '-')}-v2` });
      // XOR the first byte with 0x01 directly in SQL.
      await app().sql(
        `update secret_versions set ${column} = set_byte(${column}, 0, get_byte(${column}, 0) # 1) where secret_id = $1 and version = 2`,
        [id],
      );
      expect(await readCode(app(), id)).toEqual(['DECRYPTION_ERROR']);
      // The untouched version still reads.
      expect((await app().gql(READ, { id, version: 1 })).data?.secret.value.data).toEqual({ value: `flip-${column.replace('_', '-')}-v1` });
    });
  }

  test('swapping two versions’ ciphertexts (with their IVs and tags) fails with DECRYPTION_ERROR for both', async () => {
    const id = await secretWithTwoVersions(app(), 'swap');
    await app().sql(
      `update secret_versions a set ciphertext = b.ciphertext, iv = b.iv, auth_tag = b.auth_tag
         from secret_versions b
        where a.secret_id = $1 and b.secret_id = $1 and a.version <> b.version`,
      [id],
    );
    expect(await readCode(app(), id, 1)).toEqual(['DECRYPTION_ERROR']);
    expect(await readCode(app(), id, 2)).toEqual(['DECRYPTION_ERROR']);
  });

  test('moving a ciphertext to another secret fails with DECRYPTION_ERROR', async () => {
    const a = await secretWithTwoVersions(app(), 'move-a');
    const b = await secretWithTwoVersions(app(), 'move-b');
    await app().sql(
      `update secret_versions t set ciphertext = s.ciphertext, iv = s.iv, auth_tag = s.auth_tag
         from secret_versions s where t.secret_id = $2 and t.version = 2 and s.secret_id = $1 and s.version = 2`,
      [a, b],
    );
    expect(await readCode(app(), b)).toEqual(['DECRYPTION_ERROR']);
  });
});
