// Rotation: rotateSecret with a value and a grace period, built-in generators, the scheduled rotation-check
// (NOTIFY_ONLY and AUTOMATIC), and a real HTTP webhook handler that times out, answers garbage, recovers.
import { randomBytes } from 'node:crypto';
import { afterAll, expect, test } from 'vitest';
import { addDays, HOUR_MS, ManualClock } from '../../lib/clock.js';
import { describeEachEngine } from '../support/engines.js';
import { startRotationWebhook } from '../support/rotation-webhook.js';
import { useTestServer, type TestServer } from '../support/server.js';

const hook = await startRotationWebhook();
afterAll(() => hook.close());

const ROTATION_CHECK = 'rotation-check';
const MINUTE_MS = 60_000;
const plain = (label: string) => `${label}-${randomBytes(10).toString('hex')}`;

async function create(app: TestServer, input: string, variables: Record<string, unknown> = {}): Promise<string> {
  const data = await app.admin(`mutation($value: JSON!, $metadata: JSON) { createSecret(input: {${input}, value: $value, metadata: $metadata}) { id } }`, variables);
  return data.createSecret.id;
}

const readValue = (app: TestServer, id: string, version?: number) =>
  app.gql(`query($id: ID!, $v: Int) { secret(id: $id) { currentVersion value(version: $v) { version data } } }`, { id, v: version });

const rotate = (app: TestServer, id: string, args: { value?: unknown; gracePeriodHours?: number } = {}) =>
  app.gql(`mutation($id: ID!, $value: JSON, $grace: Int) { rotateSecret(id: $id, value: $value, gracePeriodHours: $grace) { currentVersion lastRotatedAt nextRotationAt } }`, {
    id,
    value: args.value,
    grace: args.gracePeriodHours,
  });

async function events(app: TestServer, id: string, types: string[]) {
  return app.sql<{ type: string; data: any }>(
    `select type, payload->'data' as data from outbox_events where payload->>'resourceId' = $1 and type = any($2) order by sequence`,
    [id, types],
  );
}

