// The outbox relay: publishes committed, unpublished outbox rows in sequence order to the RabbitMQ topic
// exchange as persistent messages on a confirm channel (messageId = event id), and marks a row published only
// after the broker confirmed it. While the broker is unreachable it retries with exponential backoff and
// reconnects by itself; the mutations that produce events never wait for it. Delivery is at-least-once: a
// crash between the confirm and the mark re-publishes that event after restart (consumers de-duplicate by id).
//
// One active publisher across replicas: on PostgreSQL the relay holds a session-level advisory lock on a
// dedicated connection. Only the holder publishes, so each event goes out once and in order; if the holder dies
// its connection closes, the lock is released, and a standby (retrying every poll interval) takes over.
// (`FOR UPDATE SKIP LOCKED` batches would let replicas publish in parallel but interleave the order.)
// PGlite is one process, so the relay there simply runs.
import amqp, { type ChannelModel, type ConfirmChannel } from 'amqplib';
import pg from 'pg';
import type { Logger } from '../lib/logger.js';
import type { DatabaseHandle } from '../models/db.js';
import type { OutboxEventRow } from '../models/events.tables.js';
import { markOutboxFailed, markOutboxPublished, pendingOutboxEvents } from '../models/outbox.repo.js';
import type { EventBus } from './bus.js';
import { isSecretEventType, routingKeyOf } from './catalogue.js';
import { sanitizeErrorMessage } from './sanitize.js';

/** pg_advisory_lock key of the outbox publisher (distinct from the migration lock). */
export const RELAY_LOCK_ID = 7_263_411_006;

export interface OutboxRelayDeps {
  database: Pick<DatabaseHandle, 'kind' | 'db'>;
  /** PostgreSQL URL for the dedicated lock connection (required on PostgreSQL). */
  databaseUrl?: string;
  amqp: { url: string; exchange: string; routingPrefix: string };
  log: Logger;
  pollIntervalMs: number;
  /** Commits on any replica wake the relay through the bus. */
  bus?: EventBus;
  batchSize?: number;
  backoff?: { initialMs: number; maxMs: number };
}

export interface OutboxRelay {
  start(): void;
  stop(): Promise<void>;
  /** Look for new events now (unless waiting out a broker backoff). */
  wake(): void;
  /** This replica holds the publisher lock. */
  readonly isLeader: boolean;
}

/** The broker failed (connect, channel, confirm); the loop backs off and reconnects. */
class BrokerUnavailable extends Error {}

