// The job runner on real pg-boss, on PGlite (through the db adapter) and PostgreSQL (connection string):
// queued runs reach the handler, schedules are stored in UTC, stop() waits for a running handler.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemClock } from '../lib/clock.js';
import { openDatabase, type DatabaseHandle } from '../models/db.js';
import { createPostgresDatabase, engines } from '../tests/support/engines.js';
import { createJobRunner } from './runner.js';

for (const engine of engines) {
  describe.skipIf(engine.skip)(`job runner [${engine.name}]`, () => {
    let database: DatabaseHandle;
    let pg: { url: string; drop(): Promise<void> } | undefined;
    beforeAll(async () => {
      pg = engine.name === 'postgres' ? await createPostgresDatabase('jobs') : undefined;
      database = await openDatabase(pg ? { kind: 'postgres', url: pg.url } : { kind: 'pglite' });
    });
    afterAll(async () => {
      await database?.close();
      await pg?.drop();
    });

    test('queued and start-up runs reach the handler; cron schedules are stored; stop waits for a running handler', async () => {
      const runner = createJobRunner({ database, connectionString: pg?.url, log: pino({ level: 'silent' }), clock: systemClock, pollingIntervalSeconds: 0.5 });
      const calls: string[] = [];
      let release!: () => void;
      const slowRelease = new Promise<void>((resolve) => (release = resolve));
      runner.register('nightly', { cron: '0 0 * * *', runAtStart: true, handler: async () => void calls.push('nightly') });
      runner.register('slow', {
        handler: async () => {
          calls.push('slow:start');
          await slowRelease;
          calls.push('slow:end');
        },
      });
      await runner.start();
      await expect.poll(() => calls.includes('nightly'), { timeout: 10_000 }).toBe(true);
      const schedules = await database.query<{ name: string; cron: string; timezone: string }>('select name, cron, timezone from pgboss.schedule');
      expect(schedules).toEqual([{ name: 'nightly', cron: '0 0 * * *', timezone: 'UTC' }]);

      expect(await runner.enqueue('slow')).toBe(true);
      await expect.poll(() => calls.includes('slow:start'), { timeout: 10_000 }).toBe(true);
      const stopped = runner.stop().then(() => calls.push('stopped'));
      setTimeout(release, 300);
      await stopped;
      expect(calls.slice(-2)).toEqual(['slow:end', 'stopped']);
      expect(await runner.runNow('nightly')).toBeUndefined();
      expect(calls.filter((c) => c === 'nightly')).toHaveLength(2);
    });

    test.skipIf(engine.name !== 'postgres')('without a connection string pg-boss shares the service pool', async () => {
      const runner = createJobRunner({ database, log: pino({ level: 'silent' }), clock: systemClock, pollingIntervalSeconds: 0.5 });
      let runs = 0;
      runner.register('pooled', { handler: async () => void runs++ });
      await runner.start();
      expect(await runner.enqueue('pooled')).toBe(true);
      await expect.poll(() => runs, { timeout: 10_000 }).toBe(1);
      await runner.stop();
    });
  });
}
