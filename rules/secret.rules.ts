// Rules on sensitive Secret fields: they depend on the secret (the parent), so they are never cached across
// parents. The services check again, because jobs and internal callers do not pass through shield.
import { rule } from 'graphql-shield';
import { AccessDeniedError, UnauthenticatedError } from '../lib/errors.js';
import type { SecretRow } from '../models/schema.js';
import type { GraphQLContext } from '../resolvers/context.js';
import { holdsPermission, type SecretPermission } from '../services/access/permissions.js';

async function holds(secret: SecretRow, ctx: GraphQLContext, permission: SecretPermission) {
  if (!ctx.actor) return new UnauthenticatedError();
  const held = await ctx.services.access.permissionsOn(ctx.actor, secret);
  if (held.includes(permission)) return true;
  await ctx.services.access.reportDenial({ actor: ctx.actor, secret, permission, reason: 'missing permission' });
  return new AccessDeniedError(`Missing ${permission} permission on this secret`);
}

export const canReadSecretValue = rule({ cache: 'no_cache' })((secret: SecretRow, _args, ctx: GraphQLContext) => holds(secret, ctx, 'READ'));

export const canManageSecretAccess = rule({ cache: 'no_cache' })((secret: SecretRow, _args, ctx: GraphQLContext) => holds(secret, ctx, 'GRANT'));

/** Usage (who read when) is for those who govern the secret: GRANT holders and audit readers of its organization. */
export const canViewSecretUsage = rule({ cache: 'no_cache' })(async (secret: SecretRow, _args, ctx: GraphQLContext) => {
  if (ctx.actor && holdsPermission(ctx.actor, 'secrets.audit.read', secret.organizationId)) return true;
  return holds(secret, ctx, 'GRANT');
});
