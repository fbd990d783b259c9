// The SQL form of "the actor can see this secret" (some access path exists), so listings and counts never
// include what the caller may not see. It must agree with accessPaths() in permissions.ts; the access matrix
// test checks both against the same cases.
import { and, eq, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { isSuperAdmin, type Actor } from '../../identity/actor.js';
import { secretAccessGrants, secrets } from '../../models/schema.js';
import { ACTION_PERMISSIONS, type SecretPermission } from './permissions.js';

/** With `permission`, only secrets on which that permission is held (e.g. READ for accessibleSecrets). */
export function visibleSecretsSql(actor: Actor, now: Date, permission?: SecretPermission): SQL | undefined {
  if (isSuperAdmin(actor)) return undefined;
  const memberOrgs = actor.orgs.map((o) => o.id);
  const adminOrgs = actor.orgs.filter((o) => o.role === 'ORG_ADMIN').map((o) => o.id);
  const paths: (SQL | undefined)[] = [];
  if (adminOrgs.length) {
    paths.push(and(inArray(secrets.scope, ['ORGANIZATION', 'TEAM', 'PROJECT']), inArray(secrets.organizationId, adminOrgs)));
  }
  const membershipGives = !permission || permission === 'VIEW_METADATA' || permission === 'READ';
  if (membershipGives && actor.teams.length && memberOrgs.length) {
    paths.push(and(eq(secrets.scope, 'TEAM'), inArray(secrets.teamId, [...actor.teams]), inArray(secrets.organizationId, memberOrgs)));
  }
  if (membershipGives && actor.projects.length && memberOrgs.length) {
    paths.push(and(eq(secrets.scope, 'PROJECT'), inArray(secrets.projectId, [...actor.projects]), inArray(secrets.organizationId, memberOrgs)));
  }
  paths.push(and(eq(secrets.scope, 'USER'), eq(secrets.ownerUserId, actor.id)));
  for (const code of actor.permissions) {
    const parts = code.split('.');
    if (parts.length !== 4 || parts[0] !== 'secrets' || parts[1] !== 'secret' || !(parts[2] in ACTION_PERMISSIONS)) continue;
    if (permission && !ACTION_PERMISSIONS[parts[2] as keyof typeof ACTION_PERMISSIONS].includes(permission)) continue;
    const scope = parts[3].toUpperCase();
    if (scope === 'GLOBAL') paths.push(eq(secrets.scope, 'GLOBAL'));
    else if (scope !== 'USER' && memberOrgs.length) paths.push(and(eq(secrets.scope, scope), inArray(secrets.organizationId, memberOrgs)));
  }
  const granteeMatches = or(
    and(eq(secretAccessGrants.granteeType, 'USER'), eq(secretAccessGrants.granteeId, actor.id)),
    actor.teams.length
      ? and(
          eq(secretAccessGrants.granteeType, 'TEAM'),
          inArray(secretAccessGrants.granteeId, [...actor.teams]),
          or(isNull(secrets.organizationId), memberOrgs.length ? inArray(secrets.organizationId, memberOrgs) : sql`false`),
        )
      : undefined,
    actor.roles.length ? and(eq(secretAccessGrants.granteeType, 'ROLE'), inArray(secretAccessGrants.granteeId, [...actor.roles])) : undefined,
    ...actor.orgs.map((o) =>
      and(eq(secretAccessGrants.granteeType, 'ROLE'), eq(secretAccessGrants.granteeId, o.role), eq(secrets.organizationId, o.id)),
    ),
  );
  paths.push(
    sql`exists (select 1 from ${secretAccessGrants} where ${and(
      eq(secretAccessGrants.secretId, secrets.id),
      isNull(secretAccessGrants.revokedAt),
      or(isNull(secretAccessGrants.expiresAt), gt(secretAccessGrants.expiresAt, now)),
      granteeMatches,
      permission && permission !== 'VIEW_METADATA' ? sql`${permission} = any(${secretAccessGrants.permissions})` : undefined,
    )})`,
  );
  return or(...paths);
}
