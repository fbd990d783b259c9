// Tenants are isolated: a user of organization B learns nothing about organization A's secrets — not by id,
// list, search, _entities, resolveSecrets, Organization.secrets, versions or grants — not even whether an id or
// a name exists (a hidden secret and a missing one get the same answer). Listings filter in SQL.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, test } from 'vitest';
import { SYSTEM_ACTOR } from '../../identity/actor.js';
import { describeEachEngine } from '../support/engines.js';
import { mintJwt, TEST_JWT_SECRET } from '../support/identities.js';
import { useTestServer } from '../support/server.js';

const errorsOf = (r: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) =>
  r.errors?.map((e) => ({ code: e.extensions?.code, message: e.message }));

describeEachEngine('cross-organization isolation', (engine) => {
  const app = useTestServer(engine, { env: { AUTH_JWT_SECRET: TEST_JWT_SECRET, SECRETS_JOBS_ENABLED: 'false' } });
  let secretId: string;
  let grantId: string;
  let intruder: string;

  beforeAll(async () => {
    const created = await app().admin(
      `mutation { createSecret(input: {name: "acme-stripe", description: "Acme payments", type: API_KEY, scope: ORGANIZATION, organizationId: "org-a", value: {key: "sk_live_acme"}, tags: ["payments"]}) { id } }`,
    );
    secretId = created.createSecret.id;
    await app().admin(`mutation($id: ID!) { updateSecretValue(id: $id, value: {key: "sk_live_acme_2"}) { id } }`, { id: secretId });
    const grant = await app().admin(
      `mutation($id: ID!) { grantSecretAccess(input: {secretId: $id, granteeType: USER, granteeId: "a-user", permissions: [READ]}) { id } }`,
      { id: secretId },
    );
    grantId = grant.grantSecretAccess.id;
    intruder = await mintJwt({ sub: 'b-admin', orgs: [{ id: 'org-b', role: 'ORG_ADMIN' }], teams: ['team-b'], projects: ['proj-b'] });
  });

  /** Runs the same operation against the hidden secret and a random id: the answers must be identical. */
  async function sameAsMissing(query: string, variables: (id: string) => Record<string, unknown>) {
    const hidden = await app().gql(query, variables(secretId), { token: intruder });
    const missing = await app().gql(query, variables(randomUUID()), { token: intruder });
    expect(JSON.stringify({ data: hidden.data, errors: errorsOf(hidden) })).toBe(JSON.stringify({ data: missing.data, errors: errorsOf(missing) }));
    return hidden;
  }

  test('reads by id look exactly like a missing id', async () => {
    const one = await sameAsMissing(`query($id: ID!) { secret(id: $id) { id name versions { version } accessGrants { id } value { data } } }`, (id) => ({ id }));
    expect(one.data?.secret).toBeNull();
    const entities = await sameAsMissing(`query($id: ID!) { _entities(representations: [{__typename: "Secret", id: $id}]) { ... on Secret { id name } } }`, (id) => ({ id }));
    expect(entities.data?._entities).toEqual([null]);
    const resolved = await sameAsMissing(`query($id: String!) { resolveSecrets(refs: [{ref: $id}]) { value { data } error { code message } } }`, (id) => ({ id }));
    expect(resolved.data?.resolveSecrets[0].error.code).toBe('SECRET_NOT_FOUND');
  });

  test('writes by id look exactly like a missing id', async () => {
    const mutations = [
      `mutation($id: ID!) { updateSecretValue(id: $id, value: {key: "x"}) { id } }`,
      `mutation($id: ID!) { updateSecret(id: $id, input: {description: "x"}) { id } }`,
      `mutation($id: ID!) { rollbackSecret(id: $id, version: 1) { id } }`,
      `mutation($id: ID!) { deleteSecret(id: $id) { id } }`,
      `mutation($id: ID!) { restoreSecret(id: $id) { id } }`,
      `mutation($id: ID!) { purgeSecret(id: $id) }`,
      `mutation($id: ID!) { moveSecret(id: $id, input: {scope: ORGANIZATION, organizationId: "org-b"}) { id } }`,
      `mutation($id: ID!) { grantSecretAccess(input: {secretId: $id, granteeType: USER, granteeId: "b-admin", permissions: [READ]}) { id } }`,
    ];
    for (const mutation of mutations) {
      const result = await sameAsMissing(mutation, (id) => ({ id }));
      expect(result.errors?.[0].extensions?.code, mutation).toBe('SECRET_NOT_FOUND');
    }
    const revoke = await app().gql(`mutation($id: ID!) { revokeSecretAccess(grantId: $id) }`, { id: grantId }, { token: intruder });
    const revokeMissing = await app().gql(`mutation($id: ID!) { revokeSecretAccess(grantId: $id) }`, { id: randomUUID() }, { token: intruder });
    expect(errorsOf(revoke)).toEqual(errorsOf(revokeMissing));
    // Nothing changed.
    const state = await app().admin(`query($id: ID!) { secret(id: $id) { currentVersion deletedAt accessGrants { id } } }`, { id: secretId });
    expect(state.secret).toEqual({ currentVersion: 2, deletedAt: null, accessGrants: [{ id: grantId }] });
  });

  test('names do not leak: references and creating the same name answer as if it did not exist', async () => {
    const byRef = await app().gql(`{ resolveSecrets(refs: [{ref: "ORGANIZATION/org-a/acme-stripe"}, {ref: "ORGANIZATION/org-a/no-such"}]) { error { code message } } }`, undefined, { token: intruder });
    expect(byRef.data?.resolveSecrets[0]).toEqual(byRef.data?.resolveSecrets[1]);
    const CREATE = `mutation($name: String!) { createSecret(input: {name: $name, type: GENERIC, scope: ORGANIZATION, organizationId: "org-a", value: {value: "x"}}) { id } }`;
    const taken = await app().gql(CREATE, { name: 'acme-stripe' }, { token: intruder });
    const free = await app().gql(CREATE, { name: 'no-such' }, { token: intruder });
    expect(errorsOf(taken)).toEqual(errorsOf(free));
    expect(taken.errors?.[0].extensions?.code).toBe('ACCESS_DENIED');
  });

  test('lists, search, counts and entity connections show nothing of organization A', async () => {
    const data = await app().gql(
      `{ all: secrets { totalCount edges { node { id } } }
         search: secrets(filter: {search: "acme"}) { totalCount }
         byOrg: secrets(filter: {organizationId: "org-a", includeDeleted: true}) { totalCount }
         byTag: secrets(filter: {tags: ["payments"]}) { totalCount }
         _entities(representations: [{__typename: "Organization", id: "org-a"}]) { ... on Organization { secrets { totalCount edges { node { id } } } } } }`,
      undefined,
      { token: intruder },
    );
    expect(data.errors).toBeUndefined();
    expect(data.data).toEqual({
      all: { totalCount: 0, edges: [] },
      search: { totalCount: 0 },
      byOrg: { totalCount: 0 },
      byTag: { totalCount: 0 },
      _entities: [{ secrets: { totalCount: 0, edges: [] } }],
    });
  });
});

