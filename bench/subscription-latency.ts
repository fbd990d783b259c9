// Benchmark: how long an event caused on one replica takes to reach a graphql-ws subscriber on another
// (mutation sent on B -> event received on A), two in-process servers on one PostgreSQL database.
//   npx tsx bench/subscription-latency.ts [events=50] [postgres-server-url=postgres://postgres@127.0.0.1:5432/]
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startServer } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { subscribe } from '../tests/support/ws-client.js';

const count = Number(process.argv[2] ?? 50);
const server = new URL(process.argv[3] ?? 'postgres://postgres@127.0.0.1:5432/');
const dbName = `bench_subs_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: new URL('/postgres', server).toString() });
await admin.connect();
await admin.query(`create database ${dbName}`);

const token = `bench-admin-${randomBytes(24).toString('hex')}`;
const dataDir = mkdtempSync(join(tmpdir(), 'bench-subs-'));
const env = {
  PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SECRETS_DATA_DIR: dataDir, SECRETS_ADMIN_TOKEN: token,
  SECRETS_MASTER_KEY: randomBytes(32).toString('base64'), DATABASE_URL: new URL(`/${dbName}`, server).toString(), SECRETS_JOBS_ENABLED: 'false',
};
const a = await startServer(loadConfig(env));
const b = await startServer(loadConfig(env));
const subscriber = subscribe(a.url, token, 'subscription { secretEvents(types: [SECRET_CREATED]) { secretId } }');
const create = async (name: string) => {
  const response = await fetch(b.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: `mutation($n: String!) { createSecret(input: {name: $n, type: GENERIC, scope: GLOBAL, value: {value: "x"}}) { id } }`, variables: { n: name } }),
  });
  return ((await response.json()) as any).data.createSecret.id as string;
};
await new Promise((r) => setTimeout(r, 1000)); // let the subscription start
await create('warm-up');

const latencies: number[] = [];
for (let i = 0; i < count; i++) {
  const sent = performance.now();
  const id = await create(`bench-${i}`);
  await subscriber.waitFor((d) => d.secretEvents.secretId === id, 10_000);
  latencies.push(performance.now() - sent);
}
latencies.sort((x, y) => x - y);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
console.log(`subscription latency across replicas (mutation on B -> event on A), ${count} events: p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`);

await subscriber.close();
await a.stop();
await b.stop();
await admin.query(`drop database ${dbName} with (force)`);
await admin.end();
rmSync(dataDir, { recursive: true, force: true });
