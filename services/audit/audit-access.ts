// Who may read which part of the audit trail (`secrets.audit.read.{global,organization}`), on top of the
// access model's holdsPermission: super admins and holders of the global code read everything; an ORG_ADMIN of
// an organization, or a member holding the organization code, reads that organization's entries. Entries
// outside any organization (GLOBAL and USER secrets, unauthenticated-attempt summaries) are global.
import type { Actor } from '../../identity/actor.js';
import { holdsPermission } from '../access/permissions.js';

export const AUDIT_READ = 'secrets.audit.read';

export const canReadAllAudit = (actor: Actor): boolean => holdsPermission(actor, AUDIT_READ);

export const canReadOrganizationAudit = (actor: Actor, organizationId: string): boolean =>
  holdsPermission(actor, AUDIT_READ, organizationId);

/**
 * The organizations whose entries the actor may read: 'ALL', or a list (possibly empty).
 * With `organizationId`, just that one if allowed.
 */
export function readableAuditScope(actor: Actor, organizationId?: string | null): 'ALL' | string[] {
  if (organizationId) return canReadOrganizationAudit(actor, organizationId) ? [organizationId] : [];
  if (canReadAllAudit(actor)) return 'ALL';
  return actor.orgs.filter((o) => canReadOrganizationAudit(actor, o.id)).map((o) => o.id);
}
