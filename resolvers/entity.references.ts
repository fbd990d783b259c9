// Federation reference resolvers (`_entities`): a Secret reference resolves only if the caller may see it;
// extension entities are just their id.
import type { GraphQLContext } from './context.js';

export const EntityFields = {
  Secret: {
    __resolveReference: async (reference: { id: string }, ctx: GraphQLContext) =>
      (await ctx.loaders.secretById.load(reference.id)) ?? null,
  },
  User: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
  Organization: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
  Team: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
  Project: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
};
