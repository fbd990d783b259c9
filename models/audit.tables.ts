// Tables of the audit trail: the append-only, hash-chained `secret_audit_log` and the sealer's head record.
// Rows are inserted unsealed (hash null) inside the audited transaction; the sealer links them later
// (services/audit/sealer.ts, docs/audit.md).
import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const secretAuditLog = pgTable(
  'secret_audit_log',
  {
    /** Allocated at insert; the chain follows this order. Gaps are normal (rolled-back transactions). */
    sequence: bigserial('sequence', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    eventType: text('event_type').notNull(),
    category: text('category').notNull(),
    outcome: text('outcome').notNull(),
    actorId: text('actor_id').notNull(),
    actorType: text('actor_type').notNull(),
    /** No foreign key: the trail outlives purged secrets. */
    secretId: uuid('secret_id'),
    organizationId: text('organization_id'),
    /** Sanitized: never a value; value-like strings are replaced by an HMAC. */
    details: jsonb('details'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    createdAt: tz('created_at').notNull(),
    /** Set by the sealer: the sequence and hash of the previous sealed row (null for the first). */
    prevSequence: bigint('prev_sequence', { mode: 'number' }),
    prevHash: text('prev_hash'),
    /** Null until sealed. */
    hash: text('hash'),
  },
  (t) => [
    index('secret_audit_log_org_seq_idx').on(t.organizationId, t.sequence),
    index('secret_audit_log_secret_seq_idx').on(t.secretId, t.sequence),
    index('secret_audit_log_created_idx').on(t.createdAt),
    index('secret_audit_log_value_reads_idx')
      .on(t.secretId, t.createdAt)
      .where(sql`${t.eventType} = 'SECRET_VALUE_READ'`),
    index('secret_audit_log_unsealed_idx')
      .on(t.sequence)
      .where(sql`${t.hash} is null`),
  ],
);

/** One row (id = 1): the last sealed entry, so deleting the newest sealed rows is detectable too. */
export const secretAuditSeal = pgTable('secret_audit_seal', {
  id: integer('id').primaryKey(),
  lastSequence: bigint('last_sequence', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
  sealedAt: tz('sealed_at').notNull(),
});

export type AuditLogRow = typeof secretAuditLog.$inferSelect;
export type NewAuditLogRow = typeof secretAuditLog.$inferInsert;
