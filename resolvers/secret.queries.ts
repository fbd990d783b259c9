// Queries over secrets.
import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { ResolvedSecret, SecretRefInput } from '../schema/access.types.js';
import { SecretConnectionArgs } from '../schema/secret.args.js';
import { Secret, SecretConnection } from '../schema/secret.types.js';
import { actorOf, type GraphQLContext } from './context.js';
import { toConnection } from './connection.js';

@Resolver()
export class SecretQueries {
  @Query(() => Secret, { nullable: true })
  async secret(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return (await ctx.loaders.secretById.load(id)) ?? null;
  }

  @Query(() => [ResolvedSecret], { description: 'Batch runtime resolution (dataloader-batched, cached); one audit entry per secret read.' })
  resolveSecrets(@Arg('refs', () => [SecretRefInput]) refs: SecretRefInput[], @Ctx() ctx: GraphQLContext) {
    return ctx.services.resolver.resolve(actorOf(ctx), refs);
  }

  @Query(() => SecretConnection)
  async secrets(@Args(() => SecretConnectionArgs) args: SecretConnectionArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await ctx.services.secrets.list(actorOf(ctx), args));
  }
}
