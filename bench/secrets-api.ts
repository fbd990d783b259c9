// Benchmark: the core API through real HTTP on one in-process server — createSecret, updateSecretValue,
// Secret.value, a 50-row listing for a non-admin (SQL visibility filter) — sequential latency and concurrent
// throughput, on embedded PGlite and (when reachable) PostgreSQL.
//   npx tsx bench/secrets-api.ts [operations=300] [postgres-server-url=postgres://postgres@127.0.0.1:5432/]
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import pg from 'pg';
import { startServer } from '../server/app.js';
import { loadConfig } from '../server/config.js';

const count = Number(process.argv[2] ?? 300);
const pgServer = new URL(process.argv[3] ?? 'postgres://postgres@127.0.0.1:5432/');
const jwtSecret = randomBytes(32).toString('hex');

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function run(engine: 'pglite' | 'postgres') {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-api-'));
  let dbName: string | undefined;
  const admin = new pg.Client({ connectionString: new URL('/postgres', pgServer).toString() });
  if (engine === 'postgres') {
    await admin.connect();
    dbName = `bench_api_${randomBytes(4).toString('hex')}`;
    await admin.query(`create database ${dbName}`);
  }
  const token = `bench-admin-${randomBytes(24).toString('hex')}`;
  const server = await startServer(
    loadConfig({
      PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SECRETS_DATA_DIR: dataDir, SECRETS_ADMIN_TOKEN: token,
      SECRETS_MASTER_KEY: randomBytes(32).toString('base64'), AUTH_JWT_SECRET: jwtSecret, SECRETS_JOBS_ENABLED: 'false',
      ...(dbName ? { DATABASE_URL: new URL(`/${dbName}`, pgServer).toString() } : {}),
    }),
  );
  const gql = async (query: string, variables: Record<string, unknown>, bearer = token) => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const measure = async (label: string, op: (i: number) => Promise<unknown>) => {
    const times: number[] = [];
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      const t = performance.now();
      await op(i);
      times.push(performance.now() - t);
    }
    const total = performance.now() - started;
    times.sort((a, b) => a - b);
    console.log(`${engine.padEnd(8)} ${label.padEnd(34)} p50 ${fmt(percentile(times, 50))}  p95 ${fmt(percentile(times, 95))}  ${(count / (total / 1000)).toFixed(0)} ops/s`);
  };
  const concurrent = async (label: string, op: (i: number) => Promise<unknown>, parallel = 16) => {
    const started = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: parallel }, async () => {
      while (next < count) await op(next++);
    }));
    const total = performance.now() - started;
    console.log(`${engine.padEnd(8)} ${label.padEnd(34)} ${(count / (total / 1000)).toFixed(0)} ops/s (${parallel} concurrent)`);
  };

  const ids: string[] = [];
  await measure('createSecret', async (i) => {
    const d = await gql(`mutation($n: String!) { createSecret(input: {name: $n, type: GENERIC, scope: ORGANIZATION, organizationId: "org-1", value: {value: "v"}}) { id } }`, { n: `s-${i}` });
    ids.push(d.createSecret.id);
  });
  await measure('updateSecretValue', (i) => gql(`mutation($id: ID!) { updateSecretValue(id: $id, value: {value: "w"}) { id } }`, { id: ids[i] }));
  await measure('Secret.value (decrypt + audit)', (i) => gql(`query($id: ID!) { secret(id: $id) { value { data } } }`, { id: ids[i] }));
  await concurrent('Secret.value', (i) => gql(`query($id: ID!) { secret(id: $id) { value { data } } }`, { id: ids[i % ids.length] }));
  await concurrent('updateSecretValue on one secret', () => gql(`mutation($id: ID!) { updateSecretValue(id: $id, value: {value: "x"}) { id } }`, { id: ids[0] }));
  const member = await new SignJWT({ orgs: [{ id: 'org-1', role: 'ORG_ADMIN' }] })
    .setProtectedHeader({ alg: 'HS256' }).setSubject('bench-user').setExpirationTime('1h').sign(new TextEncoder().encode(jwtSecret));
  await measure('secrets(first: 50) as org admin', () => gql(`{ secrets(first: 50) { totalCount edges { node { id status } } } }`, {}, member));

  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
  if (dbName) {
    await admin.query(`drop database ${dbName} with (force)`);
    await admin.end();
  }
}

await run('pglite');
try {
  await run('postgres');
} catch (error) {
  console.log(`postgres skipped: ${error instanceof Error ? error.message : error}`);
}
