// GraphQL subscriptions over graphql-ws: authenticated at connection_init, each subscriber receives only
// events about secrets it may see (re-checked per event, so a revoked grant stops them), filters narrow the
// stream, and on PostgreSQL an event caused on one replica reaches subscribers on another.
//
// Subscriptions have no "ready" acknowledgement, so each test first primes its subscribers: it triggers a
// probe event the subscriber may see until one arrives. Events reach a subscriber in commit order, so once a
// later visible event has arrived, every earlier one has been decided (delivered or withheld).
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ManualClock } from '../../lib/clock.js';
import { describeEachEngine, postgresEngine } from '../support/engines.js';
import { mintJwt, TEST_JWT_SECRET } from '../support/identities.js';
import { startTestServer, useTestServer, type TestServer } from '../support/server.js';
import { subscribe, type Subscriber } from '../support/ws-client.js';

const EVENT_FIELDS = 'id type secretId secretName organizationId actorId actorType criticality occurredAt data';
const env = { AUTH_JWT_SECRET: TEST_JWT_SECRET, SECRETS_JOBS_ENABLED: 'false' };
const eventOf = (data: any) => data.secretEvents ?? data.secretRotated ?? data.secretExpiring;

let counter = 0;
async function createOrgSecret(app: TestServer, organizationId: string, value = 'plain-value'): Promise<string> {
  const data = await app.admin(
    `mutation($name: String!, $org: ID!, $value: String!) { createSecret(input: {name: $name, type: GENERIC, scope: ORGANIZATION, organizationId: $org, value: {value: $value}}) { id } }`,
    { name: `s-${process.pid}-${++counter}`, org: organizationId, value },
  );
  return data.createSecret.id;
}

/** Triggers probe events until the subscriber receives one (the subscription is live from then on). */
async function prime(subscriber: Subscriber, trigger: () => Promise<string>): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const id = await trigger();
    try {
      await subscriber.waitFor((d) => eventOf(d)?.secretId === id, 500);
      return;
    } catch {
      // not subscribed yet; probe again
    }
  }
  throw new Error('the subscription never became live');
}

const orgAdmin = (sub: string, org: string) => mintJwt({ sub, orgs: [{ id: org, role: 'ORG_ADMIN' }] });

