// The optional User Management adapter: permissions from the service are merged into a user's token claims,
// cached briefly; when the service fails, the token's claims stand alone.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pgliteEngine } from '../support/engines.js';
import { mintJwt, TEST_JWT_SECRET } from '../support/identities.js';
import { startTestServer, type TestServer } from '../support/server.js';

let userManagement: Server;
let app: TestServer;
let requests = 0;
let healthy = true;

beforeAll(async () => {
  userManagement = createServer((req, res) => {
    requests++;
    if (!healthy) {
      res.statusCode = 503;
      res.end();
      return;
    }
    const match = /^\/users\/([^/]+)\/permissions$/.exec(req.url ?? '');
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(match?.[1] === 'u-admin' ? { orgs: [{ id: 'org-um', role: 'ORG_ADMIN' }] } : {}));
  });
  await new Promise<void>((resolve) => userManagement.listen(0, '127.0.0.1', resolve));
  const port = (userManagement.address() as { port: number }).port;
  app = await startTestServer(pgliteEngine, {
    env: { AUTH_JWT_SECRET: TEST_JWT_SECRET, USER_MANAGEMENT_URL: `http://127.0.0.1:${port}`, USER_MANAGEMENT_CACHE_SECONDS: '1', SECRETS_JOBS_ENABLED: 'false' },
  });
  await app.admin(`mutation { createSecret(input: {name: "um", type: GENERIC, scope: ORGANIZATION, organizationId: "org-um", value: {value: "x"}}) { id } }`);
});
afterAll(async () => {
  await app?.dispose();
  userManagement?.close();
});

test('memberships from User Management are added to the token claims and cached', async () => {
  const token = await mintJwt({ sub: 'u-admin' });
  const before = requests;
  for (let i = 0; i < 3; i++) {
    expect((await app.gql(`{ secrets { totalCount } }`, undefined, { token })).data?.secrets.totalCount).toBe(1);
  }
  expect(requests - before).toBe(1);
  const plain = await mintJwt({ sub: 'u-plain' });
  expect((await app.gql(`{ secrets { totalCount } }`, undefined, { token: plain })).data?.secrets.totalCount).toBe(0);
});

test('when User Management fails, only the token claims count (nothing extra, no error)', async () => {
  healthy = false;
  await new Promise((r) => setTimeout(r, 1100)); // let the 1 s cache entry lapse
  try {
    const token = await mintJwt({ sub: 'u-admin' });
    const result = await app.gql(`{ secrets { totalCount } }`, undefined, { token });
    expect(result.errors).toBeUndefined();
    expect(result.data?.secrets.totalCount).toBe(0);
    expect(app.logs.some((l) => l.includes('user management lookup failed'))).toBe(true);
  } finally {
    healthy = true;
  }
});
