// Benchmark: what starting the job runner (pg-boss: schema, queues, schedules, workers) adds to a server start
// on embedded PGlite, each run on a fresh in-memory database.
//   npx tsx bench/jobs-startup.ts [runs=4]
import pino from 'pino';
import { registerLifecycleJobs } from '../jobs/index.js';
import { createJobRunner } from '../jobs/runner.js';
import { systemClock } from '../lib/clock.js';
import { openDatabase } from '../models/db.js';
import type { LifecycleServices } from '../services/lifecycle/index.js';

const runs = Number(process.argv[2] ?? 4);
const idle = async () => ({});
// The four lifecycle jobs with idle handlers: only pg-boss's own start-up cost is measured.
const services = {
  expiration: { checkExpirations: idle },
  scheduledRotation: { checkRotations: idle },
  purge: { purgeExpiredDeletions: idle },
  retention: { pruneVersions: idle },
} as unknown as LifecycleServices;
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const database = await openDatabase({ kind: 'pglite' });
  await database.migrate();
  const runner = createJobRunner({ database, log: pino({ level: 'silent' }), clock: systemClock });
  registerLifecycleJobs(runner, services);
  const started = performance.now();
  await runner.start();
  times.push(performance.now() - started);
  await runner.stop();
  await database.close();
}
console.log(`job runner start on PGlite (fresh database, 4 lifecycle jobs), ${runs} runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
