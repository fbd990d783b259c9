// Rules about the caller alone (cached per request).
import { rule } from 'graphql-shield';
import { isSuperAdmin as actorIsSuperAdmin } from '../identity/actor.js';
import { AccessDeniedError, UnauthenticatedError } from '../lib/errors.js';
import type { GraphQLContext } from '../resolvers/context.js';

export const isAuthenticated = rule({ cache: 'contextual' })((_parent, _args, ctx: GraphQLContext) =>
  ctx.actor ? true : new UnauthenticatedError(),
);

export const isSuperAdmin = rule({ cache: 'contextual' })((_parent, _args, ctx: GraphQLContext) => {
  if (!ctx.actor) return new UnauthenticatedError();
  return actorIsSuperAdmin(ctx.actor) || new AccessDeniedError('Super admins only');
});

/** Holds a platform permission code (or is super admin). */
export const holdsCode = (code: string) =>
  rule(`holds:${code}`, { cache: 'contextual' })((_parent, _args, ctx: GraphQLContext) => {
    if (!ctx.actor) return new UnauthenticatedError();
    return actorIsSuperAdmin(ctx.actor) || ctx.actor.permissions.includes(code) || new AccessDeniedError(`Requires ${code}`);
  });
