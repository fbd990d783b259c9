// The catalogue of secret events: the 23 types of the contract, their routing keys, criticality rules and
// recipients. Defined once here; docs/events.md is generated from it (scripts/events-doc.ts) and the
// payload schema, the outbox recorder and the relay all read it.

export const SECRET_EVENT_TYPES = [
  'SECRET_CREATED',
  'SECRET_UPDATED',
  'SECRET_DELETED',
  'SECRET_PERMANENTLY_DELETED',
  'SECRET_RESTORED',
  'SECRET_EXPIRING_SOON',
  'SECRET_EXPIRED',
  'SECRET_ROTATED',
  'SECRET_ROTATION_DUE',
  'SECRET_ROTATION_FAILED',
  'SECRET_ACCESS_GRANTED',
  'SECRET_ACCESS_REVOKED',
  'SECRET_CERTIFICATE_EXPIRING',
  'SECRET_CERTIFICATE_EXPIRED',
  'SECRET_VAULT_CONFIGURED',
  'SECRET_VAULT_HEALTH_CHECK_FAILED',
  'SECRET_IMPORT_STARTED',
  'SECRET_IMPORT_COMPLETED',
  'SECRET_IMPORT_FAILED',
  'SECRET_EXPORT_COMPLETED',
  'SECRET_MIGRATION_STARTED',
  'SECRET_MIGRATION_COMPLETED',
  'SECRET_MIGRATION_FAILED',
] as const;
export type SecretEventType = (typeof SECRET_EVENT_TYPES)[number];

export const CRITICALITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Criticality = (typeof CRITICALITIES)[number];

/** Every event of this service is in the Notification module's SECURITY category. */
export const EVENT_CATEGORY = 'SECURITY' as const;

/** What an event is about: a secret, or (for the administrative events) a vault, import, export or migration. */
export const EVENT_RESOURCE_TYPES = ['secret', 'vault', 'import', 'export', 'migration'] as const;
export type EventResourceType = (typeof EVENT_RESOURCE_TYPES)[number];

/**
 * Who is told. Users cannot be enumerated by this subgraph, so groups are role recipients the Notification
 * module expands: `org-admins:<orgId>`, `org-members:<orgId>`, `super-admins` (for resources outside any
 * organization). See recipients.ts.
 */
export type RecipientRule = 'ACTOR' | 'SECRET_OWNER' | 'ORG_ADMINS' | 'ORG_MEMBERS' | 'GRANTEE';

/** The facts criticality depends on. */
export interface CriticalityFacts {
  valueChanged?: boolean;
  daysUntilExpiration?: number;
}

export interface EventDefinition {
  type: SecretEventType;
  resourceType: EventResourceType;
  /** When it is emitted. */
  description: string;
  criticality: (facts: CriticalityFacts) => Criticality;
  /** The rule in words (for docs/events.md). */
  criticalityRule: string;
  recipients: readonly RecipientRule[];
}

const fixed = (level: Criticality) => () => level;
const STANDARD: readonly RecipientRule[] = ['ACTOR', 'SECRET_OWNER', 'ORG_ADMINS'];
const ADMINISTRATIVE: readonly RecipientRule[] = ['ACTOR', 'ORG_ADMINS'];

const define = (
  type: SecretEventType,
  resourceType: EventResourceType,
  description: string,
  criticality: Criticality | { rule: string; of: (facts: CriticalityFacts) => Criticality },
  recipients: readonly RecipientRule[] = STANDARD,
): EventDefinition => ({
  type,
  resourceType,
  description,
  criticality: typeof criticality === 'string' ? fixed(criticality) : criticality.of,
  criticalityRule: typeof criticality === 'string' ? criticality : criticality.rule,
  recipients,
});

/** Expiry windows at or under 7 days are urgent (the 7- and 1-day notices); the 30- and 14-day ones are not. */
const expiringSoon = {
  rule: 'MEDIUM at 30/14 days, HIGH at 7/1 days (HIGH when daysUntilExpiration <= 7)',
  of: (f: CriticalityFacts): Criticality => ((f.daysUntilExpiration ?? 0) <= 7 ? 'HIGH' : 'MEDIUM'),
};
const certificateExpiring = {
  rule: 'HIGH under 30 days, MEDIUM at 30-60 days',
  of: (f: CriticalityFacts): Criticality => ((f.daysUntilExpiration ?? 0) < 30 ? 'HIGH' : 'MEDIUM'),
};
const updated = {
  rule: 'MEDIUM when the value changed (new version, rollback), else LOW',
  of: (f: CriticalityFacts): Criticality => (f.valueChanged ? 'MEDIUM' : 'LOW'),
};

