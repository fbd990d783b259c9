// The transactional outbox: one row per event, inserted in the transaction of the change that caused it,
// published to RabbitMQ by the relay (events/relay.ts) and marked once the broker confirmed it.
import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: uuid('id').primaryKey(),
    /** Insert order; the relay publishes in this order. */
    sequence: bigserial('sequence', { mode: 'number' }).notNull().unique(),
    type: text('type').notNull(),
    organizationId: text('organization_id'),
    /** The validated event payload (events/payload.ts); never a value. */
    payload: jsonb('payload').notNull(),
    createdAt: tz('created_at').notNull(),
    publishedAt: tz('published_at'),
    attempts: integer('attempts').notNull().default(0),
    /** Sanitized message of the last failed publish attempt. */
    lastError: text('last_error'),
    lastAttemptAt: tz('last_attempt_at'),
    /** Set after the broker refused this one message (nack): it waits, the others go on. */
    nextAttemptAt: tz('next_attempt_at'),
  },
  (t) => [
    index('outbox_events_pending_idx').on(t.sequence).where(sql`${t.publishedAt} is null`),
    index('outbox_events_created_idx').on(t.createdAt),
  ],
);

export type OutboxEventRow = typeof outboxEvents.$inferSelect;
export type NewOutboxEventRow = typeof outboxEvents.$inferInsert;
