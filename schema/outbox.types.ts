// Types of the event outbox view (super admins): one row per event with its delivery state.
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CriticalityEnum, OutboxEventStatusEnum, SecretEventTypeEnum } from './enums.js';
import { DateTimeScalar, JSONScalar } from './scalars.js';
import { PageInfo } from './secret.types.js';

@ObjectType({ description: 'An event in the transactional outbox and its delivery to RabbitMQ.' })
export class OutboxEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => SecretEventTypeEnum)
  type!: string;

  @Field(() => String, { description: 'The RabbitMQ routing key it is published with.' })
  routingKey!: string;

  @Field(() => CriticalityEnum)
  criticality!: string;

  @Field(() => ID, { nullable: true })
  organizationId!: string | null;

  @Field(() => OutboxEventStatusEnum, { description: 'PENDING: not tried yet; FAILED: tried and still unpublished; PUBLISHED: confirmed by the broker.' })
  status!: string;

  @Field(() => Int, { description: 'Publish attempts so far.' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'Sanitized error of the last failed attempt.' })
  lastError!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  lastAttemptAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => JSONScalar, { description: 'The message body sent to RabbitMQ (never a secret value).' })
  payload!: unknown;
}

@ObjectType()
export class OutboxEventEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => OutboxEvent)
  node!: OutboxEvent;
}

@ObjectType()
export class OutboxEventConnection {
  @Field(() => [OutboxEventEdge])
  edges!: OutboxEventEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
