// The audit trail records: every change and value read writes one entry in the causing transaction (with the
// actor, request id, client IP through a trusted proxy, user agent); a failing audit write fails the operation
// and changes nothing; refusals of authenticated callers are DENIED entries; anonymous attempts are only
// counted and summarized; usage and lastAccessedAt come from the trail, never from writes to the secret row.
import { beforeAll, expect, test } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { mintJwt, TEST_JWT_SECRET } from '../support/identities.js';
import { useTestServer, type TestServer } from '../support/server.js';

const ENTRIES = `query($id: ID!) { auditLogs(filter: {secretId: $id}, first: 100) { totalCount edges { node {
  id sequence eventType category outcome actorId actorType secretId organizationId details ipAddress userAgent requestId createdAt } } } }`;

async function entriesOf(app: TestServer, id: string) {
  const data = await app.admin(ENTRIES, { id });
  return data.auditLogs.edges.map((e: { node: Record<string, any> }) => e.node);
}

async function createTeamSecret(app: TestServer, name: string) {
  const created = await app.admin(
    `mutation($name: String!) { createSecret(input: {name: $name, type: GENERIC, scope: TEAM, organizationId: "org-1", teamId: "team-1", value: {value: "v1"}}) { id } }`,
    { name },
  );
  return created.createSecret.id as string;
}

