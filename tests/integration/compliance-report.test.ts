// complianceReport on a seeded organization returns exactly the expected findings (one per rule, plus secrets
// that must not be flagged), the period's activity summary, and the same report as a JSON document.
// The clock is fixed; back-dated facts are set in SQL, as time would have set them.
import { beforeAll, expect, test } from 'vitest';
import { ManualClock } from '../../lib/clock.js';
import { describeEachEngine } from '../support/engines.js';
import { mintJwt, TEST_JWT_SECRET } from '../support/identities.js';
import { useTestServer, type TestServer } from '../support/server.js';

const NOW = new Date('2027-03-01T12:00:00Z');
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000).toISOString();
const REPORT = `query($org: ID, $from: DateTime!, $to: DateTime!) { complianceReport(organizationId: $org, from: $from, to: $to) {
  organizationId periodStart periodEnd generatedAt summary json findings { code severity secretId secretName message details } } }`;

async function create(app: TestServer, name: string, extra = '', org = 'org-c') {
  const data = await app.admin(
    `mutation { createSecret(input: {name: "${name}", type: GENERIC, scope: ORGANIZATION, organizationId: "${org}", value: {value: "x"}${extra}}) { id } }`,
  );
  return data.createSecret.id as string;
}
const backdate = (app: TestServer, id: string, column: 'created_at' | 'expires_at', at: string) =>
  app.sql(`update secrets set ${column} = $2 where id = $1`, [id, at]);
const backdateValue = (app: TestServer, id: string, at: string) => app.sql(`update secret_versions set created_at = $2 where secret_id = $1`, [id, at]);
const grant = (app: TestServer, id: string, granteeType: string, granteeId: string) =>
  app.admin(`mutation($id: ID!, $t: GranteeType!, $g: String!) { grantSecretAccess(input: {secretId: $id, granteeType: $t, granteeId: $g, permissions: [READ]}) { id } }`, {
    id,
    t: granteeType,
    g: granteeId,
  });

