// The job runner: named jobs with an optional cron schedule (UTC), run by pg-boss so that across all
// replicas each scheduled run happens once (pg-boss's cron debouncing and "stately" queues: at most one
// queued and one active run per job). Handlers are idempotent anyway, so a retry or an overlapping manual
// run sends nothing twice. Time inside handlers comes from the injected clock; pg-boss only triggers.
import type { Logger } from 'pino';
import type PgBoss from 'pg-boss';
import type { Clock } from '../lib/clock.js';
import type { DatabaseHandle } from '../models/db.js';
import { createBoss } from './boss.js';

export interface JobContext {
  now: Date;
  log: Logger;
}

export interface JobDefinition {
  /** Cron expression in UTC, e.g. `0 0 * * *`. */
  cron?: string;
  /** Also queue one run when the runner starts. */
  runAtStart?: boolean;
  handler: (ctx: JobContext) => Promise<unknown>;
}

export interface JobRunner {
  register(name: string, definition: JobDefinition): void;
  /** Starts pg-boss, creates the queues, schedules and workers. */
  start(): Promise<void>;
  /** Stops taking jobs and waits (up to the timeout) for running handlers. */
  stop(): Promise<void>;
  /** Runs a job's handler in this process now (tests, operators); resolves with its summary. */
  runNow(name: string): Promise<unknown>;
  /** Queues one run through pg-boss (any replica's worker may take it); false if one is already queued. */
  enqueue(name: string): Promise<boolean>;
  readonly names: readonly string[];
}

export interface JobRunnerOptions {
  database: Pick<DatabaseHandle, 'kind' | 'pglite' | 'pool'>;
  /** PostgreSQL: pg-boss gets its own small pool from this URL (else it shares the service's pool). */
  connectionString?: string;
  log: Logger;
  clock: Clock;
  /** How often idle workers look for queued jobs (pg-boss polling). */
  pollingIntervalSeconds?: number;
  /** How long stop() waits for running handlers. */
  stopTimeoutMs?: number;
}

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const log = options.log.child({ component: 'jobs' });
  const definitions = new Map<string, JobDefinition>();
  let boss: PgBoss | undefined;

  async function run(name: string, via: 'pg-boss' | 'runNow'): Promise<unknown> {
    const definition = definitions.get(name);
    if (!definition) throw new Error(`Unknown job ${name}`);
    const started = Date.now();
    const jobLog = log.child({ job: name, via });
    try {
      const result = await definition.handler({ now: options.clock.now(), log: jobLog });
      jobLog.info({ durationMs: Date.now() - started, result }, 'job finished');
      return result;
    } catch (error) {
      jobLog.error({ err: error, durationMs: Date.now() - started }, 'job failed');
      throw error;
    }
  }

  return {
    get names() {
      return [...definitions.keys()];
    },
    register(name, definition) {
      if (boss) throw new Error('register jobs before start()');
      definitions.set(name, definition);
    },
    async start() {
      if (boss) return;
      const instance = createBoss({ database: options.database, connectionString: options.connectionString });
      instance.on('error', (error) => log.error({ err: error }, 'pg-boss error'));
      await instance.start();
      boss = instance;
      for (const [name, definition] of definitions) {
        await instance.createQueue(name, { name, policy: 'stately', retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 3600 });
        if (definition.cron) await instance.schedule(name, definition.cron, {}, { tz: 'UTC' });
        else await instance.unschedule(name);
        // Queued before the worker starts, so its first fetch (immediately) takes it, during start-up.
        if (definition.runAtStart) await instance.send(name, {});
        await instance.work(name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async () => {
          await run(name, 'pg-boss');
        });
      }
      log.info({ jobs: [...definitions.keys()] }, 'job runner started');
    },
    async stop() {
      const instance = boss;
      if (!instance) return;
      boss = undefined;
      try {
        await instance.stop({ graceful: true, wait: true, timeout: options.stopTimeoutMs ?? 10_000 });
        log.info('job runner stopped');
      } catch (error) {
        // Shutdown goes on (the database still closes); pg-boss fails unfinished runs, which retry elsewhere.
        log.error({ err: error }, 'job runner did not stop cleanly');
      }
    },
    runNow: (name) => run(name, 'runNow'),
    async enqueue(name) {
      if (!boss) throw new Error('job runner is not started');
      if (!definitions.has(name)) throw new Error(`Unknown job ${name}`);
      return (await boss.send(name, {})) !== null;
    },
  };
}
