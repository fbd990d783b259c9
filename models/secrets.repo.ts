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

/**
 * Live secrets matching references (scope, owner id as written in a reference, name), in one query. The owner is
 * the organization, team, project or user id of the scope; a team or project id may match secrets of several
 * organizations, and the caller decides among them by visibility.
 */
export async function findLiveSecretsByRefs(
  tx: Executor,
  refs: readonly { scope: string; ownerId: string; name: string }[],
): Promise<SecretRow[]> {
  if (refs.length === 0) return [];
  const ownerColumn = { GLOBAL: undefined, ORGANIZATION: secrets.organizationId, TEAM: secrets.teamId, PROJECT: secrets.projectId, USER: secrets.ownerUserId } as const;
  return tx
    .select()
    .from(secrets)
    .where(
      and(
        isNull(secrets.deletedAt),
        or(
          ...refs.map((r) => {
            const column = ownerColumn[r.scope as keyof typeof ownerColumn];
            return and(eq(secrets.scope, r.scope), eq(secrets.name, r.name), column ? eq(column, r.ownerId) : undefined);
          }),
        ),
      ),
    );
}
