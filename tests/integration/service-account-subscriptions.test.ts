// Service accounts subscribe like they query: only persisted operations, named by hash in the subscribe
// message's extensions; and they receive only events of secrets they may see.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { expect, test } from 'vitest';
import { pgliteEngine } from '../support/engines.js';
import { createServiceAccount, TEST_JWT_SECRET } from '../support/identities.js';
import { useTestServer } from '../support/server.js';

const manifest: Record<string, string> = JSON.parse(readFileSync('operations/generated/persisted-documents.json', 'utf8'));
const subscriptionHash = Object.keys(manifest).find((h) => manifest[h].includes('subscription SecretEvents'))!;

function subscribeRaw(url: string, token: string, payload: { query: string; variables?: Record<string, unknown>; extensions?: Record<string, unknown> }) {
  const client = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  const received: any[] = [];
  const errors: any[] = [];
  const dispose = client.subscribe(payload, {
    next: (r) => (r.errors ? errors.push(...r.errors) : received.push(r.data)),
    error: (e) => errors.push(e),
    complete: () => undefined,
  });
  return { received, errors, close: async () => { dispose(); await client.dispose(); } };
}

const until = async (check: () => boolean, ms = 5000) => {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  return check();
};

const app = useTestServer(pgliteEngine, { env: { AUTH_JWT_SECRET: TEST_JWT_SECRET, SECRETS_JOBS_ENABLED: 'false' } });

test('a service account subscribes by hash and sees only its organization; free-form subscriptions are refused', async () => {
  expect(createHash('sha256').update(manifest[subscriptionHash]).digest('hex')).toBe(subscriptionHash);
  const { token } = await createServiceAccount(app(), { name: 'watcher', organizationId: 'org-1', permissions: ['secrets.secret.read.organization'] });

  const freeForm = subscribeRaw(app().url, token, { query: 'subscription { secretEvents { id } }' });
  expect(await until(() => freeForm.errors.length > 0)).toBe(true);
  expect(JSON.stringify(freeForm.errors)).toContain('PERSISTED_QUERY_REQUIRED');
  await freeForm.close();

  const persisted = subscribeRaw(app().url, token, { query: '', variables: {}, extensions: { persistedQuery: { version: 1, sha256Hash: subscriptionHash } } });
  await new Promise((r) => setTimeout(r, 300)); // let the subscription register
  await app().admin(`mutation { createSecret(input: {name: "elsewhere", type: GENERIC, scope: ORGANIZATION, organizationId: "org-2", value: {value: "x"}}) { id } }`);
  await app().admin(`mutation { createSecret(input: {name: "mine", type: GENERIC, scope: ORGANIZATION, organizationId: "org-1", value: {value: "x"}}) { id } }`);
  expect(await until(() => persisted.received.length > 0)).toBe(true);
  await new Promise((r) => setTimeout(r, 300));
  expect(persisted.errors).toEqual([]);
  expect(persisted.received.map((d) => [d.secretEvents.type, d.secretEvents.secretName])).toEqual([['SECRET_CREATED', 'mine']]);
  await persisted.close();
});
