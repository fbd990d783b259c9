// Expiry notifications driven by an injected clock through 60 days: SECRET_EXPIRING_SOON at 30, 14, 7 and 1
// days and SECRET_EXPIRED are each observed exactly once in the outbox, also when the job runs twice per
// tick, skips days, restarts, or runs on two replicas against the same PostgreSQL.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addDays, ManualClock } from '../../lib/clock.js';
import { describeEachEngine, postgresEngine } from '../support/engines.js';
import { startTestServer, useTestServer, type TestServer } from '../support/server.js';

const EXPECTED = ['SECRET_EXPIRING_SOON:30', 'SECRET_EXPIRING_SOON:14', 'SECRET_EXPIRING_SOON:7', 'SECRET_EXPIRING_SOON:1', 'SECRET_EXPIRED:0'];
const EXPIRATION_CHECK = 'expiration-check';

/** Each scenario gets its own 100-day stretch of time, so the shared clock only moves forward. */
const timeline = (index: number) => addDays(new Date('2026-01-01T00:00:00Z'), index * 100);

async function createExpiring(app: TestServer, name: string, expiresAt: Date, extra = ''): Promise<string> {
  const data = await app.admin(
    `mutation($name: String!, $expiresAt: DateTime!) {
       createSecret(input: {name: $name, type: GENERIC, scope: GLOBAL, value: {value: "v"}, expiresAt: $expiresAt ${extra}}) { id }
     }`,
    { name, expiresAt: expiresAt.toISOString() },
  );
  return data.createSecret.id;
}

/** The expiry events of one secret in outbox order, as `TYPE:daysUntilExpiration`. */
async function expiryEvents(app: TestServer, secretId: string): Promise<string[]> {
  const rows = await app.sql<{ type: string; days: number }>(
    `select type, (payload->'data'->>'daysUntilExpiration')::int as days from outbox_events
      where payload->>'resourceId' = $1 and type in ('SECRET_EXPIRING_SOON', 'SECRET_EXPIRED') order by sequence`,
    [secretId],
  );
  return rows.map((r) => `${r.type}:${r.days}`);
}

/** The windows a secret was sent, in order: `30d`, ..., `EXPIRED`. */
async function sentWindows(app: TestServer, secretId: string): Promise<string[]> {
  const rows = await app.sql<{ kind: string; window: string }>(
    `select kind, "window" from notifications_sent where secret_id = $1 and outcome = 'SENT' order by created_at`,
    [secretId],
  );
  return rows.map((r) => (r.kind === 'EXPIRED' ? 'EXPIRED' : r.window.split('@')[0]));
}

