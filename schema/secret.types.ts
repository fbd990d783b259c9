// Output types for secrets, their values, versions and connections. The Secret class mirrors the stored
// row; computed and sensitive fields are field resolvers in resolvers/secret.fields.ts.
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, JSONScalar } from './scalars.js';
import { RotationStrategyEnum, SecretScopeEnum, SecretTypeEnum, StorageBackendEnum } from './enums.js';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'Secret metadata. Never carries the value; read it with Secret.value or resolveSecrets.' })
export class Secret {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => SecretTypeEnum)
  type!: string;

  @Field(() => SecretScopeEnum)
  scope!: string;

  @Field(() => StorageBackendEnum)
  storageBackend!: string;

  @Field(() => [String])
  tags!: string[];

  @Field(() => JSONScalar, { nullable: true })
  metadata!: unknown;

  @Field(() => Int)
  currentVersion!: number;

  @Field(() => DateTimeScalar, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => RotationStrategyEnum)
  rotationStrategy!: string;

  @Field(() => Int, { nullable: true })
  rotationIntervalDays!: number | null;

  @Field(() => DateTimeScalar, { nullable: true })
  lastRotatedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  nextRotationAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  deletedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  recoveryDeadline!: Date | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Last time the value was read (any version), by anyone.' })
  lastAccessedAt!: Date | null;

  @Field(() => [Int], { description: 'Days before expiresAt at which SECRET_EXPIRING_SOON fires; default [30, 14, 7, 1].' })
  expiryNotificationDays!: number[];

  // Row fields used by field resolvers, not exposed directly.
  organizationId!: string | null;
  teamId!: string | null;
  projectId!: string | null;
  ownerUserId!: string | null;
  createdBy!: string;
}

@ObjectType({ description: 'A decrypted value. `data` is the typed JSON object for the secret\'s type (see README: value shapes).' })
export class SecretValue {
  @Field(() => ID)
  secretId!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => SecretTypeEnum)
  type!: string;

  @Field(() => JSONScalar)
  data!: unknown;
}

@ObjectType()
export class SecretVersion {
  @Field(() => Int)
  version!: number;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => String, { nullable: true })
  changeReason!: string | null;

  @Field(() => Boolean)
  isCurrent!: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Set when an older version stays valid for a grace period after rotation.' })
  validUntil!: Date | null;

  createdBy!: string;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType()
export class SecretEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Secret)
  node!: Secret;
}

@ObjectType()
export class SecretConnection {
  @Field(() => [SecretEdge])
  edges!: SecretEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