describeEachEngine('audit trail recording', (engine) => {
  const app = useTestServer(engine, {
    env: { AUTH_JWT_SECRET: TEST_JWT_SECRET, SECRETS_JOBS_ENABLED: 'false', TRUSTED_PROXIES: '127.0.0.1,::1' },
  });
  let teamMember: string;
  let outsider: string;

  beforeAll(async () => {
    teamMember = await mintJwt({ sub: 'member-1', orgs: [{ id: 'org-1', role: 'MEMBER' }], teams: ['team-1'] });
    outsider = await mintJwt({ sub: 'member-2', orgs: [{ id: 'org-1', role: 'MEMBER' }], teams: ['team-2'] });
  });

  test('each change and value read writes one entry with actor and request metadata; the request id is echoed', async () => {
    const headers = { 'x-request-id': 'req-audit-create', 'x-forwarded-for': '198.51.100.23', 'user-agent': 'audit-test/1.0' };
    const created = await app().gql(
      `mutation { createSecret(input: {name: "audited", type: GENERIC, scope: ORGANIZATION, organizationId: "org-1", value: {value: "first"}}) { id } }`,
      undefined,
      { headers },
    );
    expect(created.headers.get('x-request-id')).toBe('req-audit-create');
    const id = created.data!.createSecret.id as string;
    await app().admin(`query($id: ID!) { secret(id: $id) { value { data } } }`, { id });
    await app().admin(`mutation($id: ID!) { updateSecretValue(id: $id, value: {value: "second"}, changeReason: "rotate") { id } }`, { id });
    await app().admin(`mutation($id: ID!) { updateSecret(id: $id, input: {description: "d"}) { id } }`, { id });
    await app().admin(`mutation($id: ID!) { deleteSecret(id: $id) { id } }`, { id });
    await app().admin(`mutation($id: ID!) { restoreSecret(id: $id) { id } }`, { id });

    const entries = await entriesOf(app(), id);
    expect(entries.map((e: any) => e.eventType)).toEqual([
      'SECRET_RESTORED',
      'SECRET_DELETED',
      'SECRET_UPDATED',
      'SECRET_VALUE_UPDATED',
      'SECRET_VALUE_READ',
      'SECRET_CREATED',
    ]);
    const creation = entries.at(-1);
    expect(creation).toMatchObject({
      category: 'MODIFICATION',
      outcome: 'SUCCESS',
      actorId: 'bootstrap-admin',
      actorType: 'USER',
      secretId: id,
      organizationId: 'org-1',
      requestId: 'req-audit-create',
      ipAddress: '198.51.100.23',
      userAgent: 'audit-test/1.0',
    });
    expect(creation.details).toMatchObject({ version: 1, secretName: 'audited', via: 'bootstrap-token' });
    expect(entries[4]).toMatchObject({ category: 'ACCESS', details: { operation: 'value', version: 1 } });
    expect(entries[2].details.changedFields).toEqual(['description']);
    // Each request has its own generated id when none is given.
    expect(new Set(entries.map((e: any) => e.requestId)).size).toBe(6);
    expect(JSON.stringify(entries)).not.toMatch(/"first"|"second"/);
  });

  test('fail closed: when the audit insert fails, the operation fails and nothing it touched changes', async () => {
    const id = await createTeamSecret(app(), 'fail-closed');
    // Audit entries by id only: the sealer may link earlier entries meanwhile, which is not a change.
    const snapshot = async () =>
      JSON.stringify(
        await Promise.all(
          ['secrets x', 'secret_versions x', 'outbox_events x', '(select id from secret_audit_log) x'].map((t) => app().sql(`select x::text as row from ${t} order by 1`)),
        ),
      );
    await app().sql(`create function audit_down() returns trigger language plpgsql as $$ begin raise exception 'audit store unavailable'; end $$`);
    await app().sql(`create trigger audit_down before insert on secret_audit_log for each row execute function audit_down()`);
    try {
      const before = await snapshot();
      const attempts = [
        app().gql(`mutation { createSecret(input: {name: "never", type: GENERIC, scope: GLOBAL, value: {value: "x"}}) { id } }`),
        app().gql(`mutation($id: ID!) { updateSecretValue(id: $id, value: {value: "v2"}) { id } }`, { id }),
        app().gql(`mutation($id: ID!) { updateSecret(id: $id, input: {tags: ["t"]}) { id } }`, { id }),
        app().gql(`mutation($id: ID!) { deleteSecret(id: $id) { id } }`, { id }),
        app().gql(`query($id: ID!) { secret(id: $id) { value { data } } }`, { id }),
      ];
      for (const attempt of await Promise.all(attempts)) {
        expect(attempt.errors?.map((e) => e.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
      }
      expect(await snapshot()).toBe(before);
    } finally {
      await app().sql(`drop trigger audit_down on secret_audit_log`);
      await app().sql(`drop function audit_down()`);
    }
  });

  test('refusals of an authenticated caller are DENIED entries (also for a secret they cannot see), and change nothing', async () => {
    const id = await createTeamSecret(app(), 'guarded');
    const denied = await app().gql(`mutation($id: ID!) { updateSecretValue(id: $id, value: {value: "x"}) { id } }`, { id }, { token: teamMember });
    expect(denied.errors?.[0].extensions?.code).toBe('ACCESS_DENIED');
    const hidden = await app().gql(`mutation($id: ID!) { deleteSecret(id: $id) { id } }`, { id }, { token: outsider });
    expect(hidden.errors?.[0].extensions?.code).toBe('SECRET_NOT_FOUND');
    const creating = await app().gql(
      `mutation { createSecret(input: {name: "nope", type: GENERIC, scope: ORGANIZATION, organizationId: "org-1", value: {value: "x"}}) { id } }`,
      undefined,
      { token: teamMember },
    );
    expect(creating.errors?.[0].extensions?.code).toBe('ACCESS_DENIED');

    // The response waited for the entries, so they are there now.
    const denials = await app().admin(`{ auditLogs(filter: {outcome: DENIED}, first: 10) { edges { node { eventType category actorId secretId organizationId details } } } }`);
    const nodes = denials.auditLogs.edges.map((e: any) => e.node);
    expect(nodes).toEqual([
      expect.objectContaining({ actorId: 'member-1', secretId: null, organizationId: 'org-1', category: 'MODIFICATION', details: expect.objectContaining({ permission: 'create', code: 'ACCESS_DENIED' }) }),
      expect.objectContaining({ actorId: 'member-2', secretId: id, organizationId: 'org-1', category: 'MODIFICATION', details: expect.objectContaining({ permission: 'DELETE', code: 'SECRET_NOT_FOUND', reason: 'not visible' }) }),
      expect.objectContaining({ actorId: 'member-1', secretId: id, eventType: 'SECRET_ACCESS_DENIED', details: expect.objectContaining({ permission: 'UPDATE', code: 'ACCESS_DENIED' }) }),
    ]);
    const state = await app().admin(`query($id: ID!) { secret(id: $id) { currentVersion deletedAt } }`, { id });
    expect(state.secret).toEqual({ currentVersion: 1, deletedAt: null });
  });

  test('anonymous attempts are counted and summarized in one entry per window, not one each', async () => {
    const trail = app().server.auditTrail;
    await trail.unauthenticated.flush();
    const count = async () => (await app().sql(`select count(*)::int as n from secret_audit_log where event_type = 'UNAUTHENTICATED_ATTEMPTS'`))[0].n;
    const before = await count();
    const logsBefore = app().logs.length;
    for (let i = 0; i < 5; i++) expect((await app().gql(`{ secrets { totalCount } }`, undefined, { token: null })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    for (let i = 0; i < 2; i++) expect((await app().gql(`{ secrets { totalCount } }`, undefined, { token: 'not-a-valid-token' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await count()).toBe(before);
    await trail.unauthenticated.flush();
    expect(await count()).toBe(before + 1);
    const [summary] = await app().sql(`select details from secret_audit_log where event_type = 'UNAUTHENTICATED_ATTEMPTS' order by sequence desc limit 1`);
    expect(summary.details).toMatchObject({ attempts: 7, distinctIps: 1, topIps: [{ ip: '127.0.0.1', count: 7 }] });
    const refusedLines = app().logs.slice(logsBefore).filter((l) => l.includes('unauthenticated request refused'));
    expect(refusedLines).toHaveLength(1);
  });

  test('request log lines: received (debug), completed (status, duration) and failed (error codes), with request, actor and organization ids', async () => {
    const lines = (requestId: string) => app().logs.map((l) => JSON.parse(l)).filter((l) => l.requestId === requestId);
    await app().gql(
      `mutation { createSecret(input: {name: "logged", type: GENERIC, scope: ORGANIZATION, organizationId: "org-1", value: {value: "x"}}) { id } }`,
      undefined,
      { headers: { 'x-request-id': 'req-log-ok' } },
    );
    const ok = lines('req-log-ok');
    expect(ok.find((l) => l.msg === 'request received')).toMatchObject({ level: 20, method: 'POST', path: '/graphql', ip: '127.0.0.1' });
    expect(ok.find((l) => l.msg === 'request completed')).toMatchObject({ status: 200, actorId: 'bootstrap-admin', organizationId: 'org-1', durationMs: expect.any(Number) });
    const id = await createTeamSecret(app(), 'logged-denied');
    await app().gql(`mutation($id: ID!) { deleteSecret(id: $id) { id } }`, { id }, { token: teamMember, headers: { 'x-request-id': 'req-log-denied' } });
    expect(lines('req-log-denied').find((l) => l.msg === 'request failed')).toMatchObject({ level: 40, actorId: 'member-1', errorCodes: ['ACCESS_DENIED'] });
    await app().gql(`{ secrets { totalCount } }`, undefined, { token: null, headers: { 'x-request-id': 'req-log-anon' } });
    // Anonymous refusals end at debug level (they are counted and summarized instead).
    expect(lines('req-log-anon').find((l) => l.msg === 'request refused: unauthenticated')).toMatchObject({ level: 20, status: 401, errorCodes: ['UNAUTHENTICATED'] });
    // At info and above, at most the tracker's once-a-window line.
    const visible = lines('req-log-anon').filter((l) => l.level >= 30 && !String(l.msg).startsWith('unauthenticated request refused'));
    expect(visible.map((l) => l.msg)).toEqual([]);
  });

  test('usage and lastAccessedAt come from value-read entries; reads never write to the secret row', async () => {
    const id = await createTeamSecret(app(), 'used');
    const row = async () => (await app().sql(`select updated_at, last_accessed_at from secrets where id = $1`, [id]))[0];
    const before = await row();
    const fields = `query($id: ID!) { secret(id: $id) { lastAccessedAt usage { accessedAt actorId actorType operation } } }`;
    expect((await app().admin(fields, { id })).secret).toEqual({ lastAccessedAt: null, usage: [] });
    await app().admin(`query($id: ID!) { secret(id: $id) { value { data } } }`, { id });
    const read = await app().gql(`query($id: ID!) { secret(id: $id) { value(version: 1) { data } } }`, { id }, { token: teamMember });
    expect(read.data?.secret.value.data).toEqual({ value: 'v1' });
    const after = (await app().admin(fields, { id })).secret;
    expect(after.usage).toEqual([
      { accessedAt: expect.any(String), actorId: 'member-1', actorType: 'USER', operation: 'value' },
      { accessedAt: expect.any(String), actorId: 'bootstrap-admin', actorType: 'USER', operation: 'value' },
    ]);
    expect(after.lastAccessedAt).toBe(after.usage[0].accessedAt);
    expect(await row()).toEqual(before);
    // A team member may read the value but not see who else did (usage is for GRANT holders and audit readers).
    const peek = await app().gql(`query($id: ID!) { secret(id: $id) { usage { actorId } } }`, { id }, { token: teamMember });
    expect(peek.errors?.[0].extensions?.code).toBe('ACCESS_DENIED');
  });
});
