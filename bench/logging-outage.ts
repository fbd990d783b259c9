// Benchmark: request latency with logs shipped to the Logging Service while it is healthy, refusing
// connections, and hanging (accepting but never answering) — shipping must not slow requests down.
//   npx tsx bench/logging-outage.ts [requests-per-phase=300]
// Runs the real server in-process on a temporary PGlite data dir with a local receiver. Figures: docs/logging.md.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startServer } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { startLogReceiver } from '../tests/support/log-receiver.js';

const perPhase = Number(process.argv[2] ?? 300);
const receiver = await startLogReceiver();
const dataDir = mkdtempSync(join(tmpdir(), 'bench-logging-'));
const token = `bench-admin-${randomBytes(24).toString('hex')}`;
const discard = new Writable({ write: (_chunk, _encoding, callback) => callback() });
const server = await startServer(
  loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SECRETS_DATA_DIR: dataDir,
    SECRETS_MASTER_KEY: randomBytes(32).toString('base64'),
    SECRETS_ADMIN_TOKEN: token,
    SECRETS_JOBS_ENABLED: 'false',
    LOG_LEVEL: 'info',
    LOGGING_ENABLED: 'true',
    LOGGING_SERVICE_URL: receiver.url,
    LOGGING_TIMEOUT_MS: '2000',
  }),
  { logDestination: discard },
);

async function request(): Promise<number> {
  const start = process.hrtime.bigint();
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ secrets(first: 5) { totalCount } }' }),
  });
  await response.json();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function phase(label: string) {
  for (let i = 0; i < 20; i++) await request(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < perPhase; i++) samples.push(await request());
  samples.sort((a, b) => a - b);
  const stats = server.logShipper!.stats();
  console.log(
    `${label.padEnd(38)} p50 ${percentile(samples, 50).toFixed(2)} ms  p95 ${percentile(samples, 95).toFixed(2)} ms  p99 ${percentile(samples, 99).toFixed(2)} ms` +
      `  (shipper: sent ${stats.sent}, buffered ${stats.buffered}, dropped ${stats.dropped}, failed attempts ${stats.failedAttempts})`,
  );
}

try {
  console.log(`\n== request latency, ${perPhase} sequential requests per phase (PGlite) ==`);
  await phase('Logging Service healthy');
  await receiver.stop();
  await phase('Logging Service refusing connections');
  await receiver.start();
  receiver.mode = 'hang';
  await phase('Logging Service hanging (never answers)');
  receiver.mode = 'accept';
  await server.logShipper!.flush(10_000);
  await phase('Logging Service recovered');
} finally {
  await server.stop();
  await receiver.close();
  rmSync(dataDir, { recursive: true, force: true });
}
