// Explicit grants on one secret: give a USER, TEAM or ROLE a subset of permissions, optionally until an
// expiry. Only holders of GRANT may grant, and nobody grants more than they hold.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../identity/actor.js';
import type { Clock } from '../../lib/clock.js';
import { AccessDeniedError, SecretNotFoundError, ValidationError, type FieldIssue } from '../../lib/errors.js';
import type { Database } from '../../models/db.js';
import * as grantsRepo from '../../models/grants.repo.js';
import type { AccessGrantRow, SecretRow } from '../../models/schema.js';
import * as secretsRepo from '../../models/secrets.repo.js';
import type { ChangeRecorder } from '../changes.js';
import type { SecretService } from '../secrets.js';
import { assertPermission, type AccessPolicy } from './policy.js';
import { SECRET_PERMISSIONS, type AccessPath, type SecretPermission } from './permissions.js';

export const GRANTEE_TYPES = ['USER', 'TEAM', 'ROLE'] as const;
export type GranteeType = (typeof GRANTEE_TYPES)[number];

export interface GrantAccessInput {
  secretId: string;
  granteeType: GranteeType;
  granteeId: string;
  permissions: SecretPermission[];
  expiresAt?: Date | null;
}

const GRANTEE_ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type GrantService = ReturnType<typeof createGrantService>;

