// Turns an AuditFilter and the caller's readable organizations into SQL on secret_audit_log.
import { and, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { ValidationError } from '../../lib/errors.js';
import { secretAuditLog } from '../../models/audit.tables.js';
import { AUDIT_OUTCOMES, type AuditOutcome } from './event-types.js';

export interface AuditFilterInput {
  secretId?: string | null;
  eventTypes?: string[] | null;
  actorId?: string | null;
  outcome?: AuditOutcome | null;
  from?: Date | null;
  to?: Date | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function auditFilterSql(filter: AuditFilterInput | null | undefined): SQL | undefined {
  const f = filter ?? {};
  const issues: { path: string; message: string }[] = [];
  if (f.secretId && !UUID.test(f.secretId)) issues.push({ path: 'filter.secretId', message: 'is not a secret id' });
  if (f.eventTypes && f.eventTypes.length > 50) issues.push({ path: 'filter.eventTypes', message: 'at most 50 event types' });
  if (f.outcome && !AUDIT_OUTCOMES.includes(f.outcome)) issues.push({ path: 'filter.outcome', message: 'is not an outcome' });
  if (f.from && f.to && f.from.getTime() > f.to.getTime()) issues.push({ path: 'filter.from', message: 'must not be after filter.to' });
  if (issues.length) throw new ValidationError(issues);
  return and(
    f.secretId ? eq(secretAuditLog.secretId, f.secretId) : undefined,
    f.eventTypes?.length ? inArray(secretAuditLog.eventType, f.eventTypes) : undefined,
    f.actorId ? eq(secretAuditLog.actorId, f.actorId) : undefined,
    f.outcome ? eq(secretAuditLog.outcome, f.outcome) : undefined,
    f.from ? gte(secretAuditLog.createdAt, f.from) : undefined,
    f.to ? lte(secretAuditLog.createdAt, f.to) : undefined,
  );
}

/** Limits entries to the readable organizations ('ALL' = no limit; [] = nothing). */
export function auditScopeSql(scope: 'ALL' | string[]): SQL | undefined {
  if (scope === 'ALL') return undefined;
  if (scope.length === 0) return sql`false`;
  return inArray(secretAuditLog.organizationId, scope);
}
