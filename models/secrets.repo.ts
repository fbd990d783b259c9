// Repository for the secrets table. Every function takes the executor (db or tx) it runs on.
import { and, asc, count, eq, gt, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Executor } from './db.js';
import { secrets, type NewSecretRow, type SecretRow } from './schema.js';

export async function insertSecret(tx: Executor, row: NewSecretRow): Promise<SecretRow> {
  const [inserted] = await tx.insert(secrets).values(row).returning();
  return inserted;
}

export async function findSecretById(
  tx: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<SecretRow | undefined> {
  const query = tx.select().from(secrets).where(eq(secrets.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findSecretsByIds(tx: Executor, ids: readonly string[]): Promise<SecretRow[]> {
  if (ids.length === 0) return [];
  return tx.select().from(secrets).where(inArray(secrets.id, [...ids]));
}

export async function updateSecretRow(tx: Executor, id: string, patch: Partial<NewSecretRow>): Promise<SecretRow> {
  const [row] = await tx.update(secrets).set(patch).where(eq(secrets.id, id)).returning();
  return row;
}

export async function deleteSecretRow(tx: Executor, id: string): Promise<boolean> {
  const rows = await tx.delete(secrets).where(eq(secrets.id, id)).returning({ id: secrets.id });
  return rows.length > 0;
}

/** Keyset position in the (name, id) order used by every secret listing. */
export interface SecretCursor {
  name: string;
  id: string;
}

export interface SecretPageQuery {
  where: SQL | undefined;
  after?: SecretCursor;
  limit: number;
}

/** One page in (name, id) order plus the total matching `where` (not just this page). */
export async function listSecretPage(
  tx: Executor,
  query: SecretPageQuery,
): Promise<{ rows: SecretRow[]; totalCount: number; hasNextPage: boolean }> {
  const afterCondition = query.after
    ? or(gt(secrets.name, query.after.name), and(eq(secrets.name, query.after.name), gt(secrets.id, query.after.id)))
    : undefined;
  const rows = await tx
    .select()
    .from(secrets)
    .where(and(query.where, afterCondition))
    .orderBy(asc(secrets.name), asc(secrets.id))
    .limit(query.limit + 1);
  const [{ total }] = await tx.select({ total: count() }).from(secrets).where(query.where);
  return { rows: rows.slice(0, query.limit), totalCount: Number(total), hasNextPage: rows.length > query.limit };
}

/** Live secrets by (scope, scope owner, name), in one query. */
export async function findLiveSecretsByNames(
  tx: Executor,
  keys: readonly { scope: string; scopeOwnerId: string; name: string }[],
): Promise<SecretRow[]> {
  if (keys.length === 0) return [];
  return tx
    .select()
    .from(secrets)
    .where(
      and(
        isNull(secrets.deletedAt),
        or(...keys.map((k) => and(eq(secrets.scope, k.scope), eq(secrets.scopeOwnerId, k.scopeOwnerId), eq(secrets.name, k.name)))),
      ),
    );
}
