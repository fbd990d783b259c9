// Tables of the secret lifecycle: notifications already sent (so each one fires once across restarts and
// replicas) and the retry state of scheduled automatic rotations.
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { secrets } from './secrets.tables.js';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One row per notification a secret is owed: (secret, kind, window) is the idempotency key. The row is
 * inserted with ON CONFLICT DO NOTHING in the same transaction as the recorded event, so whoever inserts it
 * sends it, exactly once. `window` names the occurrence, e.g. `30d@2026-03-01T00:00:00.000Z` for the 30-day
 * warning of that expiry date (a new expiry date gets fresh windows). `outcome` SKIPPED marks a window that
 * a late run superseded by a more urgent one.
 */
export const notificationsSent = pgTable(
  'notifications_sent',
  {
    secretId: uuid('secret_id')
      .notNull()
      .references(() => secrets.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    window: text('window').notNull(),
    outcome: text('outcome').notNull().default('SENT'),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.secretId, t.kind, t.window] })],
);

/** Failure/backoff state and the in-flight lease of scheduled (AUTOMATIC) rotations, one row per secret. */
export const secretRotationState = pgTable(
  'secret_rotation_state',
  {
    secretId: uuid('secret_id')
      .primaryKey()
      .references(() => secrets.id, { onDelete: 'cascade' }),
    /** Consecutive failed attempts since the last successful rotation. */
    failedAttempts: integer('failed_attempts').notNull().default(0),
    /** No scheduled attempt before this time (backoff after a failure). */
    nextAttemptAt: tz('next_attempt_at'),
    /** A replica is generating a value until this time; others leave the secret alone. */
    leaseUntil: tz('lease_until'),
    leaseOwner: text('lease_owner'),
    /** Sanitized message of the last failure (never a value or a webhook response body). */
    lastError: text('last_error'),
    lastFailedAt: tz('last_failed_at'),
    updatedAt: tz('updated_at').notNull().default(sql`now()`),
  },
  (t) => [index('secret_rotation_state_next_idx').on(t.nextAttemptAt)],
);

export type NotificationSentRow = typeof notificationsSent.$inferSelect;
export type SecretRotationStateRow = typeof secretRotationState.$inferSelect;
