// Fields this subgraph adds to the gateway's User, Organization, Team and Project entities.
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { OrganizationRef, ProjectRef, TeamRef, UserRef } from '../schema/entities.js';
import { SecretFilter } from '../schema/secret.inputs.js';
import { SecretConnection } from '../schema/secret.types.js';
import type { SecretFilterInput } from '../services/secret-filter.js';
import { toConnection } from './connection.js';
import { actorOf, type GraphQLContext } from './context.js';

async function secretsWithin(ctx: GraphQLContext, within: SecretFilterInput, filter: SecretFilter | undefined, first: number, after?: string) {
  return toConnection(await ctx.services.secrets.list(actorOf(ctx), { filter, first, after, within }));
}

@Resolver(() => OrganizationRef)
export class OrganizationFields {
  @FieldResolver(() => SecretConnection, { description: 'Secrets of this organization, its teams and projects.' })
  secrets(
    @Root() org: OrganizationRef,
    @Arg('filter', () => SecretFilter, { nullable: true }) filter: SecretFilter | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | undefined,
    @Ctx() ctx: GraphQLContext,
  ) {
    return secretsWithin(ctx, { organizationId: org.id }, filter, first, after);
  }
}

@Resolver(() => TeamRef)
export class TeamFields {
  @FieldResolver(() => SecretConnection, { description: 'Secrets of this team and of projects placed under it.' })
  secrets(
    @Root() team: TeamRef,
    @Arg('filter', () => SecretFilter, { nullable: true }) filter: SecretFilter | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | undefined,
    @Ctx() ctx: GraphQLContext,
  ) {
    return secretsWithin(ctx, { teamId: team.id }, filter, first, after);
  }
}

@Resolver(() => ProjectRef)
export class ProjectFields {
  @FieldResolver(() => SecretConnection)
  secrets(
    @Root() project: ProjectRef,
    @Arg('filter', () => SecretFilter, { nullable: true }) filter: SecretFilter | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | undefined,
    @Ctx() ctx: GraphQLContext,
  ) {
    return secretsWithin(ctx, { projectId: project.id }, filter, first, after);
  }
}

@Resolver(() => UserRef)
export class UserFields {
  @FieldResolver(() => SecretConnection, {
    description: 'Secrets with USER scope owned by this user (only visible to the user and super admins).',
  })
  personalSecrets(
    @Root() user: UserRef,
    @Arg('filter', () => SecretFilter, { nullable: true }) filter: SecretFilter | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | undefined,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.secrets.listPersonal(actorOf(ctx), user.id, { filter, first, after }).then(toConnection);
  }

  @FieldResolver(() => SecretConnection, { description: 'Secrets this user may read through scope membership or grants.' })
  accessibleSecrets(
    @Root() user: UserRef,
    @Arg('filter', () => SecretFilter, { nullable: true }) filter: SecretFilter | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | undefined,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.secrets.listAccessible(actorOf(ctx), user.id, { filter, first, after }).then(toConnection);
  }
}
