// Concurrent writers never lose a version or duplicate a number: 20 simultaneous updateSecretValue calls on
// one secret produce versions 2..21 exactly once, each readable with its own value.
import { expect, test } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { useTestServer } from '../support/server.js';

describeEachEngine('concurrent value updates', (engine) => {
  const app = useTestServer(engine);

  test('20 concurrent updateSecretValue calls create versions 2..21 exactly once', async () => {
    const created = await app().admin(`mutation { createSecret(input: {name: "hot", type: GENERIC, scope: GLOBAL, value: {value: "v0"}}) { id } }`);
    const id = created.createSecret.id as string;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        app().gql(`mutation($id: ID!, $v: JSON!) { updateSecretValue(id: $id, value: $v) { currentVersion } }`, { id, v: { value: `writer-${i}` } }),
      ),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const returned = results.map((r) => r.data!.updateSecretValue.currentVersion as number).sort((a, b) => a - b);
    expect(returned).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));

    const rows = await app().sql<{ version: number }>('select version from secret_versions where secret_id = $1 order by version', [id]);
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    const [secret] = await app().sql<{ current_version: number }>('select current_version from secrets where id = $1', [id]);
    expect(secret.current_version).toBe(21);

    // Every writer's value landed in exactly one version.
    const values = new Set<string>();
    for (let version = 2; version <= 21; version++) {
      const read = await app().admin(`query($id: ID!, $v: Int) { secret(id: $id) { value(version: $v) { data } } }`, { id, v: version });
      values.add(read.secret.value.data.value);
    }
    expect(values.size).toBe(20);
  });
});