describeEachEngine('compliance report', (engine) => {
  const clock = new ManualClock(NOW);
  const app = useTestServer(engine, { clock, env: { AUTH_JWT_SECRET: TEST_JWT_SECRET, SECRETS_JOBS_ENABLED: 'false', SECRETS_MAX_GRANTS_PER_SECRET: '10' } });
  const ids: Record<string, string> = {};
  const token = (sub: string, orgs: { id: string; role: 'ORG_ADMIN' | 'MEMBER' }[]) =>
    mintJwt({ sub, orgs }, { issuedAt: Math.floor(NOW.getTime() / 1000), expiresIn: Math.floor(NOW.getTime() / 1000) + 3600 });

  beforeAll(async () => {
    const soon = `, expiresAt: "${days(60)}"`;
    ids.clean = await create(app(), 'clean', soon);
    await app().admin(`query($id: ID!) { secret(id: $id) { value { data } } }`, { id: ids.clean });
    ids.noExpiry = await create(app(), 'no-expiry');
    ids.expired = await create(app(), 'expired', `, expiresAt: "${days(1)}"`);
    await backdate(app(), ids.expired, 'expires_at', days(-2));
    ids.expiring = await create(app(), 'expiring', `, expiresAt: "${days(10)}"`);
    ids.staleRotation = await create(app(), 'stale-rotation', `${soon}, rotationIntervalDays: 30`);
    await backdate(app(), ids.staleRotation, 'created_at', days(-40));
    await backdateValue(app(), ids.staleRotation, days(-40));
    ids.defaultRotation = await create(app(), 'default-rotation', soon);
    await backdate(app(), ids.defaultRotation, 'created_at', days(-100));
    await backdateValue(app(), ids.defaultRotation, days(-100));
    await app().admin(`query($id: ID!) { secret(id: $id) { value { data } } }`, { id: ids.defaultRotation });
    ids.unused = await create(app(), 'unused', soon);
    await backdate(app(), ids.unused, 'created_at', days(-120));
    await backdateValue(app(), ids.unused, days(-10));
    ids.manyGrants = await create(app(), 'many-grants', soon);
    for (let i = 0; i < 11; i++) await grant(app(), ids.manyGrants, 'USER', `user-${i}`);
    // Neither a revoked nor an expired grant counts.
    const revoked = await grant(app(), ids.manyGrants, 'USER', 'user-revoked');
    await app().admin(`mutation($id: ID!) { revokeSecretAccess(grantId: $id) }`, { id: revoked.grantSecretAccess.id });
    const expired = await grant(app(), ids.manyGrants, 'USER', 'user-expired');
    await app().sql(`update secret_access_grants set expires_at = $2 where id = $1`, [expired.grantSecretAccess.id, days(-1)]);
    ids.prodRole = await create(app(), 'prod-role', `${soon}, tags: ["production"]`);
    await grant(app(), ids.prodRole, 'ROLE', 'MEMBER');
    ids.stagingRole = await create(app(), 'staging-role', `${soon}, tags: ["staging"]`);
    await grant(app(), ids.stagingRole, 'ROLE', 'MEMBER');
    ids.deleted = await create(app(), 'deleted');
    await app().admin(`mutation($id: ID!) { deleteSecret(id: $id) { id } }`, { id: ids.deleted });
    ids.elsewhere = await create(app(), 'elsewhere', '', 'org-other');

    // Ten refusals within five minutes are a burst; nine are not.
    const prober = await token('prober', [{ id: 'org-c', role: 'MEMBER' }]);
    const clumsy = await token('clumsy', [{ id: 'org-c', role: 'MEMBER' }]);
    for (const [who, times] of [[prober, 10], [clumsy, 9]] as const) {
      for (let i = 0; i < times; i++) {
        const r = await app().gql(`mutation($id: ID!) { deleteSecret(id: $id) { id } }`, { id: ids.clean }, { token: who });
        expect(r.errors?.[0].extensions?.code).toBe('SECRET_NOT_FOUND');
      }
    }
    // One export with values of two secrets (two value reads in one request), as exportSecrets records them.
    await app().sql(
      `insert into secret_audit_log (id, event_type, category, outcome, actor_id, actor_type, secret_id, organization_id, details, request_id, created_at)
       select gen_random_uuid(), 'SECRET_VALUE_READ', 'ACCESS', 'SUCCESS', 'exporter', 'USER', s, 'org-c', '{"operation": "exportSecrets"}', 'req-export-1', $3
         from unnest(array[$1, $2]::uuid[]) s`,
      [ids.clean, ids.expiring, NOW.toISOString()],
    );
    await app().server.auditTrail.sealer.sealNow();
  });

  test('the organization report has exactly the expected findings, most severe first', async () => {
    const { complianceReport: report } = await app().admin(REPORT, { org: 'org-c', from: days(-1), to: days(1) });
    expect(report.findings.map((f: any) => [f.severity, f.code, f.secretName])).toEqual([
      ['HIGH', 'DENIED_ACCESS_BURST', null],
      ['HIGH', 'EXPIRED_NOT_REMOVED', 'expired'],
      ['HIGH', 'ROLE_GRANT_ON_PRODUCTION', 'prod-role'],
      ['MEDIUM', 'EXCESSIVE_GRANTS', 'many-grants'],
      ['MEDIUM', 'EXPIRING_SOON', 'expiring'],
      ['MEDIUM', 'ROTATION_OVERDUE', 'default-rotation'],
      ['MEDIUM', 'ROTATION_OVERDUE', 'stale-rotation'],
      ['LOW', 'NO_EXPIRATION', 'no-expiry'],
      ['LOW', 'UNUSED', 'unused'],
    ]);
    const byCode = Object.fromEntries(report.findings.map((f: any) => [`${f.code}/${f.secretName}`, f]));
    expect(byCode['DENIED_ACCESS_BURST/null'].details).toMatchObject({ actorId: 'prober', count: 10 });
    expect(byCode['EXCESSIVE_GRANTS/many-grants'].details).toEqual({ activeGrants: 11 });
    expect(byCode['ROTATION_OVERDUE/default-rotation'].details).toMatchObject({ intervalDays: 90, intervalIsDefault: true });
    expect(byCode['ROTATION_OVERDUE/stale-rotation'].details).toMatchObject({ intervalDays: 30, intervalIsDefault: false });
    expect(byCode['EXPIRED_NOT_REMOVED/expired'].secretId).toBe(ids.expired);
  });

  test('the summary counts the secrets and the period’s activity; the JSON document is the same report', async () => {
    const { complianceReport: report } = await app().admin(REPORT, { org: 'org-c', from: days(-1), to: days(1) });
    expect(report).toMatchObject({ organizationId: 'org-c', periodStart: days(-1), periodEnd: days(1), generatedAt: NOW.toISOString() });
    expect(report.summary.secrets).toMatchObject({ total: 10, deleted: 1, expired: 1, expiringWithin30Days: 1, byType: { GENERIC: 10 }, byScope: { ORGANIZATION: 10 } });
    expect(report.summary.activity).toEqual({ reads: 4, writes: 12, denials: 19, exportsWithValues: 1, unauthenticatedAttempts: 0 });
    expect(report.summary.findings.bySeverity).toEqual({ LOW: 2, MEDIUM: 4, HIGH: 3, CRITICAL: 0 });
    const document = JSON.parse(report.json);
    expect(document.findings.map((f: any) => f.code)).toEqual(report.findings.map((f: any) => f.code));
    expect(document.summary).toEqual(report.summary);
    // Outside the period there is no activity (findings about the secrets themselves remain).
    const earlier = (await app().admin(REPORT, { org: 'org-c', from: days(-30), to: days(-20) })).complianceReport;
    expect(earlier.summary.activity).toMatchObject({ reads: 0, writes: 0, denials: 0 });
    expect(earlier.findings.map((f: any) => f.code)).not.toContain('DENIED_ACCESS_BURST');
  });

  test('only audit readers of the organization get its report; the installation-wide one is for global readers', async () => {
    const admin = await token('admin-c', [{ id: 'org-c', role: 'ORG_ADMIN' }]);
    const otherAdmin = await token('admin-x', [{ id: 'org-other', role: 'ORG_ADMIN' }]);
    const own = await app().gql(REPORT, { org: 'org-c', from: days(-1), to: days(1) }, { token: admin });
    expect(own.data?.complianceReport.findings).toHaveLength(9);
    for (const [org, who] of [['org-c', otherAdmin], [null, admin]] as const) {
      const refused = await app().gql(REPORT, { org, from: days(-1), to: days(1) }, { token: who });
      expect(refused.errors?.[0].extensions?.code).toBe('ACCESS_DENIED');
    }
    const global = (await app().admin(REPORT, { from: days(-1), to: days(1) })).complianceReport;
    expect(global.findings.map((f: any) => `${f.code}/${f.secretName}`)).toContain('NO_EXPIRATION/elsewhere');
    const backwards = await app().gql(REPORT, { org: 'org-c', from: days(1), to: days(-1) });
    expect(backwards.errors?.[0].extensions?.code).toBe('VALIDATION_ERROR');
  });
});
