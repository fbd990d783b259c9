// Encryption key administration.
import { Ctx, Mutation, Resolver } from 'type-graphql';
import { actorOf, type GraphQLContext } from './context.js';

@Resolver()
export class KeyMutations {
  @Mutation(() => Boolean, {
    description: 'Super admin: start a new data-encryption key; old keys stay decrypt-only until re-encryption finishes.',
  })
  async rotateEncryptionKey(@Ctx() ctx: GraphQLContext) {
    await ctx.services.encryptionKeys.rotate(actorOf(ctx));
    return true;
  }
}
