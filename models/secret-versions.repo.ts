// Repository for secret_versions: immutable encrypted versions of a secret's value.
import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from './db.js';
import { secretVersions, type SecretVersionRow } from './schema.js';

export type NewSecretVersionRow = typeof secretVersions.$inferInsert;

export async function insertVersion(tx: Executor, row: NewSecretVersionRow): Promise<SecretVersionRow> {
  const [inserted] = await tx.insert(secretVersions).values(row).returning();
  return inserted;
}

export async function findVersion(tx: Executor, secretId: string, version: number): Promise<SecretVersionRow | undefined> {
  const [row] = await tx
    .select()
    .from(secretVersions)
    .where(and(eq(secretVersions.secretId, secretId), eq(secretVersions.version, version)));
  return row;
}

/** Version metadata (no ciphertext), newest first. */
export async function listVersionMetadata(tx: Executor, secretId: string) {
  return tx
    .select({
      version: secretVersions.version,
      createdAt: secretVersions.createdAt,
      createdBy: secretVersions.createdBy,
      changeReason: secretVersions.changeReason,
      validUntil: secretVersions.validUntil,
      destroyedAt: secretVersions.destroyedAt,
    })
    .from(secretVersions)
    .where(eq(secretVersions.secretId, secretId))
    .orderBy(desc(secretVersions.version));
}
