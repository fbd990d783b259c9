// Who may do what to which secret, for services: loads the grants that matter and evaluates the access model
// (permissions.ts). Every service call checks here, because jobs and internal callers do not pass through
// graphql-shield. Denials are reported to an injected auditor.
import type { SQL } from 'drizzle-orm';
import type { Actor } from '../../identity/actor.js';
import type { Clock } from '../../lib/clock.js';
import { AccessDeniedError, SecretNotFoundError } from '../../lib/errors.js';
import type { Database, Executor } from '../../models/db.js';
import { listLiveGrantsForSecrets } from '../../models/grants.repo.js';
import type { SecretRow } from '../../models/schema.js';
import type { ScopePlacement } from '../scope.js';
import {
  accessPaths,
  evaluatePermissions,
  mayCreate,
  SECRET_PERMISSIONS,
  type AccessPath,
  type GrantFacts,
  type SecretPermission,
} from './permissions.js';
import { visibleSecretsSql } from './visibility.js';

export { SECRET_PERMISSIONS, type SecretPermission };

/** Called when an authenticated actor is refused; writes the DENIED audit entry in its own transaction. */
export type DenialReporter = (denial: {
  actor: Actor;
  secret?: Pick<SecretRow, 'id' | 'organizationId'>;
  organizationId?: string | null;
  permission?: string;
  reason: string;
}) => Promise<void>;

export interface AccessPolicy {
  /** Permissions the actor holds on one secret (query grants on `executor` when inside a transaction). */
  permissionsOn(actor: Actor, secret: SecretRow, executor?: Executor): Promise<SecretPermission[]>;
  /** Every path giving the actor access, for Secret.effectiveAccess-style explanations. */
  pathsOn(actor: Actor, secret: SecretRow, executor?: Executor): Promise<AccessPath[]>;
  /** The active grants on a secret (any grantee). */
  grantsOn(secret: SecretRow, executor?: Executor): Promise<GrantFacts[]>;
  /** May the actor create a secret at this placement? */
  canCreate(actor: Actor, placement: ScopePlacement): Promise<boolean>;
  /** SQL condition on `secrets` limiting a listing to what the actor may see; undefined = everything. */
  visibleSecrets(actor: Actor, permission?: SecretPermission): SQL | undefined;
  /** Records a refusal (audit); never throws. */
  reportDenial: DenialReporter;
}

export function createAccessPolicy(deps: { db: Database; clock: Clock; onDenied?: DenialReporter }): AccessPolicy {
  const grantsOn = (secret: SecretRow, executor: Executor = deps.db) => listLiveGrantsForSecrets(executor, [secret.id]);
  return {
    async permissionsOn(actor, secret, executor) {
      return evaluatePermissions(actor, secret, await grantsOn(secret, executor), deps.clock.now());
    },
    async pathsOn(actor, secret, executor) {
      return accessPaths(actor, secret, await grantsOn(secret, executor), deps.clock.now());
    },
    grantsOn,
    async canCreate(actor, placement) {
      return mayCreate(actor, placement);
    },
    visibleSecrets(actor, permission) {
      return visibleSecretsSql(actor, deps.clock.now(), permission);
    },
    async reportDenial(denial) {
      try {
        await deps.onDenied?.(denial);
      } catch {
        // Reporting a denial must never turn it into a different error; the auditor logs its own failures.
      }
    },
  };
}

/**
 * Throws unless the actor holds `permission`. Someone who cannot even see the secret gets the same
 * SECRET_NOT_FOUND as for a missing id, so existence never leaks. Both refusals are reported.
 */
export async function assertPermission(
  policy: AccessPolicy,
  actor: Actor,
  secret: SecretRow,
  permission: SecretPermission,
  executor?: Executor,
): Promise<SecretPermission[]> {
  const held = await policy.permissionsOn(actor, secret, executor);
  if (held.includes(permission)) return held;
  await policy.reportDenial({ actor, secret, permission, reason: held.length ? 'missing permission' : 'not visible' });
  if (held.length === 0) throw new SecretNotFoundError();
  throw new AccessDeniedError(`Missing ${permission} permission on this secret`);
}
