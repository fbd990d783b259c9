// Benchmark: how fast the outbox relay drains a backlog into RabbitMQ (confirmed and marked published).
//   npx tsx bench/outbox-relay.ts [events=2000] [postgres-url]
// Without a PostgreSQL URL it runs on in-memory PGlite. Needs RabbitMQ at AMQP_URL (default 127.0.0.1:5672).
import { randomUUID } from 'node:crypto';
import amqp from 'amqplib';
import { createOutboxRecorder } from '../events/outbox-recorder.js';
import { createOutboxRelay } from '../events/relay.js';
import { BOOTSTRAP_ADMIN } from '../identity/actor.js';
import { systemClock } from '../lib/clock.js';
import { createLogger } from '../lib/logger.js';
import { openDatabase } from '../models/db.js';
import { secretRow } from '../tests/support/secret-row.js';

const count = Number(process.argv[2] ?? 2000);
const pgUrl = process.argv[3];
const amqpUrl = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const exchange = `coder.events.bench.${randomUUID().slice(0, 8)}`;

const database = await openDatabase(pgUrl ? { kind: 'postgres', url: pgUrl } : { kind: 'pglite' });
await database.migrate();
await database.query('delete from outbox_events');
const recorder = createOutboxRecorder({ clock: systemClock });
const now = new Date();
const secret = secretRow({ name: 'bench', organizationId: 'org-bench' }, now);
for (let i = 0; i < count; i += 100) {
  await database.db.transaction(async (tx) => {
    for (let j = i; j < Math.min(i + 100, count); j++) {
      await recorder.record(tx, { kind: 'UPDATED', actor: BOOTSTRAP_ADMIN, secret, data: { changedFields: ['description'] } });
    }
  });
}

const connection = await amqp.connect(amqpUrl);
const channel = await connection.createChannel();
await channel.assertExchange(exchange, 'topic', { durable: true });
const { queue } = await channel.assertQueue('', { exclusive: true });
await channel.bindQueue(queue, exchange, 'secret.#');
let received = 0;
const allReceived = new Promise<void>((resolve) => {
  void channel.consume(queue, () => ++received === count && resolve(), { noAck: true });
});

const started = performance.now();
const relay = createOutboxRelay({
  database,
  databaseUrl: pgUrl,
  amqp: { url: amqpUrl, exchange, routingPrefix: 'secret' },
  log: createLogger({ level: 'warn' }),
  pollIntervalMs: 1000,
});
relay.start();
await allReceived;
const consumedMs = performance.now() - started;
while (Number((await database.query<{ n: number }>('select count(*)::int as n from outbox_events where published_at is null'))[0].n) > 0) {
  await new Promise((r) => setTimeout(r, 10));
}
const drainedMs = performance.now() - started;
await relay.stop();
await channel.deleteExchange(exchange);
await connection.close();
await database.close();
console.log(
  `${database.kind}: ${count} events published, confirmed and marked in ${drainedMs.toFixed(0)} ms ` +
    `(${((count / drainedMs) * 1000).toFixed(0)} events/s; all consumed after ${consumedMs.toFixed(0)} ms)`,
);