export const EVENT_CATALOGUE: Readonly<Record<SecretEventType, EventDefinition>> = Object.freeze({
  SECRET_CREATED: define('SECRET_CREATED', 'secret', 'A secret was created (version 1).', 'LOW'),
  SECRET_UPDATED: define('SECRET_UPDATED', 'secret', 'Metadata changed, a new value version was written, the secret was rolled back or moved.', updated),
  SECRET_DELETED: define('SECRET_DELETED', 'secret', 'A secret was soft-deleted (restorable until its recovery deadline).', 'MEDIUM'),
  SECRET_PERMANENTLY_DELETED: define('SECRET_PERMANENTLY_DELETED', 'secret', 'A secret and all its versions were purged.', 'HIGH'),
  SECRET_RESTORED: define('SECRET_RESTORED', 'secret', 'A soft-deleted secret was restored.', 'LOW'),
  SECRET_EXPIRING_SOON: define('SECRET_EXPIRING_SOON', 'secret', 'A secret entered one of its expiry notification windows.', expiringSoon),
  SECRET_EXPIRED: define('SECRET_EXPIRED', 'secret', 'A secret passed its expiry date.', 'HIGH'),
  SECRET_ROTATED: define('SECRET_ROTATED', 'secret', 'A secret was rotated (new value version).', 'LOW'),
  SECRET_ROTATION_DUE: define('SECRET_ROTATION_DUE', 'secret', 'A secret reached its next rotation date.', 'MEDIUM'),
  SECRET_ROTATION_FAILED: define('SECRET_ROTATION_FAILED', 'secret', 'An automatic rotation failed (sanitized error message).', 'HIGH'),
  SECRET_ACCESS_GRANTED: define('SECRET_ACCESS_GRANTED', 'secret', 'An explicit access grant was added.', 'MEDIUM', [...STANDARD, 'GRANTEE']),
  SECRET_ACCESS_REVOKED: define('SECRET_ACCESS_REVOKED', 'secret', 'An explicit access grant was revoked.', 'LOW', [...STANDARD, 'GRANTEE']),
  SECRET_CERTIFICATE_EXPIRING: define('SECRET_CERTIFICATE_EXPIRING', 'secret', 'A certificate secret expires within 60 days.', certificateExpiring),
  SECRET_CERTIFICATE_EXPIRED: define('SECRET_CERTIFICATE_EXPIRED', 'secret', 'A certificate secret expired.', 'CRITICAL', [...STANDARD, 'ORG_MEMBERS']),
  SECRET_VAULT_CONFIGURED: define('SECRET_VAULT_CONFIGURED', 'vault', 'A vault configuration was created or changed.', 'LOW', ADMINISTRATIVE),
  SECRET_VAULT_HEALTH_CHECK_FAILED: define('SECRET_VAULT_HEALTH_CHECK_FAILED', 'vault', 'A vault health check failed.', 'HIGH', ADMINISTRATIVE),
  SECRET_IMPORT_STARTED: define('SECRET_IMPORT_STARTED', 'import', 'A bulk import started.', 'LOW', ADMINISTRATIVE),
  SECRET_IMPORT_COMPLETED: define('SECRET_IMPORT_COMPLETED', 'import', 'A bulk import finished.', 'LOW', ADMINISTRATIVE),
  SECRET_IMPORT_FAILED: define('SECRET_IMPORT_FAILED', 'import', 'A bulk import failed.', 'MEDIUM', ADMINISTRATIVE),
  SECRET_EXPORT_COMPLETED: define('SECRET_EXPORT_COMPLETED', 'export', 'Secrets were exported.', 'MEDIUM', ADMINISTRATIVE),
  SECRET_MIGRATION_STARTED: define('SECRET_MIGRATION_STARTED', 'migration', 'A migration between vaults started.', 'MEDIUM', ADMINISTRATIVE),
  SECRET_MIGRATION_COMPLETED: define('SECRET_MIGRATION_COMPLETED', 'migration', 'A migration between vaults finished.', 'LOW', ADMINISTRATIVE),
  SECRET_MIGRATION_FAILED: define('SECRET_MIGRATION_FAILED', 'migration', 'A migration between vaults failed.', 'HIGH', ADMINISTRATIVE),
});

export const DEFAULT_ROUTING_PREFIX = 'secret';

/** `SECRET_EXPIRING_SOON` -> `secret.expiring_soon` (the prefix replaces `secret` when configured). */
export function routingKeyOf(type: SecretEventType, prefix: string = DEFAULT_ROUTING_PREFIX): string {
  return `${prefix}.${type.slice('SECRET_'.length).toLowerCase()}`;
}

export function criticalityOf(type: SecretEventType, facts: CriticalityFacts = {}): Criticality {
  return EVENT_CATALOGUE[type].criticality(facts);
}

export const isSecretEventType = (value: unknown): value is SecretEventType =>
  typeof value === 'string' && (SECRET_EVENT_TYPES as readonly string[]).includes(value);
