// Outbox rows: insert (inside the causing transaction), fetch by id (event bus), claim the pending head
// (relay), mark published/failed, and the paged dead-letter view.
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from './db.js';
import { outboxEvents, type NewOutboxEventRow, type OutboxEventRow } from './events.tables.js';

export async function insertOutboxEvent(executor: Executor, row: NewOutboxEventRow): Promise<void> {
  await executor.insert(outboxEvents).values(row);
}

export async function findOutboxEventsByIds(executor: Executor, ids: readonly string[]): Promise<OutboxEventRow[]> {
  if (ids.length === 0) return [];
  return executor.select().from(outboxEvents).where(inArray(outboxEvents.id, [...ids])).orderBy(asc(outboxEvents.sequence));
}

/** The oldest unpublished events that are not waiting out a per-message backoff, in sequence order. */
export async function pendingOutboxEvents(executor: Executor, options: { limit: number; now: Date }): Promise<OutboxEventRow[]> {
  return executor
    .select()
    .from(outboxEvents)
    .where(
      and(
        isNull(outboxEvents.publishedAt),
        or(isNull(outboxEvents.nextAttemptAt), lte(outboxEvents.nextAttemptAt, options.now)),
      ),
    )
    .orderBy(asc(outboxEvents.sequence))
    .limit(options.limit);
}

export async function markOutboxPublished(executor: Executor, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await executor
    .update(outboxEvents)
    .set({ publishedAt: now, lastAttemptAt: now, attempts: sql`${outboxEvents.attempts} + 1`, nextAttemptAt: null })
    .where(and(inArray(outboxEvents.id, [...ids]), isNull(outboxEvents.publishedAt)));
}

/** Records a failed attempt; `retryAt` delays only these rows (a refused message), otherwise the relay's backoff applies. */
export async function markOutboxFailed(
  executor: Executor,
  ids: readonly string[],
  failure: { error: string; now: Date; retryAt?: Date },
): Promise<void> {
  if (ids.length === 0) return;
  await executor
    .update(outboxEvents)
    .set({
      attempts: sql`${outboxEvents.attempts} + 1`,
      lastError: failure.error,
      lastAttemptAt: failure.now,
      ...(failure.retryAt ? { nextAttemptAt: failure.retryAt } : {}),
    })
    .where(and(inArray(outboxEvents.id, [...ids]), isNull(outboxEvents.publishedAt)));
}

export type OutboxStatus = 'PENDING' | 'FAILED' | 'PUBLISHED';

export function outboxStatusSql(status: OutboxStatus | undefined): SQL | undefined {
  switch (status) {
    case 'PUBLISHED':
      return isNotNull(outboxEvents.publishedAt);
    case 'FAILED':
      return and(isNull(outboxEvents.publishedAt), gt(outboxEvents.attempts, 0));
    case 'PENDING':
      return and(isNull(outboxEvents.publishedAt), eq(outboxEvents.attempts, 0));
    default:
      return undefined;
  }
}

/** Newest first (by sequence), keyset-paged. */
export async function listOutboxEvents(
  executor: Executor,
  options: { where?: SQL; beforeSequence?: number; limit: number },
): Promise<{ rows: OutboxEventRow[]; totalCount: number; hasNextPage: boolean }> {
  const page = executor
    .select()
    .from(outboxEvents)
    .where(and(options.where, options.beforeSequence !== undefined ? lt(outboxEvents.sequence, options.beforeSequence) : undefined))
    .orderBy(desc(outboxEvents.sequence))
    .limit(options.limit + 1);
  const total = executor.select({ n: sql<number>`count(*)::int` }).from(outboxEvents).where(options.where);
  const [rows, [count]] = await Promise.all([page, total]);
  return { rows: rows.slice(0, options.limit), totalCount: Number(count?.n ?? 0), hasNextPage: rows.length > options.limit };
}
