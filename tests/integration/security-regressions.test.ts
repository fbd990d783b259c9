// Regression tests for the findings of the security review: cross-organization team namespaces and team
// grants, WebSocket credentials re-checked per operation, no privilege escalation through service accounts or
// personal secrets, grant details only for GRANT holders, and the error boundary on WebSocket results.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { beforeAll, expect, test } from 'vitest';
import { pgliteEngine } from '../support/engines.js';
import { createServiceAccount, mintJwt, TEST_JWT_SECRET } from '../support/identities.js';
import { useTestServer } from '../support/server.js';
import { subscribe } from '../support/ws-client.js';

const app = useTestServer(pgliteEngine, { env: { AUTH_JWT_SECRET: TEST_JWT_SECRET, SECRETS_JOBS_ENABLED: 'false' } });
const codes = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.map((e) => e.extensions?.code);
let alice: string; // ORG_ADMIN of org-a
let mallory: string; // ORG_ADMIN of org-b
let bob: string; // MEMBER of org-a in team-a1

beforeAll(async () => {
  alice = await mintJwt({ sub: 'alice', orgs: [{ id: 'org-a', role: 'ORG_ADMIN' }] });
  mallory = await mintJwt({ sub: 'mallory', orgs: [{ id: 'org-b', role: 'ORG_ADMIN' }] });
  bob = await mintJwt({ sub: 'bob', orgs: [{ id: 'org-a', role: 'MEMBER' }], teams: ['team-a1'] });
});

const CREATE = `mutation($i: CreateSecretInput!) { createSecret(input: $i) { id } }`;

test("another organization can neither probe, block nor shadow a team's secret names, and its team grants do not cross over", async () => {
  const real = await app().gql(CREATE, { i: { name: 'db-url', type: 'GENERIC', scope: 'TEAM', organizationId: 'org-a', teamId: 'team-a1', value: { value: 'postgres://real' } } }, { token: alice });
  expect(real.errors).toBeUndefined();
  // Mallory claims the same team id in her organization: no conflict (so no probing, no blocking).
  const fake = await app().gql(CREATE, { i: { name: 'db-url', type: 'GENERIC', scope: 'TEAM', organizationId: 'org-b', teamId: 'team-a1', value: { value: 'postgres://attacker' } } }, { token: mallory });
  expect(fake.errors).toBeUndefined();
  const grant = await app().gql(
    `mutation($id: ID!) { grantSecretAccess(input: {secretId: $id, granteeType: TEAM, granteeId: "team-a1", permissions: [READ]}) { id } }`,
    { id: fake.data!.createSecret.id },
    { token: mallory },
  );
  expect(grant.errors).toBeUndefined();
  // Bob, in team-a1 of org-a, still resolves and lists only org-a's secret.
  const resolved = await app().gql(`{ resolveSecrets(refs: [{ref: "TEAM/team-a1/db-url"}]) { value { data } error { code } } }`, undefined, { token: bob });
  expect(resolved.data?.resolveSecrets[0]).toEqual({ value: { data: { value: 'postgres://real' } }, error: null });
  const listed = await app().gql(`{ secrets(filter: {teamId: "team-a1"}) { totalCount } }`, undefined, { token: bob });
  expect(listed.data?.secrets.totalCount).toBe(1);
  expect((await app().gql(`query($id: ID!) { secret(id: $id) { id } }`, { id: fake.data!.createSecret.id }, { token: bob })).data?.secret).toBeNull();
  // A super admin sees both, so a name reference is ambiguous for them and they must use the id.
  const ambiguous = await app().gql(`{ resolveSecrets(refs: [{ref: "TEAM/team-a1/db-url"}]) { error { code } } }`);
  expect(ambiguous.data?.resolveSecrets[0].error.code).toBe('VALIDATION_ERROR');
});

test('a personal secret cannot be attributed to an organization the owner does not belong to', async () => {
  const eve = await mintJwt({ sub: 'eve' });
  const result = await app().gql(CREATE, { i: { name: 'urgent', type: 'GENERIC', scope: 'USER', organizationId: 'org-a', value: { value: 'x' } } }, { token: eve });
  expect(codes(result)).toEqual(['ACCESS_DENIED']);
  const own = await app().gql(CREATE, { i: { name: 'mine', type: 'GENERIC', scope: 'USER', value: { value: 'x' } } }, { token: eve });
  expect(own.errors).toBeUndefined();
});

