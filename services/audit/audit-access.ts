// Who may read which part of the audit trail (`secrets.audit.read.{global,organization}`): super admins and
// holders of the global code read everything; an ORG_ADMIN of an organization, or a member of it holding the
// organization code, reads that organization's entries. Entries outside any organization (GLOBAL and USER
// secrets, unauthenticated-attempt summaries) are global.
import { isSuperAdmin, type Actor } from '../../identity/actor.js';

export const AUDIT_READ_GLOBAL = 'secrets.audit.read.global';
export const AUDIT_READ_ORGANIZATION = 'secrets.audit.read.organization';

export function canReadAllAudit(actor: Actor): boolean {
  return isSuperAdmin(actor) || actor.permissions.includes(AUDIT_READ_GLOBAL);
}

export function canReadOrganizationAudit(actor: Actor, organizationId: string): boolean {
  if (canReadAllAudit(actor)) return true;
  const membership = actor.orgs.find((o) => o.id === organizationId);
  if (!membership) return false;
  return membership.role === 'ORG_ADMIN' || actor.permissions.includes(AUDIT_READ_ORGANIZATION);
}

/**
 * The organizations whose entries the actor may read: 'ALL', or a list (possibly empty).
 * With `organizationId`, just that one if allowed.
 */
export function readableAuditScope(actor: Actor, organizationId?: string | null): 'ALL' | string[] {
  if (organizationId) return canReadOrganizationAudit(actor, organizationId) ? [organizationId] : [];
  if (canReadAllAudit(actor)) return 'ALL';
  return actor.orgs.filter((o) => canReadOrganizationAudit(actor, o.id)).map((o) => o.id);
}
