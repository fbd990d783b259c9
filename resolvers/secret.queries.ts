// Queries over secrets.
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
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