describeEachEngine('secret rotation', (engine) => {
  const clock = new ManualClock('2026-01-01T00:00:00Z');
  const app = useTestServer(engine, {
    clock,
    env: {
      SECRETS_ROTATION_WEBHOOK_ALLOWLIST: hook.url('/rotate/'),
      SECRETS_ROTATION_WEBHOOK_TIMEOUT_MS: '300',
      SECRETS_ROTATION_WEBHOOK_RETRIES: '1',
    },
  });

  test('rotateSecret with a 1-hour grace period: the old version is readable at +59 min and refused at +61 min', async () => {
    const [oldKey, newKey] = [plain('old-key'), plain('new-key')];
    const id = await create(app(), 'name: "graced", type: API_KEY, scope: GLOBAL, rotationIntervalDays: 90', { value: { key: oldKey } });
    const rotatedAt = clock.now();
    const rotated = await rotate(app(), id, { value: { key: newKey }, gracePeriodHours: 1 });
    expect(rotated.errors).toBeUndefined();
    expect(rotated.data!.rotateSecret).toEqual({
      currentVersion: 2,
      lastRotatedAt: rotatedAt.toISOString(),
      nextRotationAt: addDays(rotatedAt, 90).toISOString(),
    });

    clock.set(new Date(rotatedAt.getTime() + 59 * MINUTE_MS));
    expect((await readValue(app(), id, 1)).data!.secret.value).toEqual({ version: 1, data: { key: oldKey } });
    clock.set(new Date(rotatedAt.getTime() + 61 * MINUTE_MS));
    const refused = await readValue(app(), id, 1);
    expect(refused.errors?.[0]?.extensions?.code).toBe('SECRET_EXPIRED');
    expect((await readValue(app(), id)).data!.secret.value).toEqual({ version: 2, data: { key: newKey } });

    const versions = await app().admin(`query($id: ID!) { secret(id: $id) { versions { version validUntil isCurrent } } }`, { id });
    expect(versions.secret.versions).toEqual([
      { version: 2, validUntil: null, isCurrent: true },
      { version: 1, validUntil: new Date(rotatedAt.getTime() + HOUR_MS).toISOString(), isCurrent: false },
    ]);
    const rotatedEvents = await events(app(), id, ['SECRET_ROTATED']);
    expect(rotatedEvents.map((e) => [e.data.version, e.data.fromVersion])).toEqual([[2, 1]]);
    const outbox = JSON.stringify(await app().sql('select payload from outbox_events'));
    for (const value of [oldKey, newKey]) {
      expect(outbox).not.toContain(value);
      expect(app().logs.join('\n')).not.toContain(value);
    }
  });

  test('without a value: refused unless AUTOMATIC; weak generator settings fail cleanly; a generator rotates', async () => {
    const manual = await create(app(), 'name: "manual", type: GENERIC, scope: GLOBAL', { value: { value: 'm' } });
    const refused = await rotate(app(), manual);
    expect(refused.errors?.[0]?.extensions?.code).toBe('VALIDATION_ERROR');

    const password = plain('pw');
    const id = await create(app(), 'name: "db-login", type: USERNAME_PASSWORD, scope: GLOBAL, rotationStrategy: AUTOMATIC, rotationIntervalDays: 30', {
      value: { username: 'svc', password },
      metadata: { rotation: { length: 24, alphabet: 'hex' } },
    });
    const weak = await rotate(app(), id);
    expect(weak.errors?.[0]?.extensions?.code).toBe('ROTATION_ERROR');
    expect(weak.errors?.[0]?.message).toMatch(/96 bits of entropy/);
    expect((await readValue(app(), id)).data!.secret.value).toEqual({ version: 1, data: { username: 'svc', password } });
    const failed = await events(app(), id, ['SECRET_ROTATION_FAILED']);
    expect(failed.map((e) => e.data.errorMessage)).toEqual([expect.stringMatching(/96 bits of entropy/)]);

    await app().admin(`mutation($id: ID!) { updateSecret(id: $id, input: {metadata: {rotation: {length: 40, alphabet: "hex"}}}) { id } }`, { id });
    const ok = await rotate(app(), id);
    expect(ok.errors).toBeUndefined();
    const value = (await readValue(app(), id)).data!.secret.value;
    expect(value.version).toBe(2);
    expect(value.data.username).toBe('svc');
    expect(value.data.password).toMatch(/^[0-9a-f]{40}$/);
    // Without a grace period the previous credential is retired at once.
    expect((await readValue(app(), id, 1)).errors?.[0]?.extensions?.code).toBe('SECRET_EXPIRED');
  });

  test('rotation-check: NOTIFY_ONLY secrets get ROTATION_DUE once per due date, AUTOMATIC ones are rotated once', async () => {
    const start = clock.now();
    const notify = await create(app(), 'name: "notify-only", type: GENERIC, scope: GLOBAL, rotationStrategy: NOTIFY_ONLY, rotationIntervalDays: 7', { value: { value: 'n' } });
    const automatic = await create(app(), 'name: "automatic", type: GENERIC, scope: GLOBAL, rotationStrategy: AUTOMATIC, rotationIntervalDays: 7', { value: { value: 'a' } });
    clock.set(addDays(start, 6));
    await app().server.jobs.runNow(ROTATION_CHECK);
    expect(await events(app(), notify, ['SECRET_ROTATION_DUE'])).toEqual([]);

    clock.set(addDays(start, 7));
    await Promise.all([app().server.jobs.runNow(ROTATION_CHECK), app().server.jobs.runNow(ROTATION_CHECK)]);
    await app().server.jobs.runNow(ROTATION_CHECK);
    expect(await events(app(), notify, ['SECRET_ROTATION_DUE'])).toHaveLength(1);
    expect(await events(app(), automatic, ['SECRET_ROTATED'])).toHaveLength(1);
    const status = await app().admin(`query($a: ID!, $b: ID!) { a: secret(id: $a) { status } b: secret(id: $b) { status currentVersion lastRotatedAt } }`, { a: notify, b: automatic });
    expect(status.a.status).toBe('ROTATION_DUE');
    expect(status.b).toEqual({ status: 'ACTIVE', currentVersion: 2, lastRotatedAt: addDays(start, 7).toISOString() });

    // The owner rotates the NOTIFY_ONLY secret by hand; its next due date brings one more notice.
    expect((await rotate(app(), notify, { value: { value: 'n2' } })).errors).toBeUndefined();
    clock.set(addDays(start, 14));
    await app().server.jobs.runNow(ROTATION_CHECK);
    await app().server.jobs.runNow(ROTATION_CHECK);
    expect(await events(app(), notify, ['SECRET_ROTATION_DUE'])).toHaveLength(2);
    expect(await events(app(), automatic, ['SECRET_ROTATED'])).toHaveLength(2);
  });

  test('a webhook that times out or answers garbage changes nothing and emits ROTATION_FAILED; once it recovers the next run rotates', async () => {
    const start = clock.now();
    const original = plain('orig');
    const id = await create(app(), 'name: "hooked", type: API_KEY, scope: GLOBAL, rotationStrategy: AUTOMATIC, rotationIntervalDays: 30', {
      value: { key: original },
      metadata: { team: 'payments', rotation: { webhookUrl: hook.url('/rotate/payments'), gracePeriodHours: 2 } },
    });
    const sentBefore = hook.requests.length;
    const unchanged = async () => expect((await readValue(app(), id)).data!.secret.value).toEqual({ version: 1, data: { key: original } });
    const failures = async () => (await events(app(), id, ['SECRET_ROTATION_FAILED'])).map((e) => e.data.errorMessage as string);

    hook.mode = 'hang';
    clock.set(addDays(start, 30));
    await app().server.jobs.runNow(ROTATION_CHECK);
    await unchanged();
    expect(await failures()).toEqual([expect.stringMatching(/timed out after 300 ms \(2 attempts\)/)]);
    // Same tick again: backing off, nothing new.
    await app().server.jobs.runNow(ROTATION_CHECK);
    expect(await failures()).toHaveLength(1);

    hook.mode = 'garbage';
    clock.set(new Date(addDays(start, 30).getTime() + HOUR_MS));
    await app().server.jobs.runNow(ROTATION_CHECK);
    await unchanged();
    hook.mode = 'wrong-shape';
    clock.set(new Date(addDays(start, 30).getTime() + 3 * HOUR_MS));
    await app().server.jobs.runNow(ROTATION_CHECK);
    await unchanged();
    const messages = await failures();
    expect(messages).toEqual([
      expect.stringMatching(/timed out/),
      'Rotation webhook response is not JSON',
      expect.stringMatching(/^Rotation webhook returned an invalid API_KEY value: .*key/),
    ]);
    expect(messages.join(' ')).not.toContain('GARBAGE-BODY');
    const [state] = await app().sql('select failed_attempts, next_attempt_at from secret_rotation_state where secret_id = $1', [id]);
    expect(state.failed_attempts).toBe(3);

    hook.mode = 'ok';
    clock.set(new Date(addDays(start, 30).getTime() + 6 * HOUR_MS)); // backoff after 3 failures: 4 h, not over yet
    await app().server.jobs.runNow(ROTATION_CHECK);
    await unchanged();
    const recoveredAt = new Date(addDays(start, 30).getTime() + 7 * HOUR_MS);
    clock.set(recoveredAt);
    await app().server.jobs.runNow(ROTATION_CHECK);
    const after = (await readValue(app(), id)).data!.secret;
    expect(after.value).toEqual({ version: 2, data: { key: hook.issued.at(-1) } });
    expect((await readValue(app(), id, 1)).data!.secret.value.data).toEqual({ key: original }); // grace: 2 h
    expect(await app().sql('select * from secret_rotation_state where secret_id = $1', [id])).toEqual([]);
    const secret = await app().admin(`query($id: ID!) { secret(id: $id) { lastRotatedAt nextRotationAt } }`, { id });
    expect(secret.secret).toEqual({ lastRotatedAt: recoveredAt.toISOString(), nextRotationAt: addDays(recoveredAt, 30).toISOString() });

    // The webhook saw the metadata, never a value.
    const received = hook.requests.slice(sentBefore);
    expect(received.every((r) => r.path === '/rotate/payments' && r.body.secretId === id && r.body.metadata.team === 'payments')).toBe(true);
    expect(JSON.stringify(received)).not.toContain(original);
    // Neither the old nor the generated value reaches logs, events or lifecycle state.
    const stored = JSON.stringify([await app().sql('select payload from outbox_events'), await app().sql('select * from secret_rotation_state')]);
    for (const value of [original, ...hook.issued]) {
      expect(stored).not.toContain(value);
      expect(app().logs.join('\n')).not.toContain(value);
    }
  });

  test('a webhook URL outside SECRETS_ROTATION_WEBHOOK_ALLOWLIST is refused when set, and never called', async () => {
    const refused = await app().gql(
      `mutation($v: JSON!, $m: JSON) { createSecret(input: {name: "ssrf", type: API_KEY, scope: GLOBAL, rotationStrategy: AUTOMATIC, rotationIntervalDays: 30, value: $v, metadata: $m}) { id } }`,
      { v: { key: plain('k') }, m: { rotation: { webhookUrl: hook.url('/admin/internal') } } },
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_ERROR', issues: [{ path: 'input.metadata.rotation.webhookUrl' }] });
    const badLength = await app().gql(
      `mutation($v: JSON!, $m: JSON) { createSecret(input: {name: "short", type: API_KEY, scope: GLOBAL, value: $v, metadata: $m}) { id } }`,
      { v: { key: plain('k') }, m: { rotation: { length: 3 } } },
    );
    expect(badLength.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_ERROR', issues: [{ path: 'input.metadata.rotation.length' }] });
    // A URL that got in before the allowlist was narrowed is still never called.
    const id = await create(app(), 'name: "ssrf", type: API_KEY, scope: GLOBAL, rotationStrategy: AUTOMATIC, rotationIntervalDays: 30', {
      value: { key: plain('k') },
    });
    await app().sql(`update secrets set metadata = $2::jsonb where id = $1`, [id, JSON.stringify({ rotation: { webhookUrl: hook.url('/admin/internal') } })]);
    const before = hook.requests.length;
    const result = await rotate(app(), id);
    expect(result.errors?.[0]?.extensions?.code).toBe('ROTATION_ERROR');
    expect(result.errors?.[0]?.message).toMatch(/not allowed by SECRETS_ROTATION_WEBHOOK_ALLOWLIST/);
    expect(hook.requests.length).toBe(before);
  });
});
