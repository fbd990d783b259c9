// Where a secret lives: its scope and the ids that place it. The "scope owner" is the one id that owns the
// name (names are unique per scope owner among live secrets).
import { ValidationError, type FieldIssue } from '../lib/errors.js';

export const SECRET_SCOPES = ['GLOBAL', 'ORGANIZATION', 'TEAM', 'PROJECT', 'USER'] as const;
export type SecretScope = (typeof SECRET_SCOPES)[number];

export interface ScopePlacementInput {
  scope: SecretScope;
  organizationId?: string | null;
  teamId?: string | null;
  projectId?: string | null;
  /** USER scope: the owning user (defaults to the caller when creating). */
  ownerId?: string | null;
}

export interface ScopePlacement {
  scope: SecretScope;
  organizationId: string | null;
  teamId: string | null;
  projectId: string | null;
  ownerUserId: string | null;
  scopeOwnerId: string;
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;

/**
 * Validates the ids a scope needs and refuses ids it cannot use, so a secret is never ambiguously placed.
 * TEAM and PROJECT secrets also carry their organization: organization admins govern them, and isolation
 * between organizations is decided on that id.
 */
export function resolvePlacement(input: ScopePlacementInput, path = 'input'): ScopePlacement {
  const issues: FieldIssue[] = [];
  const id = (name: 'organizationId' | 'teamId' | 'projectId' | 'ownerId', required: boolean, allowed: boolean) => {
    const value = input[name] ?? null;
    if (value === null || value === '') {
      if (required) issues.push({ path: `${path}.${name}`, message: `required for scope ${input.scope}` });
      return null;
    }
    if (!allowed) {
      issues.push({ path: `${path}.${name}`, message: `not allowed for scope ${input.scope}` });
      return null;
    }
    if (!ID_PATTERN.test(value)) issues.push({ path: `${path}.${name}`, message: 'is not a valid id' });
    return value;
  };
  const s = input.scope;
  const organizationId = id('organizationId', s === 'ORGANIZATION' || s === 'TEAM' || s === 'PROJECT', s !== 'GLOBAL');
  const teamId = id('teamId', s === 'TEAM', s === 'TEAM' || s === 'PROJECT');
  const projectId = id('projectId', s === 'PROJECT', s === 'PROJECT');
  const ownerUserId = id('ownerId', s === 'USER', s === 'USER');
  if (issues.length) throw new ValidationError(issues);
  const scopeOwnerId = scopeOwnerOf({ scope: s, organizationId, teamId, projectId, ownerUserId });
  return { scope: s, organizationId, teamId, projectId, ownerUserId, scopeOwnerId };
}

/**
 * The id that owns a name. Team and project names are qualified by their organization: nothing here can prove
 * that a team id belongs to an organization, so one organization must never be able to take, block or probe
 * names in another's team or project namespace.
 */
export function scopeOwnerOf(p: Pick<ScopePlacement, 'scope' | 'organizationId' | 'teamId' | 'projectId' | 'ownerUserId'>): string {
  switch (p.scope) {
    case 'GLOBAL':
      return '';
    case 'ORGANIZATION':
      return p.organizationId!;
    case 'TEAM':
      return `${p.organizationId}/${p.teamId}`;
    case 'PROJECT':
      return `${p.organizationId}/${p.projectId}`;
    default:
      return p.ownerUserId!;
  }
}
