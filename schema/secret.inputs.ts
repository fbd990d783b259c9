// Input types for secret queries and mutations (names and defaults from the contract).
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateTimeScalar, JSONScalar } from './scalars.js';
import { RotationStrategyEnum, SecretScopeEnum, SecretStatusEnum, SecretTypeEnum, StorageBackendEnum } from './enums.js';
import type { RotationStrategy } from '../services/secret-input.js';
import type { SecretScope } from '../services/scope.js';
import type { SecretType } from '../services/secret-types/index.js';
import type { SecretStatus } from '../services/status.js';

@InputType()
export class SecretFilter {
  @Field(() => SecretScopeEnum, { nullable: true })
  scope?: SecretScope;

  @Field(() => [SecretTypeEnum], { nullable: true })
  types?: SecretType[];

  @Field(() => [String], { nullable: true, description: 'Secrets carrying all of these tags.' })
  tags?: string[];

  @Field(() => String, { nullable: true, description: 'Case-insensitive match on name and description.' })
  search?: string;

  @Field(() => SecretStatusEnum, { nullable: true })
  status?: SecretStatus;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  includeDeleted?: boolean;

  @Field(() => ID, { nullable: true })
  organizationId?: string;

  @Field(() => ID, { nullable: true })
  teamId?: string;

  @Field(() => ID, { nullable: true })
  projectId?: string;

  @Field(() => ID, { nullable: true, description: 'Owner of USER-scope secrets.' })
  ownerId?: string;
}

@InputType()
export class CreateSecretInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => SecretTypeEnum)
  type!: SecretType;

  @Field(() => SecretScopeEnum)
  scope!: SecretScope;

  @Field(() => ID, { nullable: true })
  organizationId?: string;

  @Field(() => ID, { nullable: true })
  teamId?: string;

  @Field(() => ID, { nullable: true })
  projectId?: string;

  @Field(() => JSONScalar, { description: "Typed value object; validated against the type's shape." })
  value!: unknown;

  @Field(() => [String], { nullable: true })
  tags?: string[];

  @Field(() => JSONScalar, { nullable: true })
  metadata?: Record<string, unknown>;

  @Field(() => DateTimeScalar, { nullable: true })
  expiresAt?: Date;

  @Field(() => RotationStrategyEnum, { nullable: true, defaultValue: 'MANUAL' })
  rotationStrategy?: RotationStrategy;

  @Field(() => Int, { nullable: true })
  rotationIntervalDays?: number;

  @Field(() => [Int], { nullable: true })
  expiryNotificationDays?: number[];

  @Field(() => StorageBackendEnum, { nullable: true })
  storageBackend?: string;

  @Field(() => ID, { nullable: true })
  vaultId?: string;
}

@InputType()
export class UpdateSecretInput {
  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;

  @Field(() => JSONScalar, { nullable: true })
  metadata?: Record<string, unknown> | null;

  @Field(() => DateTimeScalar, { nullable: true })
  expiresAt?: Date | null;

  @Field(() => RotationStrategyEnum, { nullable: true })
  rotationStrategy?: RotationStrategy | null;

  @Field(() => Int, { nullable: true })
  rotationIntervalDays?: number | null;

  @Field(() => [Int], { nullable: true })
  expiryNotificationDays?: number[] | null;
}

@InputType()
export class MoveSecretInput {
  @Field(() => SecretScopeEnum)
  scope!: SecretScope;

  @Field(() => ID, { nullable: true })
  organizationId?: string;

  @Field(() => ID, { nullable: true })
  teamId?: string;

  @Field(() => ID, { nullable: true })
  projectId?: string;

  @Field(() => ID, { nullable: true })
  ownerId?: string;

  @Field(() => String, { nullable: true })
  newName?: string;
}
