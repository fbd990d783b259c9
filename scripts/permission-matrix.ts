// Generates docs/permissions.md from the access model (services/access/permissions.ts and operations.ts):
// reference principals x scopes x operations. `npm run docs:permissions` writes it; a test checks it is current,
// and the access-matrix integration test drives the running server through the same cells.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Actor } from '../identity/actor.js';
import { SECRET_OPERATIONS, type SecretOperation } from '../services/access/operations.js';
import {
  evaluatePermissions,
  mayCreate,
  PERMISSION_CODES,
  ROLE_DESCRIPTIONS,
  SECRET_PERMISSIONS,
  type GrantFacts,
  type SecretPermission,
  type SecretPlacementFacts,
} from '../services/access/permissions.js';

export const MATRIX_SCOPES = ['GLOBAL', 'ORGANIZATION', 'TEAM', 'PROJECT', 'USER'] as const;
export type MatrixScope = (typeof MATRIX_SCOPES)[number];

/** Where the reference secret of each scope lives: organization org-1, team team-1, project proj-1, owner user-owner. */
export const REFERENCE_PLACEMENT: Record<MatrixScope, SecretPlacementFacts> = {
  GLOBAL: { scope: 'GLOBAL', organizationId: null, teamId: null, projectId: null, ownerUserId: null },
  ORGANIZATION: { scope: 'ORGANIZATION', organizationId: 'org-1', teamId: null, projectId: null, ownerUserId: null },
  TEAM: { scope: 'TEAM', organizationId: 'org-1', teamId: 'team-1', projectId: null, ownerUserId: null },
  PROJECT: { scope: 'PROJECT', organizationId: 'org-1', teamId: null, projectId: 'proj-1', ownerUserId: null },
  USER: { scope: 'USER', organizationId: null, teamId: null, projectId: null, ownerUserId: 'user-owner' },
};

const user = (id: string, extra: Partial<Actor> = {}): Actor => ({
  id,
  type: 'USER',
  roles: [],
  orgs: [],
  teams: [],
  projects: [],
  permissions: [],
  via: 'jwt',
  ...extra,
});

export interface ReferencePrincipal {
  key: string;
  label: string;
  /** The identity; service accounts get their permission per scope (see `serviceAccountPermission`). */
  actor: (scope: MatrixScope) => Actor;
  /** A grant to this principal on the reference secret, if any. */
  grant?: { permissions: SecretPermission[]; expired: boolean };
}

const serviceAccount = (id: string, withPermission: boolean) => (scope: MatrixScope): Actor => ({
  id,
  type: 'SERVICE',
  roles: [],
  orgs: [{ id: 'org-1', role: 'MEMBER' }],
  teams: [],
  projects: [],
  permissions: withPermission ? [`secrets.secret.read.${scope.toLowerCase()}`] : [],
  via: 'service-account',
});

export const REFERENCE_PRINCIPALS: readonly ReferencePrincipal[] = [
  { key: 'super-admin', label: 'SUPER_ADMIN', actor: () => user('user-root', { roles: ['SUPER_ADMIN'] }) },
  { key: 'org-admin', label: 'ORG_ADMIN of org-1', actor: () => user('user-orgadmin', { orgs: [{ id: 'org-1', role: 'ORG_ADMIN' }] }) },
  { key: 'other-org-admin', label: 'ORG_ADMIN of org-2', actor: () => user('user-otheradmin', { orgs: [{ id: 'org-2', role: 'ORG_ADMIN' }] }) },
  {
    key: 'team-member',
    label: 'MEMBER in team-1 / proj-1',
    actor: () => user('user-member', { orgs: [{ id: 'org-1', role: 'MEMBER' }], teams: ['team-1'], projects: ['proj-1'] }),
  },
  {
    key: 'outside-member',
    label: 'MEMBER of org-1 outside team-1 / proj-1',
    actor: () => user('user-outsider', { orgs: [{ id: 'org-1', role: 'MEMBER' }], teams: ['team-2'], projects: ['proj-2'] }),
  },
  { key: 'owner', label: 'owner (user-owner)', actor: () => user('user-owner', { orgs: [{ id: 'org-1', role: 'MEMBER' }] }) },
  { key: 'other-user', label: 'other user (no memberships)', actor: () => user('user-stranger') },
  { key: 'sa-with', label: 'service account of org-1 with secrets.secret.read.<scope>', actor: serviceAccount('sa:with', true) },
  { key: 'sa-without', label: 'service account of org-1 without permissions', actor: serviceAccount('sa:without', false) },
  ...SECRET_PERMISSIONS.map((p) => ({
    key: `grantee-${p.toLowerCase()}`,
    label: `grantee (USER grant: ${p})`,
    actor: () => user(`user-grantee-${p.toLowerCase()}`),
    grant: { permissions: [p], expired: false },
  })),
  { key: 'grantee-expired', label: 'grantee with an expired READ grant', actor: () => user('user-grantee-expired'), grant: { permissions: ['READ'], expired: true } },
];

