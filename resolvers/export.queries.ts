// exportSecrets: maps the input to the export service (permissions, reads, audit and event live there).
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { ExportInput, ExportResult } from '../schema/export.types.js';
import { actorOf, type GraphQLContext } from './context.js';

@Resolver()
export class ExportQueries {
  @Query(() => ExportResult)
  exportSecrets(@Arg('input', () => ExportInput) input: ExportInput, @Ctx() ctx: GraphQLContext) {
    return ctx.services.exports.exportSecrets(actorOf(ctx), input);
  }
}
