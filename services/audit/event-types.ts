// The audit vocabulary: outcomes, categories and the event type and category of every recorded change kind.
// Event types are the contract's SecretEventType names where one exists, plus audit-only ones (value reads,
// denials, unauthenticated attempts) that never become notifications.
import type { SecretChangeKind } from '../changes.js';

export const AUDIT_OUTCOMES = ['SUCCESS', 'FAILURE', 'DENIED'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const AUDIT_CATEGORIES = ['ACCESS', 'MODIFICATION', 'LIFECYCLE', 'ADMINISTRATION', 'SECURITY'] as const;
export type AuditCategory = (typeof AUDIT_CATEGORIES)[number];

/** Audit-only event types (not in SecretEventType). */
export const VALUE_READ_EVENT = 'SECRET_VALUE_READ';
export const ACCESS_DENIED_EVENT = 'SECRET_ACCESS_DENIED';
export const UNAUTHENTICATED_EVENT = 'UNAUTHENTICATED_ATTEMPTS';

export interface AuditEventKind {
  eventType: string;
  category: AuditCategory;
  outcome: AuditOutcome;
}

const event = (eventType: string, category: AuditCategory, outcome: AuditOutcome = 'SUCCESS'): AuditEventKind => ({
  eventType,
  category,
  outcome,
});

/** Every change kind maps to exactly one audit event (a missing kind is a compile error). */
export const AUDIT_EVENT_OF_CHANGE: Readonly<Record<SecretChangeKind, AuditEventKind>> = Object.freeze({
  CREATED: event('SECRET_CREATED', 'MODIFICATION'),
  UPDATED: event('SECRET_UPDATED', 'MODIFICATION'),
  VALUE_UPDATED: event('SECRET_VALUE_UPDATED', 'MODIFICATION'),
  ROLLED_BACK: event('SECRET_ROLLED_BACK', 'MODIFICATION'),
  MOVED: event('SECRET_MOVED', 'MODIFICATION'),
  DELETED: event('SECRET_DELETED', 'MODIFICATION'),
  RESTORED: event('SECRET_RESTORED', 'MODIFICATION'),
  PURGED: event('SECRET_PERMANENTLY_DELETED', 'MODIFICATION'),
  VALUE_READ: event(VALUE_READ_EVENT, 'ACCESS'),
  ACCESS_GRANTED: event('SECRET_ACCESS_GRANTED', 'SECURITY'),
  ACCESS_REVOKED: event('SECRET_ACCESS_REVOKED', 'SECURITY'),
  EXPIRING_SOON: event('SECRET_EXPIRING_SOON', 'LIFECYCLE'),
  EXPIRED: event('SECRET_EXPIRED', 'LIFECYCLE'),
  ROTATED: event('SECRET_ROTATED', 'LIFECYCLE'),
  ROTATION_DUE: event('SECRET_ROTATION_DUE', 'LIFECYCLE'),
  ROTATION_FAILED: event('SECRET_ROTATION_FAILED', 'LIFECYCLE', 'FAILURE'),
  VERSIONS_PRUNED: event('SECRET_VERSIONS_PRUNED', 'LIFECYCLE'),
  CERTIFICATE_EXPIRING: event('SECRET_CERTIFICATE_EXPIRING', 'LIFECYCLE'),
  CERTIFICATE_EXPIRED: event('SECRET_CERTIFICATE_EXPIRED', 'LIFECYCLE'),
});

/** Change kinds that write something (for the compliance report's "writes"). */
export const WRITE_EVENT_TYPES = Object.values(AUDIT_EVENT_OF_CHANGE)
  .filter((e) => e.category === 'MODIFICATION')
  .map((e) => e.eventType);

/**
 * How a value was read, stored as `details.operation` of SECRET_VALUE_READ rows and shown by Secret.usage.
 * Callers pass it in the change's data; Secret.value is the default.
 */
export const VALUE_READ_OPERATIONS = ['value', 'resolveSecrets', 'exportSecrets'] as const;
export type ValueReadOperation = (typeof VALUE_READ_OPERATIONS)[number];
