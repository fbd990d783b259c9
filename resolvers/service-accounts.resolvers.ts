// Service accounts: create (token shown once), revoke, list.
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { CreateServiceAccountInput, ServiceAccount, ServiceAccountToken } from '../schema/access.types.js';
import { actorOf, type GraphQLContext } from './context.js';

@Resolver()
export class ServiceAccountResolvers {
  @Query(() => [ServiceAccount])
  serviceAccounts(@Arg('organizationId', () => ID, { nullable: true }) organizationId: string | undefined, @Ctx() ctx: GraphQLContext) {
    return ctx.services.serviceAccounts.list(actorOf(ctx), organizationId);
  }

  @Mutation(() => ServiceAccountToken)
  createServiceAccount(@Arg('input', () => CreateServiceAccountInput) input: CreateServiceAccountInput, @Ctx() ctx: GraphQLContext) {
    return ctx.services.serviceAccounts.create(actorOf(ctx), input);
  }

  @Mutation(() => Boolean)
  revokeServiceAccount(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.serviceAccounts.revoke(actorOf(ctx), id);
  }
}
