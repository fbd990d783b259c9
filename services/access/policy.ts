// Who may do what to which secret. Every service call checks here (jobs and internal callers do not pass
// through graphql-shield). This foundation knows one kind of principal, the super admin; scope roles and
// grants extend `can` and `visibleSecrets` without changing their callers.
import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { isSuperAdmin, type Actor } from '../../identity/actor.js';
import { AccessDeniedError, SecretNotFoundError } from '../../lib/errors.js';
import type { SecretRow } from '../../models/schema.js';
import type { ScopePlacement } from '../scope.js';

export const SECRET_PERMISSIONS = ['VIEW_METADATA', 'READ', 'UPDATE', 'DELETE', 'GRANT'] as const;
export type SecretPermission = (typeof SECRET_PERMISSIONS)[number];

export interface AccessPolicy {
  /** Permissions the actor holds on one secret. */
  permissionsOn(actor: Actor, secret: SecretRow): Promise<SecretPermission[]>;
  /** May the actor create a secret at this placement? */
  canCreate(actor: Actor, placement: ScopePlacement): Promise<boolean>;
  /** SQL condition on `secrets` limiting a listing to what the actor may see; undefined = everything. */
  visibleSecrets(actor: Actor): SQL | undefined;
}

export function createAccessPolicy(): AccessPolicy {
  return {
    async permissionsOn(actor) {
      return isSuperAdmin(actor) ? [...SECRET_PERMISSIONS] : [];
    },
    async canCreate(actor) {
      return isSuperAdmin(actor);
    },
    visibleSecrets(actor) {
      return isSuperAdmin(actor) ? undefined : sql`false`;
    },
  };
}

/**
 * Throws unless the actor holds `permission`. Someone who cannot even see the secret gets the same
 * SECRET_NOT_FOUND as for a missing id, so existence never leaks.
 */
export async function assertPermission(
  policy: AccessPolicy,
  actor: Actor,
  secret: SecretRow,
  permission: SecretPermission,
): Promise<void> {
  const held = await policy.permissionsOn(actor, secret);
  if (held.length === 0) throw new SecretNotFoundError();
  if (!held.includes(permission)) throw new AccessDeniedError(`Missing ${permission} permission on this secret`);
}