/** Moves the clock to midnight of each day in `days` (relative to `start`) and runs `tick` there. */
async function drive(clock: ManualClock, start: Date, days: number[], tick: (day: number) => Promise<unknown>) {
  for (const day of days) {
    clock.set(addDays(start, day));
    await tick(day);
  }
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describeEachEngine('expiry notifications over 60 days', (engine) => {
  const clock = new ManualClock(timeline(0));
  const app = useTestServer(engine, { clock });

  test('a daily run sends 30, 14, 7 and 1 days and expired, once each; the status agrees', async () => {
    const start = timeline(0);
    clock.set(start);
    const id = await createExpiring(app(), 'daily', addDays(start, 60));
    await drive(clock, start, range(0, 61), async (day) => {
      await app().server.jobs.runNow(EXPIRATION_CHECK);
      if (day === 31) {
        const listed = await app().admin(`{ secrets(filter: {status: EXPIRING}) { edges { node { id status } } } }`);
        expect(listed.secrets.edges.map((e: any) => e.node.id)).toContain(id);
      }
    });
    expect(await expiryEvents(app(), id)).toEqual(EXPECTED);
    const after = await app().admin(`query($id: ID!) { secret(id: $id) { status } }`, { id });
    expect(after.secret.status).toBe('EXPIRED');
  });

  test('running the job twice per tick, concurrently, sends nothing twice', async () => {
    const start = timeline(1);
    clock.set(start);
    const id = await createExpiring(app(), 'twice', addDays(start, 60));
    await drive(clock, start, range(0, 61), () =>
      Promise.all([app().server.jobs.runNow(EXPIRATION_CHECK), app().server.jobs.runNow(EXPIRATION_CHECK)]),
    );
    expect(await expiryEvents(app(), id)).toEqual(EXPECTED);
  });

  test('skipped days and a restart still deliver each window exactly once', async () => {
    const start = timeline(2);
    clock.set(start);
    const id = await createExpiring(app(), 'skipping', addDays(start, 60));
    // Runs every few days, landing in each window at least once (days left: 33, 28, 20, 15, 10, 5, 1, 0, -2).
    await drive(clock, start, [27, 32, 40, 45, 50, 55], () => app().server.jobs.runNow(EXPIRATION_CHECK));
    await app().restart();
    await drive(clock, start, [55, 59, 60, 62], () => app().server.jobs.runNow(EXPIRATION_CHECK));
    expect(await expiryEvents(app(), id)).toEqual(['SECRET_EXPIRING_SOON:28', 'SECRET_EXPIRING_SOON:10', 'SECRET_EXPIRING_SOON:5', 'SECRET_EXPIRING_SOON:1', 'SECRET_EXPIRED:0']);
    // Each event answered its own window (the events carry the days actually left).
    expect(await sentWindows(app(), id)).toEqual(['30d', '14d', '7d', '1d', 'EXPIRED']);
  });

  test('a late run after a long gap sends only the most urgent owed window', async () => {
    const start = timeline(3);
    clock.set(start);
    const id = await createExpiring(app(), 'late', addDays(start, 60));
    // Day 29 (31 days left): nothing owed. Then the job is down until 6 days are left: only the 7-day notice.
    await drive(clock, start, [29, 54, 54, 59, 65], () => app().server.jobs.runNow(EXPIRATION_CHECK));
    expect(await expiryEvents(app(), id)).toEqual(['SECRET_EXPIRING_SOON:6', 'SECRET_EXPIRING_SOON:1', 'SECRET_EXPIRED:0']);
    const claims = await app().sql<{ window: string; outcome: string }>(
      `select "window", outcome from notifications_sent where secret_id = $1 order by created_at, "window"`,
      [id],
    );
    expect(claims.filter((c) => c.outcome === 'SKIPPED').map((c) => c.window.split('@')[0]).sort()).toEqual(['14d', '30d']);
  });

  test('custom windows, a deleted secret, and a new expiry date', async () => {
    const start = timeline(4);
    clock.set(start);
    const custom = await createExpiring(app(), 'custom', addDays(start, 60), ', expiryNotificationDays: [45, 3]');
    const deleted = await createExpiring(app(), 'deleted', addDays(start, 60));
    await app().admin(`mutation($id: ID!) { deleteSecret(id: $id) { id } }`, { id: deleted });
    const extended = await createExpiring(app(), 'extended', addDays(start, 40));
    await drive(clock, start, range(0, 30), () => app().server.jobs.runNow(EXPIRATION_CHECK));
    // 10 days left on `extended`: it had its 30- and 14-day notices. Renewing it for a year starts over.
    expect(await expiryEvents(app(), extended)).toEqual(['SECRET_EXPIRING_SOON:30', 'SECRET_EXPIRING_SOON:14']);
    await app().admin(`mutation($id: ID!, $at: DateTime!) { updateSecret(id: $id, input: {expiresAt: $at}) { id } }`, {
      id: extended,
      at: addDays(start, 30 + 31).toISOString(),
    });
    await drive(clock, start, range(31, 61), () => app().server.jobs.runNow(EXPIRATION_CHECK));
    expect(await expiryEvents(app(), custom)).toEqual(['SECRET_EXPIRING_SOON:45', 'SECRET_EXPIRING_SOON:3', 'SECRET_EXPIRED:0']);
    expect(await expiryEvents(app(), deleted)).toEqual([]);
    expect(await expiryEvents(app(), extended)).toEqual([
      'SECRET_EXPIRING_SOON:30',
      'SECRET_EXPIRING_SOON:14',
      'SECRET_EXPIRING_SOON:30',
      'SECRET_EXPIRING_SOON:14',
      'SECRET_EXPIRING_SOON:7',
      'SECRET_EXPIRING_SOON:1',
      'SECRET_EXPIRED:0',
    ]);
  });

  test('an expired value is refused unless SECRETS_ALLOW_EXPIRED_READ', async () => {
    const start = timeline(5);
    clock.set(start);
    const id = await createExpiring(app(), 'read-after-expiry', addDays(start, 1));
    clock.set(addDays(start, 2));
    const read = await app().gql(`query($id: ID!) { secret(id: $id) { value { data } } }`, { id });
    expect(read.errors?.[0]?.extensions?.code).toBe('SECRET_EXPIRED');
    await app().restart({ SECRETS_ALLOW_EXPIRED_READ: 'true' });
    const allowed = await app().admin(`query($id: ID!) { secret(id: $id) { value { data } } }`, { id });
    expect(allowed.secret.value.data).toEqual({ value: 'v' });
  });
});

describe.skipIf(postgresEngine.skip)('expiry notifications on two replicas sharing one PostgreSQL', () => {
  const clock = new ManualClock(timeline(0));
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    a = await startTestServer(postgresEngine, { clock });
    b = await startTestServer(postgresEngine, { clock, replicaOf: a });
  });
  afterAll(async () => {
    await b?.dispose();
    await a?.dispose();
  });

  test('both replicas run every tick; each notice is sent once', async () => {
    const start = timeline(0);
    const ids = [
      await createExpiring(a, 'replicated-1', addDays(start, 60)),
      await createExpiring(b, 'replicated-2', addDays(start, 60)),
    ];
    await drive(clock, start, range(0, 61), () =>
      Promise.all([a.server.jobs.runNow(EXPIRATION_CHECK), b.server.jobs.runNow(EXPIRATION_CHECK), a.server.jobs.runNow(EXPIRATION_CHECK)]),
    );
    for (const id of ids) expect(await expiryEvents(a, id)).toEqual(EXPECTED);
  });
});
