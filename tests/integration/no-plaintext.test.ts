// No secret value appears in plaintext anywhere but an authorized value read: not in any table (as text or
// as bytes), not in the embedded database's files, not in logs, not in error responses.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { secretSamples } from '../support/secret-samples.js';
import { useTestServer, type TestServer } from '../support/server.js';

const samples = secretSamples();
const plaintexts = samples.flatMap((s) => s.plaintexts);

/** Every row of every table in the public and drizzle schemas, as text (bytea renders as hex). */
async function dumpAllTables(app: TestServer): Promise<string> {
  const tables = await app.sql<{ schema: string; name: string }>(
    `select table_schema as schema, table_name as name from information_schema.tables
      where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE'`,
  );
  expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['secrets', 'secret_versions', 'encryption_keys']));
  let dump = '';
  for (const t of tables) {
    const rows = await app.sql<{ row: string }>(`select t::text as row from "${t.schema}"."${t.name}" t`);
    dump += rows.map((r) => r.row).join('\n');
  }
  return dump;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describeEachEngine('no plaintext at rest or in logs', (engine) => {
  const app = useTestServer(engine);

  test('after creating, updating, reading and failing on all 9 types, no plaintext is stored or logged', async () => {
    const ids: string[] = [];
    for (const sample of samples) {
      const created = await app().admin(
        `mutation($input: CreateSecretInput!) { createSecret(input: $input) { id } }`,
        { input: { name: `leak-${sample.type.toLowerCase()}`, type: sample.type, scope: 'ORGANIZATION', organizationId: 'org-leak', value: sample.value } },
      );
      ids.push(created.createSecret.id);
      // A second version with the same value, and an authorized read that must return it intact.
      await app().admin(`mutation($id: ID!, $v: JSON!) { updateSecretValue(id: $id, value: $v, changeReason: "again") { id } }`, {
        id: created.createSecret.id,
        v: sample.value,
      });
      const read = await app().admin(`query($id: ID!) { secret(id: $id) { value { data } } }`, { id: created.createSecret.id });
      expect(read.secret.value.data).toEqual(sample.value);
    }
    // Failures that carry plaintext in their input: a bad variable type, a bad value shape, a conflict.
    const failures = [
      await app().gql(`mutation($input: CreateSecretInput!) { createSecret(input: $input) { id } }`, {
        input: { name: 'x', type: 'NOT_A_TYPE', scope: 'GLOBAL', value: { value: plaintexts[0] } },
      }),
      await app().gql(`mutation($input: CreateSecretInput!) { createSecret(input: $input) { id } }`, {
        input: { name: 'bad-shape', type: 'USERNAME_PASSWORD', scope: 'GLOBAL', value: { username: plaintexts[1], passwd: plaintexts[2] } },
      }),
      await app().gql(`mutation($input: CreateSecretInput!) { createSecret(input: $input) { id } }`, {
        input: { name: 'leak-generic', type: 'GENERIC', scope: 'ORGANIZATION', organizationId: 'org-leak', value: { value: plaintexts[3] } },
      }),
      await app().gql(`mutation { createSecret(input: {name: "inline", type: BOGUS, scope: GLOBAL, value: {value: "${plaintexts[4]}"}}) { id } }`),
    ];
    for (const failure of failures) expect(failure.errors?.length).toBeGreaterThan(0);
    const responses = JSON.stringify(failures);

    const dump = await dumpAllTables(app());
    const logs = app().logs.join('\n');
    expect(logs.length).toBeGreaterThan(0);
    for (const plaintext of plaintexts) {
      const hex = Buffer.from(plaintext).toString('hex');
      expect(dump, 'table text').not.toContain(plaintext);
      expect(dump, 'table bytes').not.toContain(hex);
      expect(logs, 'logs').not.toContain(plaintext);
      expect(responses, 'error responses').not.toContain(plaintext);
    }

    if (engine.name === 'pglite') {
      // The embedded database's files on disk, after a checkpoint flushes everything.
      await app().sql('checkpoint');
      const files = filesUnder(app().env.SECRETS_DATA_DIR);
      expect(files.length).toBeGreaterThan(10);
      for (const file of files) {
        const bytes = readFileSync(file);
        for (const plaintext of plaintexts) expect(bytes.includes(Buffer.from(plaintext)), `${file}`).toBe(false);
      }
    }
  });
});