describeEachEngine('secret event subscriptions', (engine) => {
  // JWTs are checked against the server's clock, so the last test can let a token expire without sleeping.
  const clock = new ManualClock(new Date());
  const app = useTestServer(engine, { env, clock });
  const open: Subscriber[] = [];
  const opened = (s: Subscriber) => (open.push(s), s);
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });

  test('each subscriber receives only events about secrets it may see; arguments narrow the stream', async () => {
    const [alice, bob] = [await orgAdmin('alice', 'org-a'), await orgAdmin('bob', 'org-b')];
    const all = opened(subscribe(app().url, alice, `subscription { secretEvents { ${EVENT_FIELDS} } }`));
    const rotated = opened(subscribe(app().url, alice, `subscription { secretRotated(organizationId: "org-a") { type secretId } }`));
    const deletions = opened(subscribe(app().url, alice, `subscription { secretEvents(types: [SECRET_DELETED]) { type secretId } }`));
    const other = opened(subscribe(app().url, bob, `subscription { secretEvents { type secretId organizationId } }`));
    await prime(all, () => createOrgSecret(app(), 'org-a'));
    await prime(other, () => createOrgSecret(app(), 'org-b'));
    await prime(rotated, async () => {
      const id = await createOrgSecret(app(), 'org-a');
      await app().admin(`mutation($id: ID!) { rotateSecret(id: $id, value: {value: "probe-rotated"}) { id } }`, { id });
      return id;
    });
    await prime(deletions, async () => {
      const id = await createOrgSecret(app(), 'org-a');
      await app().admin(`mutation($id: ID!) { deleteSecret(id: $id) { id } }`, { id });
      return id;
    });

    const id = await createOrgSecret(app(), 'org-a', 'created-plain-9d1c');
    await app().admin(`mutation($id: ID!) { rotateSecret(id: $id, value: {value: "rotated-plain-9d1c"}, gracePeriodHours: 1) { id } }`, { id });
    const event = await all.waitFor((d) => d.secretEvents.secretId === id && d.secretEvents.type === 'SECRET_ROTATED');
    expect(event.secretEvents).toMatchObject({ organizationId: 'org-a', actorId: 'bootstrap-admin', actorType: 'USER', criticality: 'LOW' });
    expect(event.secretEvents.data).toMatchObject({ secretId: id, version: 2, fromVersion: 1 });
    await rotated.waitFor((d) => d.secretRotated.secretId === id);

    // bob's own organization's event arrives after alice's; by then alice's have been withheld from him.
    const own = await createOrgSecret(app(), 'org-b');
    await other.waitFor((d) => d.secretEvents.secretId === own);
    expect(other.received.every((d) => d.secretEvents.organizationId === 'org-b')).toBe(true);
    expect(all.received.every((d) => d.secretEvents.organizationId === 'org-a')).toBe(true);
    expect(rotated.received.every((d) => d.secretRotated.type === 'SECRET_ROTATED')).toBe(true);
    expect(deletions.received.every((d) => d.secretEvents.type === 'SECRET_DELETED')).toBe(true);
    expect(JSON.stringify([all.received, other.received])).not.toMatch(/plain-9d1c/);
    expect([...all.errors, ...other.errors]).toEqual([]);
  });

  test('a revoked grant stops the stream at once', async () => {
    const guest = await mintJwt({ sub: 'guest' });
    const shared = await createOrgSecret(app(), 'org-c');
    const granted = await app().admin(
      `mutation($id: ID!) { grantSecretAccess(input: {secretId: $id, granteeType: USER, granteeId: "guest", permissions: [VIEW_METADATA]}) { id } }`,
      { id: shared },
    );
    const stream = opened(subscribe(app().url, guest, `subscription { secretEvents { type secretId } }`));
    let n = 0;
    const touch = async () => {
      await app().admin(`mutation($id: ID!, $d: String!) { updateSecret(id: $id, input: {description: $d}) { id } }`, { id: shared, d: `touch ${++n}` });
      return shared;
    };
    await prime(stream, touch);
    await app().admin(`mutation($g: ID!) { revokeSecretAccess(grantId: $g) }`, { g: granted.grantSecretAccess.id });
    const seenBefore = stream.received.length;
    await touch();
    // A later event the guest may see (its own secret) proves the touch above was decided.
    const own = await app().gql(`mutation { createSecret(input: {name: "guest-own", type: GENERIC, scope: USER, value: {value: "g"}}) { id } }`, undefined, { token: guest });
    expect(own.errors).toBeUndefined();
    await stream.waitFor((d) => d.secretEvents.secretId === own.data!.createSecret.id);
    expect(stream.received.slice(seenBefore).map((d) => d.secretEvents.secretId)).toEqual([own.data!.createSecret.id]);
  });

  test('a connection without valid credentials is refused', async () => {
    for (const token of [null, 'not-a-valid-token']) {
      const refused = opened(subscribe(app().url, token, `subscription { secretEvents { type } }`));
      await expect.poll(() => refused.errors.length).toBeGreaterThan(0);
      expect(refused.received).toEqual([]);
    }
  });

  test('the stream ends once the subscriber\'s token expires', async () => {
    const stream = opened(subscribe(app().url, await mintJwt({ sub: 'erin', orgs: [{ id: 'org-e', role: 'ORG_ADMIN' }] }, { expiresIn: '60s' }), `subscription { secretEvents { type secretId } }`));
    await prime(stream, () => createOrgSecret(app(), 'org-e'));
    clock.advance(120_000); // past exp + AUTH_CLOCK_TOLERANCE_SECONDS (30)
    const late = await createOrgSecret(app(), 'org-e');
    await expect.poll(() => stream.completed).toBe(true);
    expect(stream.received.map((d) => d.secretEvents.secretId)).not.toContain(late);
  });
});

describe.skipIf(postgresEngine.skip)('subscriptions across two replicas sharing one PostgreSQL', () => {
  let a: TestServer;
  let b: TestServer;
  const open: Subscriber[] = [];
  beforeAll(async () => {
    a = await startTestServer(postgresEngine, { env });
    b = await startTestServer(postgresEngine, { env, replicaOf: a });
  });
  afterAll(async () => {
    await Promise.all(open.map((s) => s.close()));
    await b?.dispose();
    await a?.dispose();
  });

  test('a subscriber on replica A receives an event caused on replica B; another organization receives nothing', async () => {
    const onA = subscribe(a.url, await orgAdmin('carol', 'org-x'), `subscription { secretEvents { type secretId organizationId } }`);
    const otherOrg = subscribe(a.url, await orgAdmin('dave', 'org-y'), `subscription { secretEvents { type secretId organizationId } }`);
    open.push(onA, otherOrg);
    await prime(onA, () => createOrgSecret(b, 'org-x'));
    await prime(otherOrg, () => createOrgSecret(b, 'org-y'));

    const id = await createOrgSecret(b, 'org-x');
    await onA.waitFor((d) => d.secretEvents.secretId === id && d.secretEvents.type === 'SECRET_CREATED');
    const theirs = await createOrgSecret(b, 'org-y');
    await otherOrg.waitFor((d) => d.secretEvents.secretId === theirs);
    expect(otherOrg.received.map((d) => d.secretEvents.organizationId)).not.toContain('org-x');
    expect(onA.received.map((d) => d.secretEvents.organizationId)).not.toContain('org-y');
  });
});
