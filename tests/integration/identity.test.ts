// Identity at the door: user JWTs (HS256 and JWKS), service-account tokens and the bootstrap admin. Every bad
// credential is UNAUTHENTICATED and none crashes the server.
import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pgliteEngine } from '../support/engines.js';
import { createServiceAccount, mintJwt, persisted, TEST_JWT_SECRET } from '../support/identities.js';
import { startTestServer, useTestServer, type TestServer } from '../support/server.js';

const codes = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.map((e) => e.extensions?.code);
const WHO = `{ secrets { totalCount } }`;
const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('HS256 user tokens', () => {
  const app = useTestServer(pgliteEngine, { env: { AUTH_JWT_SECRET: TEST_JWT_SECRET, SECRETS_JOBS_ENABLED: 'false' } });
  const now = () => Math.floor(Date.now() / 1000);

  test('a valid token authenticates and its claims decide what is visible', async () => {
    await app().admin(`mutation { createSecret(input: {name: "o1", type: GENERIC, scope: ORGANIZATION, organizationId: "org-1", value: {value: "x"}}) { id } }`);
    const admin = await mintJwt({ sub: 'u-1', orgs: [{ id: 'org-1', role: 'ORG_ADMIN' }] });
    expect((await app().gql(WHO, undefined, { token: admin })).data?.secrets.totalCount).toBe(1);
    const stranger = await mintJwt({ sub: 'u-2' });
    expect((await app().gql(WHO, undefined, { token: stranger })).data?.secrets.totalCount).toBe(0);
  });

  const bad: [string, () => Promise<string>][] = [
    ['expired', () => mintJwt({ sub: 'u' }, { expiresIn: now() - 120 })],
    ['not yet valid (nbf in the future)', () => mintJwt({ sub: 'u' }, { notBefore: now() + 3600 })],
    ['issued in the future', () => mintJwt({ sub: 'u' }, { issuedAt: now() + 3600, expiresIn: now() + 7200 })],
    ['signed with another secret', () => mintJwt({ sub: 'u' }, { secret: 'another-secret-that-is-long-enough-to-use' })],
    ['alg none', async () => `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ sub: 'u', roles: ['SUPER_ADMIN'], exp: now() + 600 })}.`],
    ['tampered claims', async () => {
      const [h, , s] = (await mintJwt({ sub: 'u' })).split('.');
      return `${h}.${b64url({ sub: 'u', roles: ['SUPER_ADMIN'], exp: now() + 600 })}.${s}`;
    }],
    ['malformed claims (orgs not a list)', () => new SignJWT({ orgs: 'org-1' }).setProtectedHeader({ alg: 'HS256' }).setSubject('u').setExpirationTime('5m').sign(new TextEncoder().encode(TEST_JWT_SECRET))],
    ['no expiry', () => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('u').sign(new TextEncoder().encode(TEST_JWT_SECRET))],
    ['garbage', async () => 'abc.def.ghi'],
    ['revoked-looking service token', async () => `sa_00000000-0000-4000-8000-000000000000_${'x'.repeat(43)}`],
  ];
  for (const [label, token] of bad) {
    test(`a token that is ${label} is UNAUTHENTICATED`, async () => {
      const result = await app().gql(WHO, undefined, { token: await token() });
      expect(codes(result)).toEqual(['UNAUTHENTICATED']);
      expect(result.status).toBe(401);
      expect(result.data).toBeUndefined();
    });
  }

  test('malformed Authorization headers are UNAUTHENTICATED and the server keeps serving', async () => {
    for (const header of ['Bearer', 'Bearer a b', 'Token abc', 'Basic dXNlcjpwYXNz', 'bearer.abc']) {
      const result = await app().gql(WHO, undefined, { token: null, headers: { authorization: header } });
      expect(codes(result), header).toEqual(['UNAUTHENTICATED']);
    }
    expect((await app().gql(`{ _service { sdl } }`, undefined, { token: null })).data?._service.sdl).toContain('Secret');
  });
});