export function createGrantService(deps: {
  db: Database;
  clock: Clock;
  access: AccessPolicy;
  recorder: ChangeRecorder;
  secrets: Pick<SecretService, 'lockForChange'>;
}) {
  const { db, clock, access, recorder } = deps;

  function validate(input: GrantAccessInput, now: Date) {
    const issues: FieldIssue[] = [];
    if (!GRANTEE_ID.test(input.granteeId)) issues.push({ path: 'input.granteeId', message: 'is not a valid id' });
    if (input.permissions.length === 0) issues.push({ path: 'input.permissions', message: 'must name at least one permission' });
    if (input.expiresAt && input.expiresAt.getTime() <= now.getTime()) issues.push({ path: 'input.expiresAt', message: 'must be in the future' });
    if (issues.length) throw new ValidationError(issues);
  }

  return {
    async grant(actor: Actor, input: GrantAccessInput): Promise<AccessGrantRow> {
      const now = clock.now();
      validate(input, now);
      const permissions = SECRET_PERMISSIONS.filter((p) => input.permissions.includes(p));
      return db.transaction(async (tx) => {
        // Locks the secret, refuses deleted ones, and checks GRANT; then compare what is granted with what is held.
        const secret = await deps.secrets.lockForChange(tx, actor, input.secretId, 'GRANT');
        const held = await access.permissionsOn(actor, secret, tx);
        const excess = permissions.filter((p) => !held.includes(p));
        if (excess.length) {
          await access.reportDenial({ actor, secret, permission: excess.join(','), reason: 'grant exceeds held permissions' });
          throw new AccessDeniedError(`Cannot grant permissions you do not hold: ${excess.join(', ')}`);
        }
        const grant = await grantsRepo.insertGrant(tx, {
          id: randomUUID(),
          secretId: secret.id,
          granteeType: input.granteeType,
          granteeId: input.granteeId,
          permissions,
          expiresAt: input.expiresAt ?? null,
          grantedBy: actor.id,
          createdAt: now,
        });
        await recorder.record(tx, {
          kind: 'ACCESS_GRANTED',
          actor,
          secret,
          data: { grantId: grant.id, granteeType: grant.granteeType, granteeId: grant.granteeId, permissions, expiresAt: grant.expiresAt?.toISOString() ?? null },
        });
        return grant;
      });
    },

    async revoke(actor: Actor, grantId: string): Promise<boolean> {
      if (!UUID.test(grantId)) throw new SecretNotFoundError('Grant not found');
      const now = clock.now();
      return db.transaction(async (tx) => {
        // Lock order secret -> grant, as purge (which cascades to grants) takes it; the reverse deadlocks.
        const unlocked = await grantsRepo.findGrantById(tx, grantId);
        const secret = unlocked ? await secretsRepo.findSecretById(tx, unlocked.secretId, { forUpdate: true }) : undefined;
        const grant = secret ? await grantsRepo.findGrantById(tx, grantId, { forUpdate: true }) : undefined;
        if (!secret || !grant || grant.revokedAt) throw new SecretNotFoundError('Grant not found');
        const held = await access.permissionsOn(actor, secret, tx);
        if (!held.includes('GRANT')) {
          await access.reportDenial({ actor, secret, permission: 'GRANT', reason: held.length ? 'missing permission' : 'not visible' });
          if (held.length === 0) throw new SecretNotFoundError('Grant not found');
          throw new AccessDeniedError('Missing GRANT permission on this secret');
        }
        await grantsRepo.revokeGrant(tx, grantId, actor.id, now);
        await recorder.record(tx, {
          kind: 'ACCESS_REVOKED',
          actor,
          secret,
          data: { grantId, granteeType: grant.granteeType, granteeId: grant.granteeId, permissions: grant.permissions },
        });
        return true;
      });
    },

    /** Active grants of a secret (GRANT holders only). */
    async listForSecret(actor: Actor, secret: SecretRow): Promise<AccessGrantRow[]> {
      await assertPermission(access, actor, secret, 'GRANT');
      const now = clock.now().getTime();
      return (await grantsRepo.listLiveGrantsForSecrets(db, [secret.id])).filter((g) => !g.expiresAt || g.expiresAt.getTime() > now);
    },

    /**
     * Who can do what with this secret, and through which path: the caller-independent paths we can enumerate
     * (super admins, organization admins, team/project members, the owner, every active grant).
     */
    async effectiveAccess(actor: Actor, secret: SecretRow): Promise<AccessPath[]> {
      await assertPermission(access, actor, secret, 'GRANT');
      const now = clock.now().getTime();
      const all: AccessPath[] = [{ via: 'role:SUPER_ADMIN', principalType: 'ROLE', principalId: 'SUPER_ADMIN', permissions: [...SECRET_PERMISSIONS] }];
      const scoped = secret.scope !== 'GLOBAL' && secret.scope !== 'USER' && secret.organizationId;
      if (scoped) {
        all.push({ via: `scope:ORG_ADMIN@${secret.organizationId}`, principalType: 'ROLE', principalId: `ORG_ADMIN@${secret.organizationId}`, permissions: [...SECRET_PERMISSIONS] });
      }
      if (secret.scope === 'TEAM' && secret.teamId) {
        all.push({ via: `scope:MEMBER@team:${secret.teamId}`, principalType: 'TEAM', principalId: secret.teamId, permissions: ['VIEW_METADATA', 'READ'] });
      }
      if (secret.scope === 'PROJECT' && secret.projectId) {
        all.push({ via: `scope:MEMBER@project:${secret.projectId}`, principalType: 'ROLE', principalId: `MEMBER@project:${secret.projectId}`, permissions: ['VIEW_METADATA', 'READ'] });
      }
      if (secret.scope === 'USER' && secret.ownerUserId) {
        all.push({ via: 'owner', principalType: 'USER', principalId: secret.ownerUserId, permissions: [...SECRET_PERMISSIONS] });
      }
      for (const grant of await grantsRepo.listLiveGrantsForSecrets(db, [secret.id])) {
        if (grant.expiresAt && grant.expiresAt.getTime() <= now) continue;
        all.push({
          via: `grant:${grant.id}`,
          principalType: grant.granteeType as GranteeType,
          principalId: grant.granteeId,
          permissions: SECRET_PERMISSIONS.filter((p) => p === 'VIEW_METADATA' || grant.permissions.includes(p)),
        });
      }
      return all;
    },
  };
}
