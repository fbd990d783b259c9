// The access model in one place: permission codes, default roles, and the pure evaluation of what an actor
// may do with one secret (and why). The SQL visibility filter (visibility.ts), graphql-shield rules, the
// services and docs/permissions.md all derive from these definitions.
import { isSuperAdmin, type Actor } from '../../identity/actor.js';

export const SECRET_PERMISSIONS = ['VIEW_METADATA', 'READ', 'UPDATE', 'DELETE', 'GRANT'] as const;
export type SecretPermission = (typeof SECRET_PERMISSIONS)[number];

export const PERMISSION_SCOPES = ['global', 'organization', 'team', 'project', 'user'] as const;
export type PermissionScope = (typeof PERMISSION_SCOPES)[number];
export const SECRET_ACTIONS = ['create', 'read', 'update', 'delete', 'grant'] as const;
export type SecretAction = (typeof SECRET_ACTIONS)[number];

/** Every permission code the service understands (`secrets.<resource>.<action>.<scope>`). */
export const PERMISSION_CODES = [
  ...SECRET_ACTIONS.flatMap((action) => PERMISSION_SCOPES.map((scope) => `secrets.secret.${action}.${scope}`)),
  'secrets.vault.manage.global',
  'secrets.vault.manage.organization',
  'secrets.audit.read.global',
  'secrets.audit.read.organization',
  'secrets.export.values',
  'secrets.sso.manage',
  'secrets.keys.rotate',
] as const;
export type PermissionCode = (typeof PERMISSION_CODES)[number];
export const isPermissionCode = (code: string): code is PermissionCode => (PERMISSION_CODES as readonly string[]).includes(code);

/** What an explicit `secrets.secret.<action>.*` code gives on an existing secret. */
export const ACTION_PERMISSIONS: Record<Exclude<SecretAction, 'create'>, SecretPermission[]> = {
  read: ['VIEW_METADATA', 'READ'],
  update: ['VIEW_METADATA', 'UPDATE'],
  delete: ['VIEW_METADATA', 'DELETE'],
  grant: ['VIEW_METADATA', 'GRANT'],
};

/** Default roles, as documented in docs/permissions.md. */
export const ROLE_DESCRIPTIONS = {
  SUPER_ADMIN: 'Everything, everywhere (platform role).',
  ORG_ADMIN: 'Everything on ORGANIZATION, TEAM and PROJECT secrets of their organization (not other users\' USER secrets).',
  MEMBER: 'VIEW_METADATA and READ on TEAM secrets of their teams and PROJECT secrets of their projects, in their organization; full control of their own USER secrets.',
} as const;

export interface SecretPlacementFacts {
  scope: string;
  organizationId: string | null;
  teamId: string | null;
  projectId: string | null;
  ownerUserId: string | null;
}

