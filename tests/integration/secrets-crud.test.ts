// Secret CRUD, versions, listing and soft-delete through real HTTP requests, on PGlite and PostgreSQL.
import { expect, test } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { useTestServer, type TestServer } from '../support/server.js';

const CREATE = `mutation($input: CreateSecretInput!) { createSecret(input: $input) { id name scope status currentVersion organization { id } team { id } project { id } owner { id } tags } }`;
const READ = `query($id: ID!, $version: Int) { secret(id: $id) { id value(version: $version) { version type data } } }`;

async function create(app: TestServer, input: Record<string, unknown>) {
  const data = await app.admin(CREATE, { input: { type: 'GENERIC', scope: 'GLOBAL', value: { value: 'v1' }, ...input } });
  return data.createSecret as { id: string; name: string; currentVersion: number; status: string };
}

const codes = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.map((e) => e.extensions?.code);

describeEachEngine('secret CRUD', (engine) => {
  const app = useTestServer(engine);

  test('given the admin token, createSecret then Secret.value round-trips the typed value', async () => {
    const secret = await create(app(), {
      name: 'stripe-key',
      type: 'API_KEY',
      scope: 'ORGANIZATION',
      organizationId: 'org-1',
      value: { key: 'sk_live_roundtrip', endpoint: 'https://api.stripe.com' },
      tags: ['payments', 'production'],
    });
    expect(secret).toMatchObject({ name: 'stripe-key', currentVersion: 1, status: 'ACTIVE', organization: { id: 'org-1' } });
    const data = await app().admin(READ, { id: secret.id });
    expect(data.secret.value).toEqual({ version: 1, type: 'API_KEY', data: { key: 'sk_live_roundtrip', endpoint: 'https://api.stripe.com' } });
  });

  test('each scope is placed by its ids; missing or foreign ids are refused with every bad path', async () => {
    const team = await create(app(), { name: 'team-db', scope: 'TEAM', organizationId: 'org-1', teamId: 'team-1' });
    const project = await create(app(), { name: 'proj-db', scope: 'PROJECT', organizationId: 'org-1', projectId: 'proj-1' });
    const personal = await create(app(), { name: 'my-token', scope: 'USER' });
    expect(team).toMatchObject({ team: { id: 'team-1' }, organization: { id: 'org-1' } });
    expect(project).toMatchObject({ project: { id: 'proj-1' } });
    expect(personal).toMatchObject({ owner: { id: 'bootstrap-admin' } });

    const bad = await app().gql(CREATE, { input: { name: 'x', type: 'GENERIC', scope: 'TEAM', value: { value: 'v' }, projectId: 'p' } });
    expect(codes(bad)).toEqual(['VALIDATION_ERROR']);
    const paths = (bad.errors![0].extensions!.issues as { path: string }[]).map((i) => i.path).sort();
    expect(paths).toEqual(['input.organizationId', 'input.projectId', 'input.teamId']);
  });

  test('names are unique per scope owner among live secrets', async () => {
    await create(app(), { name: 'dup', scope: 'ORGANIZATION', organizationId: 'org-dup' });
    const clash = await app().gql(CREATE, { input: { name: 'dup', type: 'GENERIC', scope: 'ORGANIZATION', organizationId: 'org-dup', value: { value: 'x' } } });
    expect(codes(clash)).toEqual(['SECRET_NAME_CONFLICT']);
    // Same name under another owner is fine.
    await create(app(), { name: 'dup', scope: 'ORGANIZATION', organizationId: 'org-dup-2' });
  });

  test('an invalid value fails with INVALID_SECRET_VALUE listing each bad path, and nothing is written', async () => {
    const before = await app().sql<{ n: number }>('select count(*)::int as n from secrets');
    const result = await app().gql(CREATE, {
      input: { name: 'bad-creds', type: 'USERNAME_PASSWORD', scope: 'GLOBAL', value: { username: '', url: 'not a url' } },
    });
    expect(codes(result)).toEqual(['INVALID_SECRET_VALUE']);
    const paths = (result.errors![0].extensions!.issues as { path: string }[]).map((i) => i.path).sort();
    expect(paths).toEqual(['password', 'url', 'username']);
    const after = await app().sql<{ n: number }>('select count(*)::int as n from secrets');
    expect(after[0].n).toBe(before[0].n);
  });

  test('a value over SECRETS_MAX_VALUE_BYTES is refused', async () => {
    const result = await app().gql(CREATE, { input: { name: 'huge', type: 'GENERIC', scope: 'GLOBAL', value: { value: 'x'.repeat(70_000) } } });
    expect(codes(result)).toEqual(['INVALID_SECRET_VALUE']);
    expect(result.errors![0].message).toMatch(/limit is 65536/);
  });

  test('updateSecretValue writes a new version; expectedVersion gives check-and-set and a stale one writes nothing', async () => {
    const secret = await create(app(), { name: 'cas' });
    const UPDATE = `mutation($id: ID!, $value: JSON!, $ev: Int, $reason: String) { updateSecretValue(id: $id, value: $value, expectedVersion: $ev, changeReason: $reason) { currentVersion } }`;
    const ok = await app().admin(UPDATE, { id: secret.id, value: { value: 'v2' }, ev: 1, reason: 'rotate by hand' });
    expect(ok.updateSecretValue.currentVersion).toBe(2);
    const stale = await app().gql(UPDATE, { id: secret.id, value: { value: 'v3' }, ev: 1 });
    expect(codes(stale)).toEqual(['VERSION_CONFLICT']);
    expect(stale.errors![0].extensions).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
    const versions = await app().sql('select version from secret_versions where secret_id = $1 order by version', [secret.id]);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);

    const data = await app().admin(
      `query($id: ID!) { secret(id: $id) { currentVersion versions { version isCurrent changeReason createdBy { id } } old: value(version: 1) { data } cur: value { data } } }`,
      { id: secret.id },
    );
    expect(data.secret.versions).toEqual([
      { version: 2, isCurrent: true, changeReason: 'rotate by hand', createdBy: { id: 'bootstrap-admin' } },
      { version: 1, isCurrent: false, changeReason: 'Created', createdBy: { id: 'bootstrap-admin' } },
    ]);
    expect(data.secret.old.data).toEqual({ value: 'v1' });
    expect(data.secret.cur.data).toEqual({ value: 'v2' });
  });

  test('rollbackSecret creates a new version equal to the old one', async () => {
    const secret = await create(app(), { name: 'rollback-me' });
    await app().admin(`mutation($id: ID!) { updateSecretValue(id: $id, value: {value: "v2"}) { id } }`, { id: secret.id });
    const rolled = await app().admin(`mutation($id: ID!) { rollbackSecret(id: $id, version: 1) { currentVersion } }`, { id: secret.id });
    expect(rolled.rollbackSecret.currentVersion).toBe(3);
    const data = await app().admin(READ, { id: secret.id });
    expect(data.secret.value).toMatchObject({ version: 3, data: { value: 'v1' } });
    const missing = await app().gql(`mutation($id: ID!) { rollbackSecret(id: $id, version: 9) { id } }`, { id: secret.id });
    expect(codes(missing)).toEqual(['SECRET_NOT_FOUND']);
  });

  test('updateSecret changes metadata, including a rename, and refuses a taken name', async () => {
    const a = await create(app(), { name: 'meta-a', scope: 'PROJECT', organizationId: 'org-m', projectId: 'p-m' });
    await create(app(), { name: 'meta-b', scope: 'PROJECT', organizationId: 'org-m', projectId: 'p-m' });
    const UPDATE = `mutation($id: ID!, $input: UpdateSecretInput!) { updateSecret(id: $id, input: $input) { name description tags metadata rotationStrategy rotationIntervalDays nextRotationAt expiryNotificationDays } }`;
    const updated = await app().admin(UPDATE, {
      id: a.id,
      input: { name: 'meta-renamed', description: 'db password', tags: ['db', 'db'], metadata: { owner: 'team-x' }, rotationStrategy: 'NOTIFY_ONLY', rotationIntervalDays: 30, expiryNotificationDays: [7, 30] },
    });
    expect(updated.updateSecret).toMatchObject({
      name: 'meta-renamed',
      description: 'db password',
      tags: ['db'],
      metadata: { owner: 'team-x' },
      rotationStrategy: 'NOTIFY_ONLY',
      rotationIntervalDays: 30,
      expiryNotificationDays: [30, 7],
    });
    expect(updated.updateSecret.nextRotationAt).toBeTruthy();
    const clash = await app().gql(UPDATE, { id: a.id, input: { name: 'meta-b' } });
    expect(codes(clash)).toEqual(['SECRET_NAME_CONFLICT']);
    const needsInterval = await app().gql(UPDATE, { id: a.id, input: { rotationStrategy: 'AUTOMATIC', rotationIntervalDays: null } });
    expect(codes(needsInterval)).toEqual(['VALIDATION_ERROR']);
  });

  test('deleteSecret is soft: hidden from lists, value unreadable, restorable until the deadline; purge removes everything', async () => {
    const secret = await create(app(), { name: 'to-delete', scope: 'ORGANIZATION', organizationId: 'org-del' });
    const deleted = await app().admin(`mutation($id: ID!) { deleteSecret(id: $id) { deletedAt recoveryDeadline status } }`, { id: secret.id });
    expect(deleted.deleteSecret.status).toBe('DELETED');
    const days = (Date.parse(deleted.deleteSecret.recoveryDeadline) - Date.parse(deleted.deleteSecret.deletedAt)) / 86_400_000;
    expect(days).toBe(30);

    const LIST = `query($f: SecretFilter) { secrets(filter: $f) { totalCount edges { node { id } } } }`;
    expect((await app().admin(LIST, { f: { organizationId: 'org-del' } })).secrets.totalCount).toBe(0);
    expect((await app().admin(LIST, { f: { organizationId: 'org-del', includeDeleted: true } })).secrets.totalCount).toBe(1);
    expect((await app().admin(LIST, { f: { organizationId: 'org-del', status: 'DELETED' } })).secrets.totalCount).toBe(1);
    expect(codes(await app().gql(READ, { id: secret.id }))).toEqual(['SECRET_DELETED']);
    // The name is free again while the secret is deleted; restoring into a taken name conflicts.
    const replacement = await create(app(), { name: 'to-delete', scope: 'ORGANIZATION', organizationId: 'org-del' });
    expect(codes(await app().gql(`mutation($id: ID!) { restoreSecret(id: $id) { id } }`, { id: secret.id }))).toEqual(['SECRET_NAME_CONFLICT']);
    await app().admin(`mutation($id: ID!) { purgeSecret(id: $id) }`, { id: replacement.id });

    const restored = await app().admin(`mutation($id: ID!) { restoreSecret(id: $id) { status deletedAt } }`, { id: secret.id });
    expect(restored.restoreSecret).toEqual({ status: 'ACTIVE', deletedAt: null });
    expect((await app().admin(READ, { id: secret.id })).secret.value.data).toEqual({ value: 'v1' });

    const purged = await app().admin(`mutation($id: ID!) { purgeSecret(id: $id) }`, { id: secret.id });
    expect(purged.purgeSecret).toBe(true);
    expect(await app().sql('select 1 from secret_versions where secret_id = $1', [secret.id])).toEqual([]);
    expect((await app().admin(`query($id: ID!) { secret(id: $id) { id } }`, { id: secret.id })).secret).toBeNull();
    expect(codes(await app().gql(`mutation($id: ID!) { purgeSecret(id: $id) }`, { id: secret.id }))).toEqual(['SECRET_NOT_FOUND']);
  });

  test('moveSecret re-places a secret server-side, optionally renaming it, and its value stays readable', async () => {
    const secret = await create(app(), { name: 'movable', scope: 'TEAM', organizationId: 'org-mv', teamId: 'team-mv' });
    const MOVE = `mutation($id: ID!, $input: MoveSecretInput!) { moveSecret(id: $id, input: $input) { name scope organization { id } team { id } project { id } } }`;
    const moved = await app().admin(MOVE, { id: secret.id, input: { scope: 'PROJECT', organizationId: 'org-mv', projectId: 'proj-mv', newName: 'moved' } });
    expect(moved.moveSecret).toEqual({ name: 'moved', scope: 'PROJECT', organization: { id: 'org-mv' }, team: null, project: { id: 'proj-mv' } });
    expect((await app().admin(READ, { id: secret.id })).secret.value.data).toEqual({ value: 'v1' });
    await create(app(), { name: 'occupied', scope: 'ORGANIZATION', organizationId: 'org-mv' });
    const clash = await app().gql(MOVE, { id: secret.id, input: { scope: 'ORGANIZATION', organizationId: 'org-mv', newName: 'occupied' } });
    expect(codes(clash)).toEqual(['SECRET_NAME_CONFLICT']);
  });

  test('secrets filters by scope, types, tags, search and owner ids, and pages with cursors and totalCount', async () => {
    for (let i = 0; i < 7; i++) {
      await create(app(), {
        name: `page-${i}`,
        type: i % 2 ? 'API_KEY' : 'GENERIC',
        value: i % 2 ? { key: `k${i}` } : { value: `v${i}` },
        scope: 'TEAM',
        organizationId: 'org-page',
        teamId: 'team-page',
        tags: i < 3 ? ['low', 'page'] : ['page'],
        description: i === 5 ? 'The 100% Special one' : null,
      });
    }
    const LIST = `query($f: SecretFilter, $first: Int, $after: String) { secrets(filter: $f, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { name } } } }`;
    const names: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await app().admin(LIST, { f: { teamId: 'team-page' }, first: 3, after })).secrets;
      expect(page.totalCount).toBe(7);
      names.push(...page.edges.map((e: any) => e.node.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(names).toEqual(['page-0', 'page-1', 'page-2', 'page-3', 'page-4', 'page-5', 'page-6']);

    const count = async (f: Record<string, unknown>) => (await app().admin(LIST, { f: { teamId: 'team-page', ...f } })).secrets.totalCount;
    expect(await count({ types: ['API_KEY'] })).toBe(3);
    expect(await count({ tags: ['low', 'page'] })).toBe(3);
    expect(await count({ search: 'PAGE-6' })).toBe(1);
    expect(await count({ search: '100%' })).toBe(1);
    expect(await count({ search: '%' })).toBe(1);
    expect(await count({ scope: 'ORGANIZATION' })).toBe(0);
    expect(await count({ status: 'ACTIVE' })).toBe(7);
    const org = await app().admin(LIST, { f: { organizationId: 'org-page', types: ['GENERIC'] } });
    expect(org.secrets.totalCount).toBe(4);
    const badCursor = await app().gql(LIST, { f: {}, after: 'garbage' });
    expect(codes(badCursor)).toEqual(['VALIDATION_ERROR']);
  });

  test('entity fields: Organization/Team/Project/User secrets through _entities', async () => {
    await create(app(), { name: 'ent-org', scope: 'ORGANIZATION', organizationId: 'org-ent' });
    await create(app(), { name: 'ent-team', scope: 'TEAM', organizationId: 'org-ent', teamId: 'team-ent' });
    await create(app(), { name: 'ent-proj', scope: 'PROJECT', organizationId: 'org-ent', projectId: 'proj-ent' });
    const data = await app().admin(
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Organization { id secrets { totalCount edges { node { name } } } }
        ... on Team { id secrets { totalCount } }
        ... on Project { id secrets { totalCount } }
        ... on User { id personalSecrets { totalCount } }
      } }`,
      {
        reps: [
          { __typename: 'Organization', id: 'org-ent' },
          { __typename: 'Team', id: 'team-ent' },
          { __typename: 'Project', id: 'proj-ent' },
          { __typename: 'User', id: 'bootstrap-admin' },
        ],
      },
    );
    expect(data._entities[0].secrets.totalCount).toBe(3);
    expect(data._entities[1].secrets.totalCount).toBe(1);
    expect(data._entities[2].secrets.totalCount).toBe(1);
    expect(data._entities[3].personalSecrets.totalCount).toBeGreaterThanOrEqual(1);
  });

  test('Secret resolves as a federation entity reference', async () => {
    const secret = await create(app(), { name: 'entity-ref' });
    const data = await app().admin(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Secret { id name } } }`, {
      reps: [
        { __typename: 'Secret', id: secret.id },
        { __typename: 'Secret', id: '00000000-0000-4000-8000-000000000000' },
      ],
    });
    expect(data._entities).toEqual([{ id: secret.id, name: 'entity-ref' }, null]);
  });
});

