// Repository for service_accounts.
import { and, asc, eq, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { Executor } from './db.js';
import { serviceAccounts, type ServiceAccountRow } from './schema.js';

export async function insertServiceAccount(tx: Executor, row: typeof serviceAccounts.$inferInsert): Promise<ServiceAccountRow> {
  const [inserted] = await tx.insert(serviceAccounts).values(row).returning();
  return inserted;
}

export async function findServiceAccount(tx: Executor, id: string): Promise<ServiceAccountRow | undefined> {
  const [row] = await tx.select().from(serviceAccounts).where(eq(serviceAccounts.id, id));
  return row;
}

export async function listServiceAccounts(tx: Executor, where: SQL | undefined): Promise<ServiceAccountRow[]> {
  return tx.select().from(serviceAccounts).where(and(isNull(serviceAccounts.revokedAt), where)).orderBy(asc(serviceAccounts.name), asc(serviceAccounts.id));
}

export async function revokeServiceAccountRow(tx: Executor, id: string, at: Date): Promise<boolean> {
  const rows = await tx
    .update(serviceAccounts)
    .set({ revokedAt: at })
    .where(and(eq(serviceAccounts.id, id), isNull(serviceAccounts.revokedAt)))
    .returning({ id: serviceAccounts.id });
  return rows.length > 0;
}

/** Records use at most once per `minIntervalMs`, so authentication does not write on every request. */
export async function touchLastUsed(tx: Executor, id: string, at: Date, minIntervalMs: number): Promise<void> {
  await tx
    .update(serviceAccounts)
    .set({ lastUsedAt: at })
    .where(and(eq(serviceAccounts.id, id), or(isNull(serviceAccounts.lastUsedAt), lt(serviceAccounts.lastUsedAt, new Date(at.getTime() - minIntervalMs)))));
}
