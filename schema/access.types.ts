// Types of the access model: grants, effective access, service accounts, batch runtime resolution.
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { GranteeType } from '../services/access/grants.js';
import type { SecretPermission } from '../services/access/permissions.js';
import { GranteeTypeEnum, SecretPermissionEnum } from './enums.js';
import { DateTimeScalar } from './scalars.js';
import { SecretValue } from './secret.types.js';

@ObjectType()
export class AccessGrant {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  secretId!: string;

  @Field(() => GranteeTypeEnum)
  granteeType!: string;

  @Field(() => String)
  granteeId!: string;

  @Field(() => [SecretPermissionEnum])
  permissions!: string[];

  @Field(() => DateTimeScalar, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  grantedBy!: string;
}

@InputType()
export class GrantAccessInput {
  @Field(() => ID)
  secretId!: string;

  @Field(() => GranteeTypeEnum)
  granteeType!: GranteeType;

  @Field(() => String)
  granteeId!: string;

  @Field(() => [SecretPermissionEnum])
  permissions!: SecretPermission[];

  @Field(() => DateTimeScalar, { nullable: true })
  expiresAt?: Date;
}

@ObjectType({ description: "One principal's access to a secret and the path that gives it, e.g. 'grant:<id>', 'scope:ORG_ADMIN@org-1', 'role:SUPER_ADMIN'." })
export class EffectiveAccess {
  @Field(() => GranteeTypeEnum)
  principalType!: string;

  @Field(() => String)
  principalId!: string;

  @Field(() => [SecretPermissionEnum])
  permissions!: string[];

  @Field(() => String)
  via!: string;
}

@ObjectType()
export class ServiceAccount {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ID, { nullable: true })
  organizationId!: string | null;

  @Field(() => [String])
  permissions!: string[];

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  lastUsedAt!: Date | null;
}

@ObjectType()
export class ServiceAccountToken {
  @Field(() => ServiceAccount)
  serviceAccount!: ServiceAccount;

  @Field(() => String, { description: 'Shown once.' })
  token!: string;
}

@InputType()
export class CreateServiceAccountInput {
  @Field(() => String)
  name!: string;

  @Field(() => ID, { nullable: true })
  organizationId?: string;

  @Field(() => [String])
  permissions!: string[];
}

@InputType({ description: "A reference resolvable at runtime: a secret id, or 'scope/ownerId/name' e.g. 'ORGANIZATION/org-1/stripe-key'." })
export class SecretRefInput {
  @Field(() => String)
  ref!: string;

  @Field(() => Int, { nullable: true })
  version?: number;
}

@ObjectType()
export class SecretErrorInfo {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType()
export class ResolvedSecret {
  @Field(() => String)
  ref!: string;

  @Field(() => SecretValue, { nullable: true })
  value!: SecretValue | null;

  @Field(() => SecretErrorInfo, { nullable: true })
  error!: SecretErrorInfo | null;
}