const NOW = new Date('2026-06-01T00:00:00Z');

/** The permissions a reference principal holds on the reference secret of `scope`. */
export function referencePermissions(principal: ReferencePrincipal, scope: MatrixScope): SecretPermission[] {
  const actor = principal.actor(scope);
  const grants: GrantFacts[] = principal.grant
    ? [
        {
          id: 'g',
          granteeType: 'USER',
          granteeId: actor.id,
          permissions: principal.grant.permissions,
          expiresAt: principal.grant.expired ? new Date(NOW.getTime() - 1000) : null,
          revokedAt: null,
        },
      ]
    : [];
  return evaluatePermissions(actor, REFERENCE_PLACEMENT[scope], grants, NOW);
}

/** Is the operation allowed for the principal on the reference secret of `scope`? */
export function isAllowed(principal: ReferencePrincipal, scope: MatrixScope, operation: SecretOperation): boolean {
  if (operation.requires === 'CREATE') {
    // A USER-scope secret is always created for the caller itself.
    const actor = principal.actor(scope);
    return mayCreate(actor, scope === 'USER' ? { ...REFERENCE_PLACEMENT.USER, ownerUserId: actor.id } : REFERENCE_PLACEMENT[scope]);
  }
  return referencePermissions(principal, scope).includes(operation.requires);
}

export function permissionsMarkdown(): string {
  const lines: string[] = [];
  lines.push('# Permissions', '');
  lines.push('Generated by `npm run docs:permissions` from `services/access/permissions.ts` and `services/access/operations.ts`;');
  lines.push('a test fails when this file is stale, and `tests/integration/access-matrix.test.ts` checks every cell against the running server.', '');
  lines.push('## Roles', '');
  for (const [role, text] of Object.entries(ROLE_DESCRIPTIONS)) lines.push(`- **${role}**: ${text}`);
  lines.push(
    '- **Explicit permission codes** (JWT `permissions` claim, service accounts): `secrets.secret.<action>.<scope>` gives',
    '  `read` = VIEW_METADATA+READ, `update` = VIEW_METADATA+UPDATE, `delete` = VIEW_METADATA+DELETE, `grant` = VIEW_METADATA+GRANT on',
    '  secrets of that scope in the caller\'s organizations (`global`: GLOBAL secrets; `user`: the caller\'s own); `create` allows creating there.',
    '- **Grants** (`grantSecretAccess`) give a USER, TEAM (members of the team within the secret\'s organization) or ROLE (platform role, or an organization role within the secret\'s organization)',
    '  the listed permissions plus VIEW_METADATA on one secret, until `expiresAt`. Only GRANT holders grant, never more than they hold.',
    '- A caller who cannot see a secret gets `SECRET_NOT_FOUND` (or `null`) exactly as for a missing id; a caller who can see it but',
    '  lacks the permission gets `ACCESS_DENIED`. Listings and `totalCount` include only visible secrets (filtered in SQL).',
    '',
  );
  lines.push('## Permission codes', '', PERMISSION_CODES.map((c) => `\`${c}\``).join(', '), '');
  lines.push('## Operations', '', '| Operation | Requires |', '| --- | --- |');
  for (const op of SECRET_OPERATIONS) lines.push(`| ${op.name} | ${op.requires === 'CREATE' ? 'create right for the scope' : op.requires} |`);
  lines.push('| Secret.usage | GRANT, or `secrets.audit.read` for the organization |');
  lines.push('| rotateEncryptionKey | SUPER_ADMIN or `secrets.keys.rotate` |');
  lines.push('| exportSecrets (metadata) | VIEW_METADATA on each exported secret (listing visibility) |');
  lines.push('| exportSecrets with `includeValues` | SUPER_ADMIN or the exact code `secrets.export.values`, plus READ on every exported secret |', '');
  lines.push('## Matrix', '');
  lines.push('Reference secrets: GLOBAL; ORGANIZATION in org-1; TEAM team-1 of org-1; PROJECT proj-1 of org-1; USER owned by user-owner.');
  lines.push('Cells: ✓ allowed, · denied. createSecret in USER scope creates the caller\'s own USER secret.', '');
  for (const scope of MATRIX_SCOPES) {
    lines.push(`### ${scope}`, '');
    lines.push(`| Principal | ${SECRET_OPERATIONS.map((o) => o.name).join(' | ')} |`);
    lines.push(`| --- | ${SECRET_OPERATIONS.map(() => ':-:').join(' | ')} |`);
    for (const principal of REFERENCE_PRINCIPALS) {
      lines.push(`| ${principal.label} | ${SECRET_OPERATIONS.map((o) => (isAllowed(principal, scope, o) ? '✓' : '·')).join(' | ')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

export const PERMISSIONS_DOC = fileURLToPath(new URL('../docs/permissions.md', import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(PERMISSIONS_DOC, permissionsMarkdown());
  console.log(`wrote ${PERMISSIONS_DOC}`);
}
