// Entities owned by other subgraphs (the gateway's users/organizations service). This subgraph only knows
// their ids and adds fields (see resolvers/entity.fields.ts).
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType('User')
export class UserRef {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Organization')
export class OrganizationRef {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Team')
export class TeamRef {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Project')
export class ProjectRef {
  @Field(() => ID)
  id!: string;
}

export const ENTITY_REFS = [UserRef, OrganizationRef, TeamRef, ProjectRef];
