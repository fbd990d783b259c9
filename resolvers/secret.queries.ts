// Queries over secrets.
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { ResolvedSecret, SecretRefInput } from '../schema/access.types.js';
import { SecretFilter } from '../schema/secret.inputs.js';
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
  async secrets(
    @Arg('filter', () => SecretFilter, { nullable: true }) filter: SecretFilter | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | undefined,
    @Ctx() ctx: GraphQLContext,
  ) {
    return toConnection(await ctx.services.secrets.list(actorOf(ctx), { filter, first, after }));
  }
}
