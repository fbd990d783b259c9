// The event type GraphQL subscriptions deliver (the contract's SecretEvent).
import { Field, ID, ObjectType } from 'type-graphql';
import { ActorTypeEnum, CriticalityEnum, SecretEventTypeEnum } from './enums.js';
import { DateTimeScalar, JSONScalar } from './scalars.js';

@ObjectType({ description: 'A committed secret event, as subscriptions deliver it.' })
export class SecretEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => SecretEventTypeEnum)
  type!: string;

  @Field(() => DateTimeScalar)
  occurredAt!: Date;

  @Field(() => ID, { nullable: true })
  organizationId!: string | null;

  @Field(() => ID, { nullable: true })
  secretId!: string | null;

  @Field(() => String, { nullable: true })
  secretName!: string | null;

  @Field(() => String, { nullable: true })
  actorId!: string | null;

  @Field(() => ActorTypeEnum)
  actorType!: string;

  @Field(() => CriticalityEnum)
  criticality!: string;

  @Field(() => JSONScalar, { nullable: true, description: 'Event data; never contains secret values.' })
  data!: unknown;
}
