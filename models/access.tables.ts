// Tables of the access model: explicit grants on one secret, and service accounts (only a token hash).
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { secrets } from './secrets.tables.js';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const secretAccessGrants = pgTable(
  'secret_access_grants',
  {
    id: uuid('id').primaryKey(),
    secretId: uuid('secret_id')
      .notNull()
      .references(() => secrets.id, { onDelete: 'cascade' }),
    granteeType: text('grantee_type').notNull(),
    granteeId: text('grantee_id').notNull(),
    permissions: text('permissions').array().notNull(),
    expiresAt: tz('expires_at'),
    grantedBy: text('granted_by').notNull(),
    createdAt: tz('created_at').notNull(),
    revokedAt: tz('revoked_at'),
    revokedBy: text('revoked_by'),
  },
  (t) => [index('grants_secret_idx').on(t.secretId), index('grants_grantee_idx').on(t.granteeType, t.granteeId)],
);

export const serviceAccounts = pgTable(
  'service_accounts',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    organizationId: text('organization_id'),
    permissions: text('permissions').array().notNull(),
    /** sha256 of the token's secret part; the token itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: tz('created_at').notNull(),
    lastUsedAt: tz('last_used_at'),
    revokedAt: tz('revoked_at'),
  },
  (t) => [index('service_accounts_org_idx').on(t.organizationId)],
);

export type AccessGrantRow = typeof secretAccessGrants.$inferSelect;
export type ServiceAccountRow = typeof serviceAccounts.$inferSelect;