export interface GrantFacts {
  id: string;
  granteeType: string;
  granteeId: string;
  permissions: readonly string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export interface AccessPath {
  via: string;
  principalType: 'USER' | 'TEAM' | 'ROLE';
  principalId: string;
  permissions: SecretPermission[];
}

const ALL: SecretPermission[] = [...SECRET_PERMISSIONS];
const memberOf = (actor: Actor, orgId: string | null) => !!orgId && actor.orgs.some((o) => o.id === orgId);
const adminOf = (actor: Actor, orgId: string | null) => !!orgId && actor.orgs.some((o) => o.id === orgId && o.role === 'ORG_ADMIN');

/** Is this grant in force for this actor on this secret right now? */
export function grantApplies(actor: Actor, grant: GrantFacts, secret: SecretPlacementFacts, now: Date): boolean {
  if (grant.revokedAt) return false;
  if (grant.expiresAt && grant.expiresAt.getTime() <= now.getTime()) return false;
  switch (grant.granteeType) {
    case 'USER':
      return grant.granteeId === actor.id;
    case 'TEAM':
      // Team ids are only meaningful inside the secret's organization (a team claim says nothing about which).
      return actor.teams.includes(grant.granteeId) && (!secret.organizationId || memberOf(actor, secret.organizationId));
    case 'ROLE':
      return (
        actor.roles.includes(grant.granteeId) ||
        actor.orgs.some((o) => o.id === secret.organizationId && o.role === grant.granteeId)
      );
    default:
      return false;
  }
}

/** Does an explicit code's scope part cover this secret for this actor? */
export function codeCovers(actor: Actor, scope: string, secret: SecretPlacementFacts): boolean {
  if (scope.toUpperCase() !== secret.scope) return false;
  if (secret.scope === 'GLOBAL') return true;
  if (secret.scope === 'USER') return secret.ownerUserId === actor.id;
  return memberOf(actor, secret.organizationId);
}

/** Every path that gives the actor something on the secret; empty means the secret is invisible to them. */
export function accessPaths(actor: Actor, secret: SecretPlacementFacts, grants: readonly GrantFacts[], now: Date): AccessPath[] {
  const paths: AccessPath[] = [];
  if (isSuperAdmin(actor)) paths.push({ via: 'role:SUPER_ADMIN', principalType: 'ROLE', principalId: 'SUPER_ADMIN', permissions: ALL });
  const scoped = secret.scope === 'ORGANIZATION' || secret.scope === 'TEAM' || secret.scope === 'PROJECT';
  if (scoped && adminOf(actor, secret.organizationId)) {
    paths.push({ via: `scope:ORG_ADMIN@${secret.organizationId}`, principalType: 'ROLE', principalId: `ORG_ADMIN@${secret.organizationId}`, permissions: ALL });
  }
  if (secret.scope === 'TEAM' && secret.teamId && actor.teams.includes(secret.teamId) && memberOf(actor, secret.organizationId)) {
    paths.push({ via: `scope:MEMBER@team:${secret.teamId}`, principalType: 'TEAM', principalId: secret.teamId, permissions: ['VIEW_METADATA', 'READ'] });
  }
  if (secret.scope === 'PROJECT' && secret.projectId && actor.projects.includes(secret.projectId) && memberOf(actor, secret.organizationId)) {
    paths.push({ via: `scope:MEMBER@project:${secret.projectId}`, principalType: 'ROLE', principalId: `MEMBER@project:${secret.projectId}`, permissions: ['VIEW_METADATA', 'READ'] });
  }
  if (secret.scope === 'USER' && secret.ownerUserId === actor.id) {
    paths.push({ via: 'owner', principalType: 'USER', principalId: actor.id, permissions: ALL });
  }
  for (const code of actor.permissions) {
    const parts = code.split('.');
    if (parts.length !== 4) continue;
    const [resource, kind, action, scope] = parts;
    if (resource !== 'secrets' || kind !== 'secret' || !(action in ACTION_PERMISSIONS)) continue;
    if (!codeCovers(actor, scope, secret)) continue;
    paths.push({
      via: `permission:${code}`,
      principalType: 'USER',
      principalId: actor.id,
      permissions: ACTION_PERMISSIONS[action as keyof typeof ACTION_PERMISSIONS],
    });
  }
  for (const grant of grants) {
    if (!grantApplies(actor, grant, secret, now)) continue;
    const granted = SECRET_PERMISSIONS.filter((p) => p === 'VIEW_METADATA' || grant.permissions.includes(p));
    paths.push({ via: `grant:${grant.id}`, principalType: grant.granteeType as AccessPath['principalType'], principalId: grant.granteeId, permissions: granted });
  }
  return paths;
}

/** The union of all paths, in the canonical order. */
export function evaluatePermissions(actor: Actor, secret: SecretPlacementFacts, grants: readonly GrantFacts[], now: Date): SecretPermission[] {
  const held = new Set(accessPaths(actor, secret, grants, now).flatMap((p) => p.permissions));
  return SECRET_PERMISSIONS.filter((p) => held.has(p));
}

/** May the actor create a secret at this placement? */
export function mayCreate(actor: Actor, placement: SecretPlacementFacts): boolean {
  if (isSuperAdmin(actor)) return true;
  const scope = placement.scope.toLowerCase();
  const hasCode = actor.permissions.includes(`secrets.secret.create.${scope}`);
  switch (placement.scope) {
    case 'GLOBAL':
      return hasCode;
    case 'USER':
      // A personal secret may name an organization only the owner belongs to (it shows in that org's audit).
      return (
        placement.ownerUserId === actor.id &&
        (actor.type === 'USER' || hasCode) &&
        (!placement.organizationId || memberOf(actor, placement.organizationId))
      );
    default:
      return adminOf(actor, placement.organizationId) || (hasCode && memberOf(actor, placement.organizationId));
  }
}

/**
 * Holds `<base>` (e.g. `secrets.audit.read`) everywhere (`<base>.global`, super admin) or for this organization
 * (`<base>.organization` as a member, or organization admin).
 */
export function holdsPermission(actor: Actor, base: string, organizationId?: string | null): boolean {
  if (isSuperAdmin(actor) || actor.permissions.includes(`${base}.global`)) return true;
  if (!organizationId) return false;
  return adminOf(actor, organizationId) || (actor.permissions.includes(`${base}.organization`) && memberOf(actor, organizationId));
}
