// Grants and caller-aware access fields.
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { AccessGrant, EffectiveAccess, GrantAccessInput } from '../schema/access.types.js';
import { UserRef } from '../schema/entities.js';
import { Secret } from '../schema/secret.types.js';
import type { AccessGrantRow, SecretRow } from '../models/schema.js';
import { actorOf, type GraphQLContext } from './context.js';

@Resolver()
export class AccessMutations {
  @Mutation(() => AccessGrant)
  grantSecretAccess(@Arg('input', () => GrantAccessInput) input: GrantAccessInput, @Ctx() ctx: GraphQLContext) {
    return ctx.services.grants.grant(actorOf(ctx), input);
  }

  @Mutation(() => Boolean)
  revokeSecretAccess(@Arg('grantId', () => ID) grantId: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.grants.revoke(actorOf(ctx), grantId);
  }
}

@Resolver(() => Secret)
export class SecretAccessFields {
  @FieldResolver(() => [AccessGrant])
  accessGrants(@Root() secret: SecretRow, @Ctx() ctx: GraphQLContext) {
    return ctx.services.grants.listForSecret(actorOf(ctx), secret);
  }

  @FieldResolver(() => [EffectiveAccess], { description: 'Who can do what with this secret, and through which path (GRANT permission or admin).' })
  effectiveAccess(@Root() secret: SecretRow, @Ctx() ctx: GraphQLContext) {
    return ctx.services.grants.effectiveAccess(actorOf(ctx), secret);
  }
}

@Resolver(() => AccessGrant)
export class AccessGrantFields {
  @FieldResolver(() => UserRef, { nullable: true })
  grantedBy(@Root() grant: AccessGrantRow) {
    return { id: grant.grantedBy };
  }
}
