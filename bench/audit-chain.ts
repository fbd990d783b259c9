// Benchmark of the audit hash chain: sealing and verifying a 100,000-entry trail, and audit insert throughput
// (concurrent audited transactions) with and without the sealer running.
//   npx tsx bench/audit-chain.ts [rows=100000] [writers=8] [inserts-per-writer=250]
// Runs on in-memory PGlite, and on PostgreSQL too when BENCH_POSTGRES_URL (a server URL; a scratch database is
// created and dropped) is set or 127.0.0.1:5432 answers. Figures go to docs/audit.md.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { BOOTSTRAP_ADMIN } from '../identity/actor.js';
import { systemClock } from '../lib/clock.js';
import { createLogger } from '../lib/logger.js';
import { openDatabase, type DatabaseHandle } from '../models/db.js';
import { verifyChain } from '../services/audit/chain-verify.js';
import { createAuditRecorder } from '../services/audit/recorder.js';
import { createAuditHmac } from '../services/audit/sanitize.js';
import { createAuditSealer } from '../services/audit/sealer.js';

const rows = Number(process.argv[2] ?? 100_000);
const writers = Number(process.argv[3] ?? 8);
const perWriter = Number(process.argv[4] ?? 250);
const serverUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/';
const log = createLogger({ level: 'warn' });

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

async function withScratchPostgres<T>(use: (url: string) => Promise<T>): Promise<T | undefined> {
  const admin = new pg.Client({ connectionString: new URL('/postgres', serverUrl).toString(), connectionTimeoutMillis: 2000 });
  admin.on('error', () => undefined);
  try {
    await admin.connect();
  } catch {
    console.log(`(PostgreSQL at ${new URL(serverUrl).host} unreachable: skipped)`);
    return undefined;
  }
  const name = `bench_audit_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${name}`);
  try {
    return await use(new URL(`/${name}`, serverUrl).toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function bulkInsert(database: DatabaseHandle, count: number): Promise<void> {
  await database.query(
    `insert into secret_audit_log (id, event_type, category, outcome, actor_id, actor_type, secret_id, organization_id,
                                   details, ip, user_agent, request_id, created_at)
     select gen_random_uuid(), 'SECRET_VALUE_READ', 'ACCESS', 'SUCCESS', 'user-' || (g % 50), 'USER', null, 'org-' || (g % 5),
            jsonb_build_object('operation', 'value', 'version', g % 7), '10.0.0.' || (g % 250), 'bench', 'req-' || g,
            now() - make_interval(secs => $1 - g)
       from generate_series(1, $1::int) g`,
    [count],
  );
}

async function insertThroughput(database: DatabaseHandle, sealerOn: boolean, writerCount: number): Promise<{ perSecond: number; sealLagMs: number | null }> {
  const recorder = createAuditRecorder({ clock: systemClock, hmac: createAuditHmac(randomBytes(32)) });
  const sealer = createAuditSealer({ db: database.db, clock: systemClock, log, intervalMs: 250 });
  if (sealerOn) sealer.start();
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writerCount }, async (_, w) => {
      for (let i = 0; i < perWriter; i++) {
        await database.db.transaction((tx) =>
          recorder.recordEvent(tx, { eventType: 'SECRET_VALUE_READ', category: 'ACCESS', outcome: 'SUCCESS', actor: BOOTSTRAP_ADMIN, details: { w, i } }),
        );
      }
    }),
  );
  const elapsed = ms(start);
  let sealLagMs: number | null = null;
  if (sealerOn) {
    // How long until the background loop (interval 250 ms) has sealed everything, without forcing it.
    const lagStart = process.hrtime.bigint();
    while (Number((await database.query<{ n: number }>(`select count(*)::int as n from secret_audit_log where hash is null`))[0].n) > 0) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    sealLagMs = ms(lagStart);
  }
  await sealer.stop();
  return { perSecond: (writerCount * perWriter) / (elapsed / 1000), sealLagMs };
}

async function run(label: string, database: DatabaseHandle, writerCount: number): Promise<void> {
  await database.migrate();
  console.log(`\n== ${label} ==`);
  let t = process.hrtime.bigint();
  await bulkInsert(database, rows);
  console.log(`bulk insert of ${fmt(rows)} unsealed entries: ${fmt(ms(t))} ms`);
  const sealer = createAuditSealer({ db: database.db, clock: systemClock, log, intervalMs: 250 });
  t = process.hrtime.bigint();
  const sealed = await sealer.sealNow({ timeoutMs: 600_000 });
  const sealMs = ms(t);
  console.log(`seal ${fmt(sealed)} entries: ${fmt(sealMs)} ms (${fmt(sealed / (sealMs / 1000))} entries/s)`);
  t = process.hrtime.bigint();
  const verification = await verifyChain(database.db, systemClock);
  console.log(`verifyAuditChain over ${fmt(verification.checked)} entries: ${fmt(ms(t))} ms (valid: ${verification.valid})`);
  for (const sealerOn of [false, true]) {
    const r = await insertThroughput(database, sealerOn, writerCount);
    console.log(
      `audited transactions, ${writerCount} writer(s) x ${perWriter}, sealer ${sealerOn ? 'on ' : 'off'}: ${fmt(r.perSecond)} tx/s` +
        (r.sealLagMs === null ? '' : `; background sealer done ${fmt(r.sealLagMs)} ms after the last commit`),
    );
  }
  const final = await verifyChain(database.db, systemClock);
  console.log(`final chain: ${fmt(final.checked)} entries, valid: ${final.valid}, unsealed: ${final.unsealed}`);
}

const lite = await openDatabase({ kind: 'pglite' });
try {
  // PGlite has one connection: concurrent writers queue on it, so one writer shows its real rate.
  await run('PGlite (in memory)', lite, 1);
} finally {
  await lite.close();
}
await withScratchPostgres(async (url) => {
  const database = await openDatabase({ kind: 'postgres', url, poolMax: writers + 2 });
  try {
    await run(`PostgreSQL (${new URL(serverUrl).host})`, database, writers);
  } finally {
    await database.close();
  }
});