describeEachEngine('identity at the door', (engine) => {
  const app = useTestServer(engine);

  test('without a token only _service answers; everything else is UNAUTHENTICATED', async () => {
    const sdl = await app().gql(`{ _service { sdl } }`, undefined, { token: null });
    expect(sdl.data?._service.sdl).toContain('type Secret');
    const anonymous = await app().gql(`{ secrets { totalCount } }`, undefined, { token: null });
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.data).toBeUndefined();
    const mixed = await app().gql(`{ _service { sdl } secrets { totalCount } }`, undefined, { token: null });
    expect(codes(mixed)).toEqual(['UNAUTHENTICATED']);
  });

  test('a wrong or malformed token is UNAUTHENTICATED, and the request id is echoed', async () => {
    const wrong = await app().gql(`{ secrets { totalCount } }`, undefined, { token: 'not-the-token', headers: { 'x-request-id': 'req-123' } });
    expect(codes(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(wrong.headers.get('x-request-id')).toBe('req-123');
    const malformed = await app().gql(`{ secrets { totalCount } }`, undefined, { token: null, headers: { authorization: 'Basic abc' } });
    expect(codes(malformed)).toEqual(['UNAUTHENTICATED']);
  });

  test('errors never carry stack traces, and unknown secret ids look like missing ones', async () => {
    const result = await app().gql(`mutation { deleteSecret(id: "not-a-uuid") { id } }`);
    expect(codes(result)).toEqual(['SECRET_NOT_FOUND']);
    expect(JSON.stringify(result.errors)).not.toMatch(/stacktrace|at .*\.ts/);
    expect((await app().admin(`{ secret(id: "00000000-0000-4000-8000-000000000000") { id } }`)).secret).toBeNull();
  });

  test('an oversized or malformed body is a GraphQL-shaped VALIDATION_ERROR', async () => {
    const big = await fetch(app().url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${app().adminToken}` },
      body: JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(2_000_000) } }),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ errors: [{ message: 'Request body too large', extensions: { code: 'VALIDATION_ERROR' } }] });
    const broken = await fetch(app().url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as any).errors[0].extensions.code).toBe('VALIDATION_ERROR');
  });

  test('health endpoints answer without identity', async () => {
    const base = app().url.replace('/graphql', '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', migrations: 'applied' });
  });
});
