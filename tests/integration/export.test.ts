// exportSecrets end to end: JSON and dotenv round trips, metadata-only exports, the secrets.export.values
// permission, all-or-nothing refusals, filter and visibility, and the SECRET_EXPORT_COMPLETED event and
// audit entry (neither carrying a value).
import { beforeAll, expect, test } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { createServiceAccount, mintJwt, persisted, TEST_JWT_SECRET } from '../support/identities.js';
import { marker } from '../support/secret-samples.js';
import { useTestServer } from '../support/server.js';

const EXPORT = `query($input: ExportInput!) { exportSecrets(input: $input) { format count includesValues content } }`;
const CREATE = `mutation($input: CreateSecretInput!) { createSecret(input: $input) { id } }`;
const codes = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.map((e) => e.extensions?.code);

/** Parses the dotenv lines this service writes (double-quoted values, \\ \" \n \r escapes). */
function parseEnv(content: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of content.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(?:"((?:[^"\\]|\\.)*)")?$/.exec(line);
    if (!match) throw new Error(`not a dotenv line: ${line}`);
    vars[match[1]] = (match[2] ?? '').replace(/\\(.)/g, (_, c: string) => ({ n: '\n', r: '\r' })[c] ?? c);
  }
  return vars;
}

describeEachEngine('exportSecrets', (engine) => {
  const app = useTestServer(engine, { env: { AUTH_JWT_SECRET: TEST_JWT_SECRET, SECRETS_JOBS_ENABLED: 'false' } });
  const v = {
    apiKey: marker('exp-apikey'),
    password: marker('exp-password'),
    envToken: marker('exp-envtoken'),
    connPw: marker('exp-connpw'),
    json: marker('exp-json'),
    multi: `${marker('exp-multi')}\nline two "quoted" \\ back`,
    other: marker('exp-otherorg'),
  };
  const plaintexts = [v.apiKey, v.password, v.envToken, v.connPw, v.json, v.multi.split('\n')[0], v.other];
  const values: Record<string, Record<string, unknown>> = {
    'stripe-key': { key: v.apiKey },
    'db-login': { username: 'app', password: v.password },
    'app-env': { variables: { API_TOKEN: v.envToken, DEBUG: 'false' } },
    'db-url': { connectionString: `postgres://app:${v.connPw}@db.internal:5432/app` },
    'gcp-cred': { type: 'service_account', private_key_id: v.json },
    'multi-line': { value: v.multi },
  };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const inputs = [
      { name: 'stripe-key', type: 'API_KEY', scope: 'ORGANIZATION', organizationId: 'org-x', tags: ['payments'] },
      { name: 'db-login', type: 'USERNAME_PASSWORD', scope: 'TEAM', organizationId: 'org-x', teamId: 'team-x' },
      { name: 'app-env', type: 'ENV_VARIABLE_SET', scope: 'PROJECT', organizationId: 'org-x', projectId: 'proj-x' },
      { name: 'db-url', type: 'CONNECTION_STRING', scope: 'ORGANIZATION', organizationId: 'org-x' },
      { name: 'gcp-cred', type: 'JSON_CREDENTIAL', scope: 'ORGANIZATION', organizationId: 'org-x', description: 'GCP' },
      { name: 'multi-line', type: 'GENERIC', scope: 'ORGANIZATION', organizationId: 'org-x' },
    ];
    for (const input of inputs) ids[input.name] = (await app().admin(CREATE, { input: { ...input, value: values[input.name] } })).createSecret.id;
    await app().admin(CREATE, { input: { name: 'other-secret', type: 'GENERIC', scope: 'ORGANIZATION', organizationId: 'org-y', value: { value: v.other } } });
  });

  test('JSON with values round-trips every type; the event and audit entry record it without any value', async () => {
    const res = await app().admin(EXPORT, { input: { format: 'JSON', includeValues: true, filter: { organizationId: 'org-x' } } });
    expect(res.exportSecrets).toMatchObject({ format: 'JSON', count: 6, includesValues: true });
    const doc = JSON.parse(res.exportSecrets.content);
    expect(doc.count).toBe(6);
    expect(Number.isNaN(Date.parse(doc.exportedAt))).toBe(false);
    const byName = Object.fromEntries(doc.secrets.map((s: any) => [s.name, s]));
    expect(Object.keys(byName).sort()).toEqual(Object.keys(values).sort());
    for (const [name, value] of Object.entries(values)) expect(byName[name].value, name).toEqual(value);
    expect(byName['stripe-key']).toMatchObject({ id: ids['stripe-key'], type: 'API_KEY', scope: 'ORGANIZATION', organizationId: 'org-x', tags: ['payments'], currentVersion: 1, expiresAt: null });
    expect(byName['db-login']).toMatchObject({ scope: 'TEAM', teamId: 'team-x', projectId: null });
    expect(byName['gcp-cred'].description).toBe('GCP');

    const events = await app().sql<{ payload: any; text: string }>(`select payload, payload::text as text from outbox_events where type = 'SECRET_EXPORT_COMPLETED' order by created_at`);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ resourceType: 'export', organizationId: 'org-x', actorId: 'bootstrap-admin', data: { exportCount: 6 } });
    const audit = await app().sql<{ details: any; category: string; outcome: string; organization_id: string; text: string }>(
      `select details, category, outcome, organization_id, t::text as text from secret_audit_log t where event_type = 'SECRET_EXPORT_COMPLETED'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ category: 'ACCESS', outcome: 'SUCCESS', organization_id: 'org-x', details: { count: 6, format: 'JSON', includesValues: true } });
    const reads = await app().sql<{ n: number }>(`select count(*)::int as n from secret_audit_log where event_type = 'SECRET_VALUE_READ' and details->>'operation' = 'exportSecrets'`);
    expect(reads[0].n).toBe(6);
    for (const p of plaintexts) {
      expect(events[0].text).not.toContain(p);
      expect(audit[0].text).not.toContain(p);
      expect(app().logs.join('\n')).not.toContain(p);
    }
    const report = await app().admin(`{ complianceReport(organizationId: "org-x", from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { summary } }`);
    expect(report.complianceReport.summary.activity.exportsWithValues).toBe(1);
  });

  test('ENV with values: one variable per secret (two for logins, each of a variable set), escaped, read back exactly', async () => {
    const res = await app().admin(EXPORT, { input: { format: 'ENV', includeValues: true, filter: { organizationId: 'org-x' } } });
    expect(res.exportSecrets).toMatchObject({ format: 'ENV', count: 6, includesValues: true });
    expect(parseEnv(res.exportSecrets.content)).toEqual({
      STRIPE_KEY: v.apiKey,
      DB_LOGIN_USERNAME: 'app',
      DB_LOGIN_PASSWORD: v.password,
      API_TOKEN: v.envToken,
      DEBUG: 'false',
      DB_URL: values['db-url'].connectionString,
      GCP_CRED: JSON.stringify(values['gcp-cred']),
      MULTI_LINE: v.multi,
    });
  });

  test('a member gets metadata only, of what they can see; values are refused without secrets.export.values', async () => {
    const member = await mintJwt({ sub: 'member-1', orgs: [{ id: 'org-x', role: 'MEMBER' }], teams: ['team-x'] });
    const meta = await app().gql(EXPORT, { input: { format: 'ENV' } }, { token: member });
    expect(meta.errors).toBeUndefined();
    expect(meta.data!.exportSecrets).toMatchObject({ count: 1, includesValues: false });
    expect(parseEnv(meta.data!.exportSecrets.content)).toEqual({ DB_LOGIN_USERNAME: '', DB_LOGIN_PASSWORD: '' });
    const json = JSON.parse((await app().gql(EXPORT, { input: { format: 'JSON' } }, { token: member })).data!.exportSecrets.content);
    expect(json.secrets.map((s: any) => s.name)).toEqual(['db-login']);
    expect('value' in json.secrets[0]).toBe(false);

    const refused = await app().gql(EXPORT, { input: { format: 'JSON', includeValues: true } }, { token: member });
    expect(codes(refused)).toEqual(['ACCESS_DENIED']);
    const denied = await app().sql(`select 1 from secret_audit_log where event_type = 'SECRET_ACCESS_DENIED' and actor_id = 'member-1'`);
    expect(denied.length).toBeGreaterThan(0);
  });

  test('values need READ on every exported secret: one unreadable secret fails the whole export, naming it', async () => {
    const exporter = await mintJwt({ sub: 'exporter', orgs: [{ id: 'org-x', role: 'MEMBER' }], teams: ['team-x'], projects: ['proj-x'], permissions: ['secrets.export.values'] });
    const ok = await app().gql(EXPORT, { input: { format: 'JSON', includeValues: true, filter: { organizationId: 'org-x' } } }, { token: exporter });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.exportSecrets.count).toBe(2);

    await app().admin(`mutation($input: GrantAccessInput!) { grantSecretAccess(input: $input) { id } }`, {
      input: { secretId: ids['stripe-key'], granteeType: 'USER', granteeId: 'exporter', permissions: ['VIEW_METADATA'] },
    });
    const before = await app().sql(`select count(*)::int as n from secret_audit_log where event_type = 'SECRET_VALUE_READ' and actor_id = 'exporter'`);
    const eventsBefore = await app().sql(`select count(*)::int as n from outbox_events where type = 'SECRET_EXPORT_COMPLETED'`);
    const refused = await app().gql(EXPORT, { input: { format: 'JSON', includeValues: true, filter: { organizationId: 'org-x' } } }, { token: exporter });
    expect(codes(refused)).toEqual(['ACCESS_DENIED']);
    expect(refused.errors![0].message).toContain(ids['stripe-key']);
    expect(refused.errors![0].extensions!.secretId).toBe(ids['stripe-key']);
    // Checked before any value was decrypted, and no export event.
    expect(await app().sql(`select count(*)::int as n from secret_audit_log where event_type = 'SECRET_VALUE_READ' and actor_id = 'exporter'`)).toEqual(before);
    expect(await app().sql(`select count(*)::int as n from outbox_events where type = 'SECRET_EXPORT_COMPLETED'`)).toEqual(eventsBefore);
    // Metadata of the same three still exports.
    const meta = await app().gql(EXPORT, { input: { format: 'JSON', filter: { organizationId: 'org-x' } } }, { token: exporter });
    expect(meta.data!.exportSecrets).toMatchObject({ count: 3, includesValues: false });
  });

  test('the filter is applied and another organization never appears', async () => {
    const orgAdmin = await mintJwt({ sub: 'admin-x', orgs: [{ id: 'org-x', role: 'ORG_ADMIN' }] });
    const all = await app().gql(EXPORT, { input: { format: 'JSON' } }, { token: orgAdmin });
    const names = JSON.parse(all.data!.exportSecrets.content).secrets.map((s: any) => s.name);
    expect(names.sort()).toEqual(Object.keys(values).sort());
    expect(all.data!.exportSecrets.content).not.toContain('org-y');
    const typed = await app().gql(EXPORT, { input: { format: 'ENV', filter: { types: ['API_KEY', 'CONNECTION_STRING'] } } }, { token: orgAdmin });
    expect(parseEnv(typed.data!.exportSecrets.content)).toEqual({ STRIPE_KEY: '', DB_URL: '' });
    const tagged = await app().admin(EXPORT, { input: { format: 'JSON', filter: { tags: ['payments'] } } });
    expect(tagged.exportSecrets.count).toBe(1);
    // Organization admins hold no implicit secrets.export.values.
    expect(codes(await app().gql(EXPORT, { input: { format: 'ENV', includeValues: true } }, { token: orgAdmin }))).toEqual(['ACCESS_DENIED']);
  });

  test('duplicate dotenv variables and deleted secrets with values are refused; metadata still exports', async () => {
    const a = (await app().admin(CREATE, { input: { name: 'dup-key', type: 'GENERIC', scope: 'ORGANIZATION', organizationId: 'org-dup', value: { value: 'a' } } })).createSecret.id;
    const b = (await app().admin(CREATE, { input: { name: 'dup.key', type: 'GENERIC', scope: 'ORGANIZATION', organizationId: 'org-dup', value: { value: 'b' } } })).createSecret.id;
    const dup = await app().gql(EXPORT, { input: { format: 'ENV', includeValues: true, filter: { organizationId: 'org-dup' } } });
    expect(codes(dup)).toEqual(['VALIDATION_ERROR']);
    expect(dup.errors![0].message).toContain(a);
    expect(dup.errors![0].message).toContain(b);
    expect((await app().admin(EXPORT, { input: { format: 'JSON', includeValues: true, filter: { organizationId: 'org-dup' } } })).exportSecrets.count).toBe(2);

    await app().admin(`mutation { deleteSecret(id: "${b}") { id } }`);
    const deleted = await app().gql(EXPORT, { input: { format: 'JSON', includeValues: true, filter: { organizationId: 'org-dup', includeDeleted: true } } });
    expect(codes(deleted)).toEqual(['SECRET_DELETED']);
    expect(deleted.errors![0].extensions!.secretId).toBe(b);
    const meta = await app().admin(EXPORT, { input: { format: 'JSON', filter: { organizationId: 'org-dup', includeDeleted: true } } });
    expect(meta.exportSecrets.count).toBe(2);
  });

  test('a service account exports through the persisted ExportSecrets operation', async () => {
    const { token } = await createServiceAccount(app(), { name: 'ci-export', organizationId: 'org-x', permissions: ['secrets.export.values', 'secrets.secret.read.organization'] });
    const res = await persisted(app(), 'ExportSecrets', { input: { format: 'ENV', includeValues: true, filter: { scope: 'ORGANIZATION' } } }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.exportSecrets).toMatchObject({ count: 4, includesValues: true });
    expect(parseEnv(res.data!.exportSecrets.content).STRIPE_KEY).toBe(v.apiKey);
    const freeForm = await app().gql(EXPORT, { input: { format: 'ENV' } }, { token });
    expect(codes(freeForm)).toEqual(['PERSISTED_QUERY_REQUIRED']);
  });
});
