// Repository for the lifecycle jobs: candidate secrets per job (keyset batches by id), once-only
// notification claims, rotation retry state, and version pruning. Every function takes the executor.
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from './db.js';
import { notificationsSent, secretRotationState, type SecretRotationStateRow } from './lifecycle.tables.js';
import { secrets, secretVersions } from './secrets.tables.js';

const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;
const afterId = (id: string | undefined) => (id ? gt(secrets.id, id) : undefined);

/**
 * Live secrets with an expiry inside their largest notification window (or past it) that have not yet been
 * told they expired for their current expiry date: the only ones the expiration check can owe anything.
 */
export async function findExpirationCandidates(tx: Executor, now: Date, after: string | undefined, limit: number): Promise<string[]> {
  const rows = await tx
    .select({ id: secrets.id })
    .from(secrets)
    .where(
      and(
        isNull(secrets.deletedAt),
        isNotNull(secrets.expiresAt),
        sql`${secrets.expiresAt} <= ${at(now)} + make_interval(hours => 24 * coalesce((select max(d) from unnest(${secrets.expiryNotificationDays}) as d), 0))`,
        sql`not exists (select 1 from ${notificationsSent} n where n.secret_id = ${secrets.id} and n.kind = 'EXPIRED'
              and n."window" = ${expiryWindowSql})`,
        afterId(after),
      ),
    )
    .orderBy(asc(secrets.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** The SQL form of expiryKey(expiresAt) in services/lifecycle/windows.ts: `@` + ISO-8601 with milliseconds, UTC. */
const expiryWindowSql = sql`'@' || to_char(${secrets.expiresAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Live NOTIFY_ONLY and AUTOMATIC secrets whose next rotation date has come. */
export async function findRotationCandidates(tx: Executor, now: Date, after: string | undefined, limit: number): Promise<string[]> {
  const rows = await tx
    .select({ id: secrets.id })
    .from(secrets)
    .where(
      and(
        isNull(secrets.deletedAt),
        inArray(secrets.rotationStrategy, ['NOTIFY_ONLY', 'AUTOMATIC']),
        lte(secrets.nextRotationAt, now),
        afterId(after),
      ),
    )
    .orderBy(asc(secrets.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Soft-deleted secrets whose recovery deadline has passed. */
export async function findPurgeCandidates(tx: Executor, now: Date, after: string | undefined, limit: number): Promise<string[]> {
  const rows = await tx
    .select({ id: secrets.id })
    .from(secrets)
    .where(and(isNotNull(secrets.deletedAt), lte(secrets.recoveryDeadline, now), afterId(after)))
    .orderBy(asc(secrets.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Secrets holding more than `max` stored versions. */
export async function findRetentionCandidates(tx: Executor, max: number, after: string | undefined, limit: number): Promise<string[]> {
  const rows = await tx
    .select({ id: secretVersions.secretId })
    .from(secretVersions)
    .where(after ? gt(secretVersions.secretId, after) : undefined)
    .groupBy(secretVersions.secretId)
    .having(sql`count(*) > ${max}`)
    .orderBy(asc(secretVersions.secretId))
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * Inserts notification rows; returns the windows this call inserted (a window already present, inserted by
 * an earlier run or another replica, is not returned). Callers hold the secret's row lock.
 */
export async function claimNotifications(
  tx: Executor,
  secretId: string,
  kind: string,
  claims: { window: string; outcome: 'SENT' | 'SKIPPED' }[],
  now: Date,
): Promise<string[]> {
  if (claims.length === 0) return [];
  const rows = await tx
    .insert(notificationsSent)
    .values(claims.map((c) => ({ secretId, kind, window: c.window, outcome: c.outcome, createdAt: now })))
    .onConflictDoNothing()
    .returning({ window: notificationsSent.window });
  return rows.map((r) => r.window);
}

export async function findRotationState(tx: Executor, secretId: string): Promise<SecretRotationStateRow | undefined> {
  const [row] = await tx.select().from(secretRotationState).where(eq(secretRotationState.secretId, secretId));
  return row;
}

export async function upsertRotationState(
  tx: Executor,
  secretId: string,
  patch: Partial<Omit<SecretRotationStateRow, 'secretId'>> & { updatedAt: Date },
): Promise<void> {
  await tx
    .insert(secretRotationState)
    .values({ secretId, ...patch })
    .onConflictDoUpdate({ target: secretRotationState.secretId, set: patch });
}

export async function clearRotationState(tx: Executor, secretId: string): Promise<void> {
  await tx.delete(secretRotationState).where(eq(secretRotationState.secretId, secretId));
}

/** Stored versions of a secret, newest first (metadata only). */
export async function listStoredVersions(tx: Executor, secretId: string) {
  return tx
    .select({ version: secretVersions.version, validUntil: secretVersions.validUntil })
    .from(secretVersions)
    .where(eq(secretVersions.secretId, secretId))
    .orderBy(desc(secretVersions.version));
}

export async function deleteVersions(tx: Executor, secretId: string, versions: number[]): Promise<number> {
  if (versions.length === 0) return 0;
  const rows = await tx
    .delete(secretVersions)
    .where(and(eq(secretVersions.secretId, secretId), inArray(secretVersions.version, versions)))
    .returning({ version: secretVersions.version });
  return rows.length;
}

/** Retires the previous version at `validUntil` unless it already retires earlier. */
export async function retireVersion(tx: Executor, secretId: string, version: number, validUntil: Date): Promise<void> {
  await tx
    .update(secretVersions)
    .set({ validUntil })
    .where(
      and(
        eq(secretVersions.secretId, secretId),
        eq(secretVersions.version, version),
        or(isNull(secretVersions.validUntil), gt(secretVersions.validUntil, validUntil)),
      ),
    );
}
