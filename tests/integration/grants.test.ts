// Explicit grants: who may grant, never more than held, expiry without a job, revocation, and the access
// explanations (myPermissions, effectiveAccess, accessGrants).
import { beforeAll, expect, test } from 'vitest';
import { ManualClock } from '../../lib/clock.js';
import { describeEachEngine } from '../support/engines.js';
import { mintJwt, TEST_JWT_SECRET } from '../support/identities.js';
import { useTestServer } from '../support/server.js';

const codes = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.map((e) => e.extensions?.code);
const GRANT = `mutation($input: GrantAccessInput!) { grantSecretAccess(input: $input) { id permissions expiresAt grantedBy { id } } }`;

describeEachEngine('grants', (engine) => {
  // Real time for tokens; the server clock moves only for the expiry test.
  const clock = new ManualClock(new Date());
  const app = useTestServer(engine, { clock, env: { AUTH_JWT_SECRET: TEST_JWT_SECRET, SECRETS_JOBS_ENABLED: 'false' } });
  let id: string;
  let granter: string;

  beforeAll(async () => {
    const created = await app().admin(`mutation { createSecret(input: {name: "shared", type: GENERIC, scope: TEAM, organizationId: "org-g", teamId: "team-g", value: {value: "s3cr3t"}}) { id } }`);
    id = created.createSecret.id;
    // A user who holds GRANT + READ through grants (not an admin).
    await app().admin(GRANT, { input: { secretId: id, granteeType: 'USER', granteeId: 'granter', permissions: ['GRANT', 'READ'] } });
    granter = await mintJwt({ sub: 'granter' });
  });

  test('a GRANT holder may grant what they hold, and nothing more', async () => {
    const ok = await app().gql(GRANT, { input: { secretId: id, granteeType: 'TEAM', granteeId: 'team-h', permissions: ['READ'] } }, { token: granter });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.grantSecretAccess).toMatchObject({ permissions: ['READ'], grantedBy: { id: 'granter' } });
    const tooMuch = await app().gql(GRANT, { input: { secretId: id, granteeType: 'USER', granteeId: 'x', permissions: ['READ', 'DELETE'] } }, { token: granter });
    expect(codes(tooMuch)).toEqual(['ACCESS_DENIED']);
    const reader = await mintJwt({ sub: 'reader-only' });
    await app().admin(GRANT, { input: { secretId: id, granteeType: 'USER', granteeId: 'reader-only', permissions: ['READ'] } });
    const noGrant = await app().gql(GRANT, { input: { secretId: id, granteeType: 'USER', granteeId: 'y', permissions: ['READ'] } }, { token: reader });
    expect(codes(noGrant)).toEqual(['ACCESS_DENIED']);
    const bad = await app().gql(GRANT, { input: { secretId: id, granteeType: 'USER', granteeId: '', permissions: [] } });
    expect(codes(bad)).toEqual(['VALIDATION_ERROR']);
    expect((bad.errors![0].extensions!.issues as { path: string }[]).map((i) => i.path).sort()).toEqual(['input.granteeId', 'input.permissions']);
  });

  test('team and role grants apply to members of the team or holders of the role', async () => {
    const teamMember = await mintJwt({ sub: 'tm', orgs: [{ id: 'org-g', role: 'MEMBER' }], teams: ['team-h'] });
    expect((await app().gql(`query($id: ID!) { secret(id: $id) { value { data } } }`, { id }, { token: teamMember })).data?.secret.value.data).toEqual({ value: 's3cr3t' });
    // The same team id claimed outside the secret's organization gives nothing.
    const foreignTeamMember = await mintJwt({ sub: 'ftm', orgs: [{ id: 'org-z', role: 'MEMBER' }], teams: ['team-h'] });
    expect((await app().gql(`query($id: ID!) { secret(id: $id) { id } }`, { id }, { token: foreignTeamMember })).data?.secret).toBeNull();
    await app().admin(GRANT, { input: { secretId: id, granteeType: 'ROLE', granteeId: 'MEMBER', permissions: ['VIEW_METADATA'] } });
    const orgMember = await mintJwt({ sub: 'om', orgs: [{ id: 'org-g', role: 'MEMBER' }] });
    const otherOrgMember = await mintJwt({ sub: 'oom', orgs: [{ id: 'org-z', role: 'MEMBER' }] });
    const MY = `query($id: ID!) { secret(id: $id) { myPermissions } }`;
    expect((await app().gql(MY, { id }, { token: orgMember })).data?.secret.myPermissions).toEqual(['VIEW_METADATA']);
    expect((await app().gql(MY, { id }, { token: otherOrgMember })).data?.secret).toBeNull();
  });

  test('an expired grant gives nothing, with no job involved', async () => {
    const expiresAt = new Date(clock.now().getTime() + 3_600_000).toISOString();
    await app().admin(GRANT, { input: { secretId: id, granteeType: 'USER', granteeId: 'temp', permissions: ['READ'], expiresAt } });
    // The token outlives the clock jump; only the grant expires.
    const temp = await mintJwt({ sub: 'temp' }, { expiresIn: '3h' });
    const READ = `query($id: ID!) { secret(id: $id) { value { data } } }`;
    expect((await app().gql(READ, { id }, { token: temp })).data?.secret.value.data).toEqual({ value: 's3cr3t' });
    clock.advance(3_600_001);
    try {
      expect((await app().gql(READ, { id }, { token: temp })).data?.secret).toBeNull();
      expect((await app().gql(`{ secrets { totalCount } }`, undefined, { token: temp })).data?.secrets.totalCount).toBe(0);
    } finally {
      clock.set(new Date());
    }
  });

  test('revoking a grant takes effect immediately; revoking twice is SECRET_NOT_FOUND', async () => {
    const grant = await app().admin(GRANT, { input: { secretId: id, granteeType: 'USER', granteeId: 'short', permissions: ['READ'] } });
    const short = await mintJwt({ sub: 'short' });
    await app().admin(`mutation($g: ID!) { revokeSecretAccess(grantId: $g) }`, { g: grant.grantSecretAccess.id });
    expect((await app().gql(`query($id: ID!) { secret(id: $id) { id } }`, { id }, { token: short })).data?.secret).toBeNull();
    const again = await app().gql(`mutation($g: ID!) { revokeSecretAccess(grantId: $g) }`, { g: grant.grantSecretAccess.id });
    expect(codes(again)).toEqual(['SECRET_NOT_FOUND']);
  });

  test('effectiveAccess explains every path; accessGrants lists active grants (GRANT holders only)', async () => {
    const data = await app().admin(`query($id: ID!) { secret(id: $id) { effectiveAccess { principalType principalId permissions via } accessGrants { granteeType granteeId } } }`, { id });
    const vias = data.secret.effectiveAccess.map((a: any) => a.via);
    expect(vias.slice(0, 3)).toEqual(['role:SUPER_ADMIN', 'scope:ORG_ADMIN@org-g', 'scope:MEMBER@team:team-g']);
    expect(vias.filter((v: string) => v.startsWith('grant:')).length).toBe(data.secret.accessGrants.length);
    expect(data.secret.effectiveAccess).toContainEqual(
      expect.objectContaining({ principalType: 'USER', principalId: 'granter', permissions: ['VIEW_METADATA', 'READ', 'GRANT'] }),
    );
    const reader = await mintJwt({ sub: 'reader-only' });
    const denied = await app().gql(`query($id: ID!) { secret(id: $id) { effectiveAccess { via } } }`, { id }, { token: reader });
    expect(codes(denied)).toEqual(['ACCESS_DENIED']);
  });
});
