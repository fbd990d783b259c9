// Rules about the caller alone (cached per request).
import { rule } from 'graphql-shield';
import { isSuperAdmin as actorIsSuperAdmin } from '../identity/actor.js';
import { AccessDeniedError, UnauthenticatedError } from '../lib/errors.js';
import type { GraphQLContext } from '../resolvers/context.js';

export const isAuthenticated = rule({ cache: 'contextual' })((_parent, _args, ctx: GraphQLContext) =>
  ctx.actor ? true : new UnauthenticatedError(),
);

/** Refuses, recording the denial in the audit trail. */
async function deny(ctx: GraphQLContext, reason: string, message: string) {
  await ctx.services.access.reportDenial({ actor: ctx.actor!, reason });
  return new AccessDeniedError(message);
}

export const isSuperAdmin = rule({ cache: 'contextual' })(async (_parent, _args, ctx: GraphQLContext) => {
  if (!ctx.actor) return new UnauthenticatedError();
  return actorIsSuperAdmin(ctx.actor) || deny(ctx, 'super admin only', 'Super admins only');
});

/** Holds a platform permission code (or is super admin). */
export const holdsCode = (code: string) =>
  rule(`holds:${code}`, { cache: 'contextual' })(async (_parent, _args, ctx: GraphQLContext) => {
    if (!ctx.actor) return new UnauthenticatedError();
    return actorIsSuperAdmin(ctx.actor) || ctx.actor.permissions.includes(code) || deny(ctx, `requires ${code}`, `Requires ${code}`);
  });
