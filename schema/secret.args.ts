// The arguments every secret connection takes (Query.secrets and the entity connections).
import { ArgsType, Field, Int } from 'type-graphql';
import { SecretFilter } from './secret.inputs.js';

@ArgsType()
export class SecretConnectionArgs {
  @Field(() => SecretFilter, { nullable: true })
  filter?: SecretFilter;

  @Field(() => Int, { nullable: true, defaultValue: 50 })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string;
}
