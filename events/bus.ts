// The event bus GraphQL subscriptions read: after a transaction that wrote outbox rows commits, every
// replica delivers those events to its local listeners. The outbox recorder issues `pg_notify` with the event
// id inside the same transaction, so PostgreSQL sends it only on commit (never for a rollback); listeners here
// fetch the rows by id, because payloads may exceed NOTIFY's 8 KB limit. PGlite supports LISTEN/NOTIFY with
// the same transactional semantics (one process), so both engines take the same path.
import pg from 'pg';
import type { Logger } from '../lib/logger.js';
import type { DatabaseHandle } from '../models/db.js';
import { findOutboxEventsByIds } from '../models/outbox.repo.js';
import type { SecretEventType } from './catalogue.js';
import type { OutboxPayload } from './payload.js';

/** The NOTIFY channel; its payload is one event id. */
export const EVENTS_CHANNEL = 'secret_events';

export interface BusEvent {
  id: string;
  type: SecretEventType;
  payload: OutboxPayload;
}

export interface EventBus {
  /** Called for every committed event, on every replica; returns the unsubscribe function. */
  subscribe(listener: (event: BusEvent) => void): () => void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface EventBusDeps {
  database: Pick<DatabaseHandle, 'kind' | 'db' | 'pglite'>;
  /** PostgreSQL connection string for the dedicated LISTEN connection (required on PostgreSQL). */
  url?: string;
  log: Logger;
  /** First reconnect delay after the LISTEN connection drops (doubles up to 30 s). */
  reconnectDelayMs?: number;
}

export function createEventBus(deps: EventBusDeps): EventBus {
  const { database, log } = deps;
  const listeners = new Set<(event: BusEvent) => void>();
  let pendingIds: string[] = [];
  let flushing: Promise<void> | undefined;
  let stopped = true;
  let unlisten: (() => Promise<void>) | undefined;
  let client: pg.Client | undefined;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let reconnectDelay = deps.reconnectDelayMs ?? 500;

  /** Ids arriving together (one commit, several events) are fetched in one query, in sequence order. */
  function enqueue(id: string) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return;
    pendingIds.push(id);
    flushing ??= Promise.resolve().then(flush);
  }

  async function flush() {
    while (pendingIds.length) {
      const ids = pendingIds;
      pendingIds = [];
      try {
        const rows = await findOutboxEventsByIds(database.db, ids);
        for (const row of rows) deliver({ id: row.id, type: row.type as SecretEventType, payload: row.payload as OutboxPayload });
      } catch (error) {
        if (!stopped) log.error({ err: error, count: ids.length }, 'event bus could not load committed events');
      }
    }
    flushing = undefined;
  }

  function deliver(event: BusEvent) {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        log.error({ err: error, eventId: event.id }, 'event bus listener failed');
      }
    }
  }

  async function listenPostgres(): Promise<void> {
    if (!deps.url) throw new Error('the event bus needs the PostgreSQL URL for its LISTEN connection');
    const next = new pg.Client({ connectionString: deps.url });
    next.on('notification', (message) => {
      if (message.channel === EVENTS_CHANNEL && message.payload) enqueue(message.payload);
    });
    const lost = (error?: Error) => {
      if (client !== next) return;
      client = undefined;
      next.end().catch(() => undefined);
      if (stopped) return;
      // Events committed while this connection is down do not reach subscriptions (they stay in the outbox
      // for RabbitMQ); subscriptions are live views, the outbox is the durable path.
      log.warn({ err: error, retryInMs: reconnectDelay }, 'event bus LISTEN connection lost; reconnecting');
      scheduleReconnect();
    };
    next.on('error', lost);
    next.on('end', () => lost());
    await next.connect();
    await next.query(`LISTEN ${EVENTS_CHANNEL}`);
    client = next;
    reconnectDelay = deps.reconnectDelayMs ?? 500;
  }

  function scheduleReconnect() {
    clearTimeout(reconnectTimer);
    reconnectTimer = setTimeout(() => {
      listenPostgres().then(
        () => log.info('event bus LISTEN connection restored'),
        (error) => {
          reconnectDelay = Math.min(reconnectDelay * 2, 30_000);
          if (!stopped) {
            log.warn({ err: error, retryInMs: reconnectDelay }, 'event bus could not reconnect');
            scheduleReconnect();
          }
        },
      );
    }, reconnectDelay);
    reconnectTimer.unref();
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    async start() {
      if (!stopped) return;
      stopped = false;
      if (database.kind === 'pglite') {
        if (!database.pglite) throw new Error('PGlite handle missing');
        unlisten = await database.pglite.listen(EVENTS_CHANNEL, (payload) => enqueue(payload));
      } else {
        await listenPostgres();
      }
    },

    async stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(reconnectTimer);
      await unlisten?.().catch(() => undefined);
      unlisten = undefined;
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
      await flushing;
    },
  };
}

/** A bus that never delivers, for service graphs built without a database listener (unit tests, tools). */
export const inertEventBus: EventBus = Object.freeze({
  subscribe: () => () => undefined,
  start: async () => undefined,
  stop: async () => undefined,
});
