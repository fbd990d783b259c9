// Fields this subgraph adds to the gateway's User, Organization, Team and Project entities.
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { OrganizationRef, ProjectRef, TeamRef, UserRef } from '../schema/entities.js';
import { SecretConnectionArgs } from '../schema/secret.args.js';
import { SecretConnection } from '../schema/secret.types.js';
import type { SecretFilterInput } from '../services/secret-filter.js';
import { toConnection } from './connection.js';
import { actorOf, type GraphQLContext } from './context.js';

async function secretsWithin(ctx: GraphQLContext, within: SecretFilterInput, args: SecretConnectionArgs) {
  return toConnection(await ctx.services.secrets.list(actorOf(ctx), { ...args, within }));
}

@Resolver(() => OrganizationRef)
export class OrganizationFields {
  @FieldResolver(() => SecretConnection, { description: 'Secrets of this organization, its teams and projects.' })
  secrets(@Root() org: OrganizationRef, @Args(() => SecretConnectionArgs) args: SecretConnectionArgs, @Ctx() ctx: GraphQLContext) {
    return secretsWithin(ctx, { organizationId: org.id }, args);
  }
}

@Resolver(() => TeamRef)
export class TeamFields {
  @FieldResolver(() => SecretConnection, { description: 'Secrets placed in this team (TEAM scope, and PROJECT secrets that name it).' })
  secrets(@Root() team: TeamRef, @Args(() => SecretConnectionArgs) args: SecretConnectionArgs, @Ctx() ctx: GraphQLContext) {
    return secretsWithin(ctx, { teamId: team.id }, args);
  }
}

@Resolver(() => ProjectRef)
export class ProjectFields {
  @FieldResolver(() => SecretConnection)
  secrets(@Root() project: ProjectRef, @Args(() => SecretConnectionArgs) args: SecretConnectionArgs, @Ctx() ctx: GraphQLContext) {
    return secretsWithin(ctx, { projectId: project.id }, args);
  }
}

@Resolver(() => UserRef)
export class UserFields {
  @FieldResolver(() => SecretConnection, {
    description: 'Secrets with USER scope owned by this user (only visible to the user and super admins).',
  })
  async personalSecrets(@Root() user: UserRef, @Args(() => SecretConnectionArgs) args: SecretConnectionArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await ctx.services.secrets.listPersonal(actorOf(ctx), user.id, args));
  }

  @FieldResolver(() => SecretConnection, { description: 'Secrets this user may read through scope membership or grants.' })
  async accessibleSecrets(@Root() user: UserRef, @Args(() => SecretConnectionArgs) args: SecretConnectionArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await ctx.services.secrets.listAccessible(actorOf(ctx), user.id, args));
  }
}
