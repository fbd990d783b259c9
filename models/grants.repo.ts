// Repository for secret_access_grants.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from './db.js';
import { secretAccessGrants, type AccessGrantRow } from './schema.js';

export type NewAccessGrantRow = typeof secretAccessGrants.$inferInsert;

export async function insertGrant(tx: Executor, row: NewAccessGrantRow): Promise<AccessGrantRow> {
  const [inserted] = await tx.insert(secretAccessGrants).values(row).returning();
  return inserted;
}

export async function findGrantById(tx: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<AccessGrantRow | undefined> {
  const query = tx.select().from(secretAccessGrants).where(eq(secretAccessGrants.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/** Grants not revoked (expired ones included: evaluation decides with the clock). */
export async function listLiveGrantsForSecrets(tx: Executor, secretIds: readonly string[]): Promise<AccessGrantRow[]> {
  if (secretIds.length === 0) return [];
  return tx
    .select()
    .from(secretAccessGrants)
    .where(and(inArray(secretAccessGrants.secretId, [...secretIds]), isNull(secretAccessGrants.revokedAt)))
    .orderBy(asc(secretAccessGrants.createdAt), asc(secretAccessGrants.id));
}

export async function revokeGrant(tx: Executor, id: string, revokedBy: string, at: Date): Promise<AccessGrantRow> {
  const [row] = await tx
    .update(secretAccessGrants)
    .set({ revokedAt: at, revokedBy })
    .where(eq(secretAccessGrants.id, id))
    .returning();
  return row;
}
