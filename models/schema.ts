// Drizzle table definitions: the single source of the database shape, one `<area>.tables.ts` file per area,
// gathered here. Import tables from this module. Migrations in models/migrations are generated from these
// files with `npm run db:generate` (drizzle-kit).
export * from './secrets.tables.js';
import { encryptionKeys, secrets, secretVersions } from './secrets.tables.js';
export * from './access.tables.js';
import { secretAccessGrants, serviceAccounts } from './access.tables.js';
export * from './lifecycle.tables.js';
import { notificationsSent, secretRotationState } from './lifecycle.tables.js';
export * from './events.tables.js';
import { outboxEvents } from './events.tables.js';
export * from './audit.tables.js';
import { secretAuditLog, secretAuditSeal } from './audit.tables.js';

export const schema = { secrets, secretVersions, encryptionKeys, secretAccessGrants, serviceAccounts, notificationsSent, secretRotationState, outboxEvents, secretAuditLog, secretAuditSeal };
export type Schema = typeof schema;
export type SecretRow = typeof secrets.$inferSelect;
export type NewSecretRow = typeof secrets.$inferInsert;
export type SecretVersionRow = typeof secretVersions.$inferSelect;
export type EncryptionKeyRow = typeof encryptionKeys.$inferSelect;
