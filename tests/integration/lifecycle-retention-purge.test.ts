// version-retention keeps at most SECRETS_MAX_VERSIONS versions (never the current one nor one in its grace
// period); purge-deleted removes soft-deleted secrets past their recovery deadline with
// SECRET_PERMANENTLY_DELETED. Both are idempotent.
import { expect, test } from 'vitest';
import { addDays, HOUR_MS, ManualClock } from '../../lib/clock.js';
import { describeEachEngine } from '../support/engines.js';
import { useTestServer } from '../support/server.js';

describeEachEngine('version retention and purge', (engine) => {
  const clock = new ManualClock('2026-01-01T00:00:00Z');
  const app = useTestServer(engine, { clock, env: { SECRETS_MAX_VERSIONS: '3', SECRETS_RECOVERY_DAYS: '30' } });

  const storedVersions = async (id: string) =>
    (await app().sql<{ version: number }>('select version from secret_versions where secret_id = $1 order by version', [id])).map((r) => r.version);

  test('keeps the newest versions, never the current one nor one inside its grace period', async () => {
    const created = await app().admin(`mutation { createSecret(input: {name: "busy", type: GENERIC, scope: GLOBAL, value: {value: "v1"}}) { id } }`);
    const id = created.createSecret.id as string;
    await app().admin(`mutation($id: ID!) { rotateSecret(id: $id, value: {value: "v2"}, gracePeriodHours: 48) { id } }`, { id }); // v1 in grace
    for (const v of ['v3', 'v4', 'v5', 'v6']) {
      await app().admin(`mutation($id: ID!, $v: JSON!) { updateSecretValue(id: $id, value: $v) { id } }`, { id, v: { value: v } });
    }
    await Promise.all([app().server.jobs.runNow('version-retention'), app().server.jobs.runNow('version-retention')]);
    expect(await storedVersions(id)).toEqual([1, 5, 6]);

    // Still inside v1's grace period a new version pushes out v5 instead.
    await app().admin(`mutation($id: ID!) { updateSecretValue(id: $id, value: {value: "v7"}) { id } }`, { id });
    await app().server.jobs.runNow('version-retention');
    expect(await storedVersions(id)).toEqual([1, 6, 7]);

    clock.set(addDays(clock.now(), 3)); // the grace period is over: v1 is an ordinary old version now
    await app().admin(`mutation($id: ID!) { updateSecretValue(id: $id, value: {value: "v8"}) { id } }`, { id });
    await app().server.jobs.runNow('version-retention');
    expect(await storedVersions(id)).toEqual([6, 7, 8]);
    const gone = await app().gql(`query($id: ID!) { secret(id: $id) { value(version: 1) { data } } }`, { id });
    expect(gone.errors?.[0]?.extensions?.code).toBe('SECRET_NOT_FOUND');
    expect((await app().admin(`query($id: ID!) { secret(id: $id) { versions { version } } }`, { id })).secret.versions).toEqual([
      { version: 8 },
      { version: 7 },
      { version: 6 },
    ]);
  });

  test('purges soft-deleted secrets only after their recovery deadline, once', async () => {
    const created = await app().admin(
      `mutation { a: createSecret(input: {name: "gone", type: GENERIC, scope: GLOBAL, value: {value: "x"}, expiresAt: "2027-01-01T00:00:00Z"}) { id }
                  b: createSecret(input: {name: "kept", type: GENERIC, scope: GLOBAL, value: {value: "y"}}) { id } }`,
    );
    const [gone, kept] = [created.a.id as string, created.b.id as string];
    const deletedAt = clock.now();
    await app().admin(`mutation($a: ID!, $b: ID!) { a: deleteSecret(id: $a) { id } b: deleteSecret(id: $b) { id } }`, { a: gone, b: kept });
    await app().admin(`mutation($b: ID!) { restoreSecret(id: $b) { id } }`, { b: kept });

    clock.set(new Date(addDays(deletedAt, 30).getTime() - HOUR_MS));
    await app().server.jobs.runNow('purge-deleted');
    expect(await app().sql('select id from secrets where id = $1', [gone])).toHaveLength(1);

    clock.set(addDays(deletedAt, 30));
    await Promise.all([app().server.jobs.runNow('purge-deleted'), app().server.jobs.runNow('purge-deleted')]);
    await app().server.jobs.runNow('purge-deleted');
    expect(await app().sql('select id from secrets where id = $1', [gone])).toEqual([]);
    expect(await app().sql('select version from secret_versions where secret_id = $1', [gone])).toEqual([]);
    expect(await app().sql('select id from secrets where id = $1', [kept])).toHaveLength(1);
    const events = await app().sql<{ type: string; actor: string }>(
      `select type, payload->>'actorType' as actor from outbox_events where payload->>'resourceId' = $1 and type = 'SECRET_PERMANENTLY_DELETED'`,
      [gone],
    );
    expect(events).toEqual([{ type: 'SECRET_PERMANENTLY_DELETED', actor: 'SYSTEM' }]);
  });
});
