// Core tables: secrets, their encrypted versions, and the wrapped data keys.
import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Raw bytes; both node-postgres and PGlite hand back a Buffer/Uint8Array for bytea. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
  toDriver: (value) => value,
});

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const secrets = pgTable(
  'secrets',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    description: text('description'),
    type: text('type').notNull(),
    scope: text('scope').notNull(),
    organizationId: text('organization_id'),
    teamId: text('team_id'),
    projectId: text('project_id'),
    ownerUserId: text('owner_user_id'),
    /** The id that owns the name: '' for GLOBAL, else the org/team/project/user id of the scope. */
    scopeOwnerId: text('scope_owner_id').notNull(),
    storageBackend: text('storage_backend').notNull().default('LOCAL_ENCRYPTED'),
    vaultId: uuid('vault_id'),
    externalRef: text('external_ref'),
    currentVersion: integer('current_version').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    metadata: jsonb('metadata'),
    expiresAt: tz('expires_at'),
    expiryNotificationDays: integer('expiry_notification_days').array().notNull().default(sql`'{30,14,7,1}'::int[]`),
    rotationStrategy: text('rotation_strategy').notNull().default('MANUAL'),
    rotationIntervalDays: integer('rotation_interval_days'),
    lastRotatedAt: tz('last_rotated_at'),
    nextRotationAt: tz('next_rotation_at'),
    lastAccessedAt: tz('last_accessed_at'),
    deletedAt: tz('deleted_at'),
    recoveryDeadline: tz('recovery_deadline'),
    createdBy: text('created_by').notNull(),
    updatedBy: text('updated_by').notNull(),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('secrets_scope_name_live_uq')
      .on(t.scope, t.scopeOwnerId, t.name)
      .where(sql`${t.deletedAt} is null`),
    index('secrets_org_idx').on(t.organizationId),
    index('secrets_team_idx').on(t.teamId),
    index('secrets_project_idx').on(t.projectId),
    index('secrets_owner_idx').on(t.ownerUserId),
    index('secrets_name_id_idx').on(t.name, t.id),
    index('secrets_expires_idx').on(t.expiresAt),
    index('secrets_deleted_idx').on(t.deletedAt),
  ],
);

export const secretVersions = pgTable(
  'secret_versions',
  {
    secretId: uuid('secret_id')
      .notNull()
      .references(() => secrets.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    ciphertext: bytea('ciphertext').notNull(),
    iv: bytea('iv').notNull(),
    authTag: bytea('auth_tag').notNull(),
    keyId: uuid('key_id')
      .notNull()
      .references(() => encryptionKeys.id),
    createdBy: text('created_by').notNull(),
    createdAt: tz('created_at').notNull(),
    changeReason: text('change_reason'),
    validUntil: tz('valid_until'),
    destroyedAt: tz('destroyed_at'),
  },
  (t) => [primaryKey({ columns: [t.secretId, t.version] }), index('secret_versions_key_idx').on(t.keyId)],
);

export const encryptionKeys = pgTable('encryption_keys', {
  id: uuid('id').primaryKey(),
  /** The DEK wrapped by the KEK identified by kekId (AES-256-GCM; AAD binds it to its id). */
  wrappedKey: bytea('wrapped_key'),
  wrapIv: bytea('wrap_iv'),
  wrapTag: bytea('wrap_tag'),
  kekId: text('kek_id').notNull(),
  status: text('status').notNull(),
  /** Encryptions reserved so far (reserved in blocks, so it may run slightly ahead of actual use). */
  encryptions: bigint('encryptions', { mode: 'number' }).notNull().default(0),
  createdAt: tz('created_at').notNull(),
  retiredAt: tz('retired_at'),
  destroyedAt: tz('destroyed_at'),
});

