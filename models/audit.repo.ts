// Repository for audit entries: insert (inside the audited transaction), pages, one entry, value-read usage.
// Every function takes the executor (db or tx) it runs on.
import { and, count, desc, eq, inArray, lt, max, sql, type SQL } from 'drizzle-orm';
import type { Executor } from './db.js';
import { secretAuditLog, type AuditLogRow } from './audit.tables.js';

export interface NewAuditEntry {
  id: string;
  eventType: string;
  category: string;
  outcome: string;
  actorId: string;
  actorType: string;
  secretId: string | null;
  organizationId: string | null;
  details: Record<string, unknown> | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  createdAt: Date;
}

/**
 * Inserts one unsealed entry. The CTE assigns the transaction its id *before* the sequence number is drawn,
 * which the sealer relies on: every transaction holding a sequence number is visible in any later snapshot
 * as running or finished (services/audit/sealer.ts).
 */
export async function insertAuditEntry(tx: Executor, e: NewAuditEntry): Promise<void> {
  await tx.execute(sql`
    with current_tx as materialized (select pg_current_xact_id() as xid)
    insert into secret_audit_log
      (id, event_type, category, outcome, actor_id, actor_type, secret_id, organization_id, details, ip, user_agent, request_id, created_at)
    select ${e.id}::uuid, ${e.eventType}, ${e.category}, ${e.outcome}, ${e.actorId}, ${e.actorType}, ${e.secretId}::uuid,
           ${e.organizationId}, ${e.details === null ? null : JSON.stringify(e.details)}::jsonb, ${e.ip}, ${e.userAgent},
           ${e.requestId}, ${e.createdAt.toISOString()}::timestamptz
      from current_tx`);
}

export async function findAuditEntry(tx: Executor, id: string): Promise<AuditLogRow | undefined> {
  const [row] = await tx.select().from(secretAuditLog).where(eq(secretAuditLog.id, id));
  return row;
}

/** One page, newest first (keyset on sequence), plus the total matching `where`. */
export async function listAuditPage(
  tx: Executor,
  query: { where: SQL | undefined; beforeSequence?: number; limit: number },
): Promise<{ rows: AuditLogRow[]; totalCount: number; hasNextPage: boolean }> {
  const rows = await tx
    .select()
    .from(secretAuditLog)
    .where(and(query.where, query.beforeSequence !== undefined ? lt(secretAuditLog.sequence, query.beforeSequence) : undefined))
    .orderBy(desc(secretAuditLog.sequence))
    .limit(query.limit + 1);
  const [{ total }] = await tx.select({ total: count() }).from(secretAuditLog).where(query.where);
  return { rows: rows.slice(0, query.limit), totalCount: Number(total), hasNextPage: rows.length > query.limit };
}

/** The newest successful value reads of one secret. */
export async function listValueReads(tx: Executor, secretId: string, eventType: string, limit: number): Promise<AuditLogRow[]> {
  return tx
    .select()
    .from(secretAuditLog)
    .where(and(eq(secretAuditLog.secretId, secretId), eq(secretAuditLog.eventType, eventType), eq(secretAuditLog.outcome, 'SUCCESS')))
    .orderBy(desc(secretAuditLog.createdAt), desc(secretAuditLog.sequence))
    .limit(limit);
}

/** Last successful value read per secret (absent = never read). */
export async function lastValueReadAt(tx: Executor, secretIds: readonly string[], eventType: string): Promise<Map<string, Date>> {
  if (secretIds.length === 0) return new Map();
  const rows = await tx
    .select({ secretId: secretAuditLog.secretId, at: max(secretAuditLog.createdAt) })
    .from(secretAuditLog)
    .where(and(inArray(secretAuditLog.secretId, [...secretIds]), eq(secretAuditLog.eventType, eventType), eq(secretAuditLog.outcome, 'SUCCESS')))
    .groupBy(secretAuditLog.secretId);
  return new Map(rows.filter((r) => r.secretId && r.at).map((r) => [r.secretId!, r.at!]));
}
