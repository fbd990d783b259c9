// Reading the audit trail: who may read which organization's entries (secrets.audit.read.*), filters, cursor
// pagination, one entry by id, Organization.secretAuditLog and Organization.secretStats.
import { beforeAll, expect, test } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { mintJwt, TEST_JWT_SECRET } from '../support/identities.js';
import { useTestServer, type TestServer } from '../support/server.js';

const LIST = `query($org: ID, $filter: AuditFilter, $first: Int, $after: String) {
  auditLogs(organizationId: $org, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id sequence eventType outcome actorId organizationId secretId } } } }`;

async function create(app: TestServer, name: string, org: string | null, extra = '') {
  const placement = org ? `scope: ORGANIZATION, organizationId: "${org}"` : 'scope: GLOBAL';
  const data = await app.admin(`mutation { createSecret(input: {name: "${name}", type: GENERIC, ${placement}, value: {value: "x"}${extra}}) { id } }`);
  return data.createSecret.id as string;
}

describeEachEngine('audit queries', (engine) => {
  const app = useTestServer(engine, { env: { AUTH_JWT_SECRET: TEST_JWT_SECRET, SECRETS_JOBS_ENABLED: 'false' } });
  let orgAdmin: string;
  let member: string;
  let auditorOfOrg2: string;
  let org1Secret: string;
  let org2Secret: string;

  beforeAll(async () => {
    orgAdmin = await mintJwt({ sub: 'admin-1', orgs: [{ id: 'org-1', role: 'ORG_ADMIN' }] });
    member = await mintJwt({ sub: 'member-1', orgs: [{ id: 'org-1', role: 'MEMBER' }] });
    auditorOfOrg2 = await mintJwt({ sub: 'auditor-2', orgs: [{ id: 'org-2', role: 'MEMBER' }], permissions: ['secrets.audit.read.organization'] });
    org1Secret = await create(app(), 'q-one', 'org-1');
    org2Secret = await create(app(), 'q-two', 'org-2');
    await create(app(), 'q-global', null);
    for (let i = 0; i < 3; i++) await app().admin(`query($id: ID!) { secret(id: $id) { value { data } } }`, { id: org1Secret });
    await app().admin(`mutation($id: ID!) { updateSecretValue(id: $id, value: {value: "y"}) { id } }`, { id: org2Secret });
  });

  test('an organization admin reads exactly their organization; other organizations are refused and audited', async () => {
    const own = await app().gql(LIST, { first: 100 }, { token: orgAdmin });
    const orgs = new Set(own.data!.auditLogs.edges.map((e: any) => e.node.organizationId));
    expect([...orgs]).toEqual(['org-1']);
    expect(own.data!.auditLogs.totalCount).toBe(4);
    const explicit = await app().gql(LIST, { org: 'org-1', first: 100 }, { token: orgAdmin });
    expect(explicit.data!.auditLogs.totalCount).toBe(4);

    const other = await app().gql(LIST, { org: 'org-2' }, { token: orgAdmin });
    expect(other.errors?.[0].extensions?.code).toBe('ACCESS_DENIED');
    const memberTry = await app().gql(LIST, {}, { token: member });
    expect(memberTry.errors?.[0].extensions?.code).toBe('ACCESS_DENIED');
    const denials = await app().admin(LIST, { filter: { outcome: 'DENIED', eventTypes: ['SECRET_ACCESS_DENIED'] }, first: 10 });
    expect(denials.auditLogs.edges.map((e: any) => [e.node.actorId, e.node.organizationId])).toEqual([
      ['member-1', null],
      ['admin-1', 'org-2'],
    ]);
  });

  test('the organization code lets a member audit their own organization only; global entries are for global readers', async () => {
    const page = await app().gql(LIST, { first: 100 }, { token: auditorOfOrg2 });
    expect(page.data!.auditLogs.edges.every((e: any) => e.node.organizationId === 'org-2')).toBe(true);
    expect(page.data!.auditLogs.edges.length).toBeGreaterThanOrEqual(2);
    const all = await app().admin(LIST, { first: 500 });
    expect(all.auditLogs.edges.some((e: any) => e.node.organizationId === null)).toBe(true);
  });

  test('auditLog(id) answers a readable entry and null for another organization’s (the same as a missing id)', async () => {
    const [org2Entry] = (await app().admin(LIST, { org: 'org-2', first: 1 })).auditLogs.edges.map((e: any) => e.node);
    const [org1Entry] = (await app().admin(LIST, { org: 'org-1', first: 1 })).auditLogs.edges.map((e: any) => e.node);
    const one = `query($id: ID!) { auditLog(id: $id) { id eventType } }`;
    expect((await app().gql(one, { id: org1Entry.id }, { token: orgAdmin })).data?.auditLog).toEqual({ id: org1Entry.id, eventType: org1Entry.eventType });
    expect((await app().gql(one, { id: org2Entry.id }, { token: orgAdmin })).data?.auditLog).toBeNull();
    expect((await app().gql(one, { id: '00000000-0000-4000-8000-000000000000' }, { token: orgAdmin })).data?.auditLog).toBeNull();
  });

  test('filters combine (secret, event types, actor, outcome, time range) and cursors page without overlap', async () => {
    const reads = await app().admin(LIST, { filter: { secretId: org1Secret, eventTypes: ['SECRET_VALUE_READ'], actorId: 'bootstrap-admin', outcome: 'SUCCESS' }, first: 10 });
    expect(reads.auditLogs.totalCount).toBe(3);
    const future = await app().admin(LIST, { filter: { from: new Date(Date.now() + 3_600_000).toISOString() } });
    expect(future.auditLogs.totalCount).toBe(0);
    const recent = await app().admin(LIST, { filter: { from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString(), secretId: org1Secret } });
    expect(recent.auditLogs.totalCount).toBe(4);

    const seen: number[] = [];
    let after: string | undefined;
    for (;;) {
      const page = (await app().admin(LIST, { org: 'org-1', first: 3, after })).auditLogs;
      expect(page.totalCount).toBe(4);
      seen.push(...page.edges.map((e: any) => e.node.sequence));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(4);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
    const bad = await app().gql(LIST, { filter: { secretId: 'not-a-uuid' } });
    expect(bad.errors?.[0].extensions?.code).toBe('VALIDATION_ERROR');
  });

  test('Organization.secretAuditLog and secretStats through _entities; stats count only what the caller may see', async () => {
    const expiring = new Date(Date.now() + 10 * 86_400_000).toISOString();
    await create(app(), 'stats-expiring', 'org-3', `, expiresAt: "${expiring}"`);
    await create(app(), 'stats-plain', 'org-3');
    const gone = await create(app(), 'stats-deleted', 'org-3');
    await app().admin(`mutation($id: ID!) { deleteSecret(id: $id) { id } }`, { id: gone });
    const query = `{ _entities(representations: [{__typename: "Organization", id: "org-3"}]) { ... on Organization {
      secretAuditLog(first: 2) { totalCount edges { node { eventType } } }
      secretStats { total byType byScope expiringWithin30Days expired rotationDue deleted } } } }`;
    const [org] = (await app().admin(query))._entities;
    expect(org.secretAuditLog.totalCount).toBe(4);
    expect(org.secretAuditLog.edges[0].node.eventType).toBe('SECRET_DELETED');
    expect(org.secretStats).toMatchObject({ total: 2, expiringWithin30Days: 1, expired: 0, rotationDue: 0, deleted: 1 });
    expect(org.secretStats.byType).toMatchObject({ GENERIC: 2, API_KEY: 0 });
    expect(org.secretStats.byScope).toMatchObject({ ORGANIZATION: 2, TEAM: 0 });

    const outsider = await mintJwt({ sub: 'stranger', orgs: [{ id: 'org-9', role: 'ORG_ADMIN' }] });
    const seenByOutsider = await app().gql(query.replace('secretAuditLog(first: 2) { totalCount edges { node { eventType } } }', ''), undefined, { token: outsider });
    expect(seenByOutsider.data?._entities[0].secretStats).toMatchObject({ total: 0, deleted: 0 });
  });
});