test('an organization admin cannot give a service account what they do not hold (export of values)', async () => {
  const result = await app().gql(
    `mutation { createServiceAccount(input: {name: "exfil", organizationId: "org-a", permissions: ["secrets.export.values", "secrets.secret.read.organization"]}) { token } }`,
    undefined,
    { token: alice },
  );
  expect(codes(result)).toEqual(['ACCESS_DENIED']);
  const fine = await app().gql(
    `mutation { createServiceAccount(input: {name: "reader", organizationId: "org-a", permissions: ["secrets.secret.read.organization"]}) { token } }`,
    undefined,
    { token: alice },
  );
  expect(fine.errors).toBeUndefined();
});

test('a revoked service account stops working on an already open WebSocket', async () => {
  const created = await app().admin(`mutation { createSecret(input: {name: "ws-org", type: GENERIC, scope: ORGANIZATION, organizationId: "org-a", value: {value: "ws-secret"}}) { id } }`);
  const { token, serviceAccount } = await createServiceAccount(app(), { name: 'ws', organizationId: 'org-a', permissions: ['secrets.secret.read.organization'] });
  const client = createClient({ url: app().url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined });
  const manifest = (await import('../../operations/generated/persisted-documents.json', { with: { type: 'json' } })).default as Record<string, string>;
  const hash = Object.keys(manifest).find((h) => manifest[h].includes('query ReadSecretValue'))!;
  const run = () =>
    new Promise<{ data?: any; errors?: any[] }>((resolve) => {
      let result: { data?: any; errors?: any[] } = {};
      client.subscribe(
        { query: '', variables: { id: created.createSecret.id }, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } },
        { next: (r) => (result = r as any), error: (e) => resolve({ errors: Array.isArray(e) ? e : [e] }), complete: () => resolve(result) },
      );
    });
  expect((await run()).data?.secret.value.data).toEqual({ value: 'ws-secret' });
  await app().admin(`mutation($id: ID!) { revokeServiceAccount(id: $id) }`, { id: serviceAccount.id });
  const after = await run();
  expect(after.data?.secret?.value).toBeUndefined();
  // The server answers UNAUTHENTICATED and closes the socket with 4401; the client sees one or the other first.
  const reasons = (after.errors ?? []).map((e: any) => String(e?.extensions?.code ?? e?.code ?? e?.message));
  expect(reasons.some((r) => r === 'UNAUTHENTICATED' || r === '4401')).toBe(true);
  await client.dispose();
});

test('grant events reach only subscribers holding GRANT on the secret', async () => {
  const created = await app().admin(`mutation { createSecret(input: {name: "watched", type: GENERIC, scope: TEAM, organizationId: "org-a", teamId: "team-a1", value: {value: "x"}}) { id } }`);
  const reader = subscribe(app().url, bob, `subscription { secretEvents { type secretName } }`);
  const admin = subscribe(app().url, alice, `subscription { secretEvents { type secretName } }`);
  await new Promise((r) => setTimeout(r, 300));
  await app().admin(`mutation($id: ID!) { grantSecretAccess(input: {secretId: $id, granteeType: USER, granteeId: "carol", permissions: [READ]}) { id } }`, { id: created.createSecret.id });
  await app().admin(`mutation($id: ID!) { updateSecret(id: $id, input: {description: "marker"}) { id } }`, { id: created.createSecret.id });
  await admin.waitFor((d) => d.secretEvents.type === 'SECRET_UPDATED' && d.secretEvents.secretName === 'watched');
  await reader.waitFor((d) => d.secretEvents.type === 'SECRET_UPDATED' && d.secretEvents.secretName === 'watched');
  expect(admin.received.some((d) => d.secretEvents.type === 'SECRET_ACCESS_GRANTED')).toBe(true);
  expect(reader.received.some((d) => d.secretEvents.type === 'SECRET_ACCESS_GRANTED')).toBe(false);
  await reader.close();
  await admin.close();
});

test('WebSocket results go through the same error boundary: no echoed variables', async () => {
  const leak = 'WS-ECHO-PLAINTEXT-42';
  const sub = subscribe(app().url, alice, `query($i: CreateSecretInput!) { __typename }`, { i: { name: 'x', value: { value: leak } } });
  await new Promise((r) => setTimeout(r, 500));
  expect(sub.errors.length).toBeGreaterThan(0);
  expect(JSON.stringify(sub.errors)).not.toContain(leak);
  await sub.close();
});