export function createOutboxRelay(deps: OutboxRelayDeps): OutboxRelay {
  const { database, log } = deps;
  const batchSize = deps.batchSize ?? 100;
  const backoff = deps.backoff ?? { initialMs: 250, maxMs: 30_000 };
  let stopped = true;
  let loop: Promise<void> | undefined;
  let connection: ChannelModel | undefined;
  let channel: ConfirmChannel | undefined;
  let lockClient: pg.Client | undefined;
  let leader = database.kind === 'pglite';
  let brokerDown = false;
  let unsubscribe: (() => void) | undefined;
  let wakeIdle: (() => void) | undefined;
  let wakeable = false;
  let wakeRequested = false;

  /** Sleeps `ms`; a wake() ends the wait early only when `interruptible` (never during a broker backoff). */
  function idle(ms: number, interruptible: boolean): Promise<void> {
    if (interruptible && wakeRequested) return Promise.resolve(); // a commit arrived while publishing
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeIdle = undefined;
        resolve();
      }
      wakeIdle = done;
      wakeable = interruptible;
    });
  }

  async function holdLeadership(): Promise<boolean> {
    if (database.kind === 'pglite') return true;
    if (leader && lockClient) return true;
    if (!deps.databaseUrl) throw new Error('the outbox relay needs the PostgreSQL URL for its lock connection');
    if (!lockClient) {
      const client = new pg.Client({ connectionString: deps.databaseUrl });
      const lost = () => {
        if (lockClient !== client) return;
        lockClient = undefined;
        if (leader) log.warn('outbox relay lost its lock connection; another replica may take over publishing');
        leader = false;
        client.end().catch(() => undefined);
      };
      client.on('error', lost);
      client.on('end', lost);
      await client.connect();
      lockClient = client;
    }
    const { rows } = await lockClient.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [RELAY_LOCK_ID]);
    leader = rows[0]?.ok === true;
    if (leader) log.info('this replica publishes the event outbox');
    return leader;
  }

  async function openChannel(): Promise<ConfirmChannel> {
    if (channel) return channel;
    let conn: ChannelModel | undefined;
    try {
      conn = await amqp.connect(deps.amqp.url, {
        timeout: 10_000,
        clientProperties: { connection_name: 'secrets-subgraph outbox relay' },
      });
      const current = conn;
      current.on('error', () => undefined); // 'close' follows; handled there
      current.on('close', () => {
        if (connection !== current) return;
        connection = undefined;
        channel = undefined;
      });
      const ch = await current.createConfirmChannel();
      ch.on('error', () => undefined);
      ch.on('close', () => {
        if (channel !== ch) return;
        channel = undefined;
        current.close().catch(() => undefined);
      });
      await ch.assertExchange(deps.amqp.exchange, 'topic', { durable: true });
      connection = current;
      channel = ch;
      if (brokerDown) log.info('outbox relay reconnected to RabbitMQ');
      brokerDown = false;
      return ch;
    } catch (error) {
      await conn?.close().catch(() => undefined);
      throw new BrokerUnavailable(sanitizeErrorMessage(error));
    }
  }

  async function closeBroker(): Promise<void> {
    const conn = connection;
    connection = undefined;
    channel = undefined;
    await conn?.close().catch(() => undefined);
  }

  /** Publishes a batch; resolves with the confirmed and the refused (nacked) ids; throws if the channel failed. */
  async function publish(rows: OutboxEventRow[]): Promise<{ confirmed: string[]; refused: string[]; failed: string[] }> {
    const ch = await openChannel();
    const outcomes = await Promise.allSettled(
      rows.map(
        (row) =>
          new Promise<void>((resolve, reject) => {
            if (!isSecretEventType(row.type)) return reject(new Error(`unknown event type ${row.type}`));
            // The return value only signals a full write buffer; the message is buffered either way, and a
            // batch is bounded, so there is no need to wait for 'drain'.
            ch.publish(
              deps.amqp.exchange,
              routingKeyOf(row.type, deps.amqp.routingPrefix),
              Buffer.from(JSON.stringify(row.payload)),
              {
                persistent: true,
                messageId: row.id,
                type: row.type,
                contentType: 'application/json',
                contentEncoding: 'utf-8',
                timestamp: Math.floor(row.createdAt.getTime() / 1000),
                appId: 'secret-management',
              },
              (error) => (error ? reject(error) : resolve()),
            );
          }),
      ),
    );
    const closed = channel !== ch; // the close handler forgets a failed channel
    const confirmed: string[] = [];
    const refused: string[] = [];
    const failed: string[] = [];
    outcomes.forEach((outcome, i) => {
      const id = rows[i].id;
      if (outcome.status === 'fulfilled') confirmed.push(id);
      else if (closed) failed.push(id);
      else refused.push(id);
    });
    return { confirmed, refused, failed };
  }

  async function runOnce(): Promise<'idle' | 'more'> {
    if (!(await holdLeadership())) return 'idle';
    wakeRequested = false;
    const rows = await pendingOutboxEvents(database.db, { limit: batchSize, now: new Date() });
    if (rows.length === 0) return 'idle';
    let result;
    try {
      result = await publish(rows);
    } catch (error) {
      await markOutboxFailed(database.db, rows.map((r) => r.id), { error: sanitizeErrorMessage(error), now: new Date() });
      throw error;
    }
    const now = new Date();
    await markOutboxPublished(database.db, result.confirmed, now);
    if (result.refused.length) {
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const id of result.refused) {
        // A refused message waits on its own (2^attempts s, at most 5 min) so it cannot block the others.
        const delay = Math.min(1000 * 2 ** Math.min(byId.get(id)!.attempts, 8), 300_000);
        await markOutboxFailed(database.db, [id], { error: 'refused by the broker (nack)', now, retryAt: new Date(now.getTime() + delay) });
      }
      log.warn({ count: result.refused.length }, 'broker refused outbox events; they will be retried');
    }
    if (result.failed.length) {
      await markOutboxFailed(database.db, result.failed, { error: 'broker channel closed before confirming', now });
      throw new BrokerUnavailable('broker channel closed before confirming');
    }
    if (result.confirmed.length) log.debug({ count: result.confirmed.length }, 'published outbox events');
    return rows.length === batchSize ? 'more' : 'idle';
  }

  async function run(): Promise<void> {
    let delay = backoff.initialMs;
    while (!stopped) {
      try {
        const next = await runOnce();
        delay = backoff.initialMs;
        if (next === 'idle' && !stopped) await idle(deps.pollIntervalMs, leader);
      } catch (error) {
        if (stopped) break;
        if (error instanceof BrokerUnavailable) {
          await closeBroker();
          // One warning per outage; the attempts and last error are on the rows (outboxEvents query).
          if (!brokerDown) log.warn({ error: error.message, retryInMs: delay }, 'RabbitMQ unavailable; events wait in the outbox');
          else log.debug({ error: error.message, retryInMs: delay }, 'RabbitMQ still unavailable');
          brokerDown = true;
        } else {
          log.error({ error: sanitizeErrorMessage(error), retryInMs: delay }, 'outbox relay failed; retrying');
        }
        await idle(delay, false);
        delay = Math.min(delay * 2, backoff.maxMs);
      }
    }
  }

  function wake() {
    wakeRequested = true;
    if (wakeable) wakeIdle?.();
  }

  return {
    get isLeader() {
      return leader;
    },

    start() {
      if (!stopped) return;
      stopped = false;
      unsubscribe = deps.bus?.subscribe(wake);
      loop = run();
    },

    wake,

    async stop() {
      if (stopped) return;
      stopped = true;
      unsubscribe?.();
      wakeIdle?.();
      // A broker that never confirms must not hold up shutdown: after a grace period the connection is closed,
      // which fails the pending confirms (those rows stay unpublished and go out after the next start).
      const grace = new Promise<void>((resolve) => setTimeout(resolve, 5_000).unref());
      await Promise.race([loop, grace]);
      await closeBroker();
      await loop;
      const client = lockClient;
      lockClient = undefined;
      leader = database.kind === 'pglite';
      await client?.end().catch(() => undefined);
    },
  };
}