describeEachEngine('listing filters in SQL', (engine) => {
  const app = useTestServer(engine, { env: { AUTH_JWT_SECRET: TEST_JWT_SECRET, SECRETS_JOBS_ENABLED: 'false' } });

  test('of 1,000 secrets the caller may see 10: exactly those 10, totalCount 10, on every page', async () => {
    const { secrets, grants } = app().server.services;
    const visible = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const secret = await secrets.create(SYSTEM_ACTOR, {
        name: `bulk-${String(i).padStart(4, '0')}`,
        type: 'GENERIC',
        scope: i % 2 ? 'ORGANIZATION' : 'TEAM',
        organizationId: 'org-bulk',
        teamId: i % 2 ? null : 'team-bulk',
        value: { value: `v${i}` },
      });
      if (i % 100 === 7) {
        await grants.grant(SYSTEM_ACTOR, { secretId: secret.id, granteeType: 'USER', granteeId: 'viewer', permissions: ['READ'] });
        visible.add(secret.id);
      }
    }
    const viewer = await mintJwt({ sub: 'viewer', orgs: [{ id: 'org-other', role: 'MEMBER' }] });
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await app().gql(
        `query($after: String) { secrets(first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
        { after },
        { token: viewer },
      );
      expect(page.errors).toBeUndefined();
      expect(page.data.secrets.totalCount).toBe(10);
      seen.push(...page.data.secrets.edges.map((e: any) => e.node.id));
      if (!page.data.secrets.pageInfo.hasNextPage) break;
      after = page.data.secrets.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(10);
    expect(new Set(seen)).toEqual(visible);
    const mine = await app().gql(`{ _entities(representations: [{__typename: "User", id: "viewer"}]) { ... on User { accessibleSecrets(first: 100) { totalCount } } } }`, undefined, { token: viewer });
    expect(mine.data?._entities[0].accessibleSecrets.totalCount).toBe(10);
  }, 120_000);
});