describe('service accounts', () => {
  const app = useTestServer(pgliteEngine, { env: { AUTH_JWT_SECRET: TEST_JWT_SECRET, SECRETS_JOBS_ENABLED: 'false' } });

  test('the token is shown once, only its hash is stored, and lastUsedAt is kept', async () => {
    const { token, serviceAccount } = await createServiceAccount(app(), { name: 'ci', organizationId: 'org-1', permissions: ['secrets.secret.read.organization'] });
    expect(token).toMatch(/^sa_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}$/);
    const rows = await app().sql<{ row: string }>('select t::text as row from service_accounts t');
    expect(rows.map((r) => r.row).join()).not.toContain(token.split('_').at(-1));
    const listed = await app().admin(`{ serviceAccounts(organizationId: "org-1") { id name permissions lastUsedAt } }`);
    expect(listed.serviceAccounts).toEqual([{ id: serviceAccount.id, name: 'ci', permissions: ['secrets.secret.read.organization'], lastUsedAt: null }]);
    expect((await persisted(app(), 'ListSecrets', {}, token)).errors).toBeUndefined();
    const after = await app().admin(`{ serviceAccounts(organizationId: "org-1") { lastUsedAt } }`);
    expect(after.serviceAccounts[0].lastUsedAt).not.toBeNull();
  });

  test('service accounts may run only persisted operations; free-form documents get PERSISTED_QUERY_REQUIRED', async () => {
    const { token } = await createServiceAccount(app(), { name: 'runner', organizationId: 'org-1', permissions: ['secrets.secret.read.organization'] });
    const created = await app().admin(`mutation { createSecret(input: {name: "db", type: GENERIC, scope: ORGANIZATION, organizationId: "org-1", value: {value: "pw"}}) { id } }`);
    const freeForm = await app().gql(`{ secrets { totalCount } }`, undefined, { token });
    expect(codes(freeForm)).toEqual(['PERSISTED_QUERY_REQUIRED']);
    const denied = await app().sql<{ n: number }>(
      `select count(*)::int as n from secret_audit_log where outcome = 'DENIED' and actor_type = 'SERVICE' and details::text like '%persisted%'`,
    );
    expect(denied[0].n).toBeGreaterThanOrEqual(1);
    const unknown = await fetch(app().url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ secrets { totalCount } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }),
    });
    expect(((await unknown.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_REQUIRED');
    const resolved = await persisted(app(), 'ResolveSecrets', { refs: [{ ref: 'ORGANIZATION/org-1/db' }, { ref: created.createSecret.id }] }, token);
    expect(resolved.data?.resolveSecrets.map((r: any) => r.value?.data)).toEqual([{ value: 'pw' }, { value: 'pw' }]);
    // Users may still send free-form documents.
    expect((await app().gql(`{ secrets { totalCount } }`)).errors).toBeUndefined();
  });

  test('revocation takes effect on the next request', async () => {
    const { token, serviceAccount } = await createServiceAccount(app(), { name: 'short-lived', organizationId: 'org-1', permissions: [] });
    expect((await persisted(app(), 'ListSecrets', {}, token)).errors).toBeUndefined();
    await app().admin(`mutation($id: ID!) { revokeServiceAccount(id: $id) }`, { id: serviceAccount.id });
    const after = await persisted(app(), 'ListSecrets', {}, token);
    expect(codes(after)).toEqual(['UNAUTHENTICATED']);
    const audit = await app().sql<{ event_type: string; category: string; actor_id: string }>(
      `select event_type, category, actor_id from secret_audit_log where details->>'serviceAccountId' = $1 order by sequence`,
      [serviceAccount.id],
    );
    expect(audit).toEqual([
      { event_type: 'SERVICE_ACCOUNT_CREATED', category: 'ADMINISTRATION', actor_id: 'bootstrap-admin' },
      { event_type: 'SERVICE_ACCOUNT_REVOKED', category: 'ADMINISTRATION', actor_id: 'bootstrap-admin' },
    ]);
  });

  test('organization admins manage their own organization\'s accounts only, and cannot hand out platform codes', async () => {
    const orgAdmin = await mintJwt({ sub: 'oa', orgs: [{ id: 'org-1', role: 'ORG_ADMIN' }] });
    const CREATE = `mutation($input: CreateServiceAccountInput!) { createServiceAccount(input: $input) { token } }`;
    expect((await app().gql(CREATE, { input: { name: 'ok', organizationId: 'org-1', permissions: ['secrets.secret.read.team'] } }, { token: orgAdmin })).errors).toBeUndefined();
    expect(codes(await app().gql(CREATE, { input: { name: 'x', organizationId: 'org-2', permissions: [] } }, { token: orgAdmin }))).toEqual(['ACCESS_DENIED']);
    expect(codes(await app().gql(CREATE, { input: { name: 'x', organizationId: 'org-1', permissions: ['secrets.keys.rotate'] } }, { token: orgAdmin }))).toEqual(['ACCESS_DENIED']);
    expect(codes(await app().gql(CREATE, { input: { name: 'x', organizationId: 'org-1', permissions: ['secrets.bogus'] } }))).toEqual(['VALIDATION_ERROR']);
  });
});

describe('JWKS user tokens with issuer and audience', () => {
  let jwks: Server;
  let app: TestServer;
  let sign: (claims: Record<string, unknown>, opts?: { iss?: string; aud?: string }) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const port = (jwks.address() as { port: number }).port;
    sign = (claims, opts = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setSubject(String(claims.sub ?? 'u-jwks'))
        .setIssuer(opts.iss ?? 'https://id.example.test')
        .setAudience(opts.aud ?? 'secrets')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
    app = await startTestServer(pgliteEngine, {
      env: {
        AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`,
        AUTH_ISSUER: 'https://id.example.test',
        AUTH_AUDIENCE: 'secrets',
        SECRETS_JOBS_ENABLED: 'false',
      },
    });
  });
  afterAll(async () => {
    await app?.dispose();
    jwks?.close();
  });

  test('a token signed by the JWKS key with the right issuer and audience authenticates', async () => {
    const result = await app.gql(WHO, undefined, { token: await sign({ sub: 'u-jwks' }) });
    expect(result.errors).toBeUndefined();
  });

  test('wrong issuer, wrong audience, or an HS256 token are UNAUTHENTICATED', async () => {
    expect(codes(await app.gql(WHO, undefined, { token: await sign({}, { iss: 'https://evil.test' }) }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await app.gql(WHO, undefined, { token: await sign({}, { aud: 'other' }) }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await app.gql(WHO, undefined, { token: await mintJwt({ sub: 'u' }) }))).toEqual(['UNAUTHENTICATED']);
  });
});
