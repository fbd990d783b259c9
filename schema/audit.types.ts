// GraphQL types of the audit trail, chain verification, compliance report, secret usage and statistics
// (names from the contract; extra fields are additions). Field resolvers live in resolvers/audit.*.ts.
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { AuditOutcome } from '../services/audit/event-types.js';
import { ActorTypeEnum, AuditCategoryEnum, AuditOutcomeEnum, CriticalityEnum } from './enums.js';
import { DateTimeScalar, JSONScalar } from './scalars.js';
import { PageInfo } from './secret.types.js';

@ObjectType({ description: 'One entry of the append-only, hash-chained audit trail. Details never contain secret values.' })
export class AuditLog {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  sequence!: number;

  @Field(() => String)
  eventType!: string;

  @Field(() => AuditCategoryEnum)
  category!: string;

  @Field(() => AuditOutcomeEnum)
  outcome!: string;

  @Field(() => String)
  actorId!: string;

  @Field(() => ActorTypeEnum)
  actorType!: string;

  @Field(() => ID, { nullable: true })
  secretId!: string | null;

  @Field(() => ID, { nullable: true })
  organizationId!: string | null;

  @Field(() => JSONScalar, { nullable: true, description: 'Sanitized facts; value-like strings are replaced by `hmac-sha256:<hex>`.' })
  details!: unknown;

  @Field(() => String, { nullable: true })
  ipAddress!: string | null;

  @Field(() => String, { nullable: true })
  userAgent!: string | null;

  @Field(() => String, { nullable: true })
  requestId!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => String, {
    description:
      'Hash chaining this entry to the previous one (tamper evidence). Until the sealer links the entry (normally within a second of commit) it is `unsealed:<sha256 of the content>`.',
  })
  hash!: string;

  @Field(() => String, { nullable: true })
  previousHash!: string | null;

  @Field(() => Boolean, { description: 'Linked into the hash chain yet.' })
  sealed!: boolean;
}

@ObjectType()
export class AuditLogEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => AuditLog)
  node!: AuditLog;
}

@ObjectType()
export class AuditLogConnection {
  @Field(() => [AuditLogEdge])
  edges!: AuditLogEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@InputType()
export class AuditFilter {
  @Field(() => ID, { nullable: true })
  secretId?: string;

  @Field(() => [String], { nullable: true })
  eventTypes?: string[];

  @Field(() => String, { nullable: true })
  actorId?: string;

  @Field(() => AuditOutcomeEnum, { nullable: true })
  outcome?: AuditOutcome;

  @Field(() => DateTimeScalar, { nullable: true })
  from?: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  to?: Date;
}

@ObjectType()
export class AuditChainVerification {
  @Field(() => Boolean)
  valid!: boolean;

  @Field(() => Int, { description: 'Sealed entries verified.' })
  checked!: number;

  @Field(() => Int, { nullable: true, description: 'Lowest sequence at which an entry was changed, inserted or deleted.' })
  firstBrokenSequence!: number | null;

  @Field(() => Int, { nullable: true, description: 'Newest sealed entry according to the sealer.' })
  sealedThroughSequence!: number | null;

  @Field(() => String, { nullable: true, description: 'Hash of the newest sealed entry; record it elsewhere to detect a rewritten chain.' })
  headHash!: string | null;

  @Field(() => Int, { description: 'Entries not yet linked into the chain.' })
  unsealed!: number;

  @Field(() => Int, { nullable: true })
  oldestUnsealedSequence!: number | null;

  @Field(() => DateTimeScalar, { nullable: true })
  oldestUnsealedAt!: Date | null;

  @Field(() => Boolean, { description: 'An entry has stayed unsealed for more than 10 seconds (a finding: is the sealer running?).' })
  unsealedStale!: boolean;
}

@ObjectType()
export class ComplianceFinding {
  @Field(() => String)
  code!: string;

  @Field(() => CriticalityEnum)
  severity!: string;

  @Field(() => ID, { nullable: true })
  secretId!: string | null;

  @Field(() => String, { nullable: true })
  secretName!: string | null;

  @Field(() => String)
  message!: string;

  @Field(() => JSONScalar, { nullable: true, description: 'Structured facts behind the finding (dates, counts, actor).' })
  details!: unknown;
}

@ObjectType()
export class ComplianceReport {
  @Field(() => ID, { nullable: true })
  organizationId!: string | null;

  @Field(() => DateTimeScalar)
  periodStart!: Date;

  @Field(() => DateTimeScalar)
  periodEnd!: Date;

  @Field(() => DateTimeScalar)
  generatedAt!: Date;

  @Field(() => JSONScalar)
  summary!: unknown;

  @Field(() => [ComplianceFinding])
  findings!: ComplianceFinding[];

  @Field(() => String, { description: 'The whole report as one JSON document, for download and archiving.' })
  json!: string;
}

@ObjectType()
export class SecretUsage {
  @Field(() => DateTimeScalar)
  accessedAt!: Date;

  @Field(() => String)
  actorId!: string;

  @Field(() => ActorTypeEnum)
  actorType!: string;

  @Field(() => String, { description: 'How the value was read: `value` (Secret.value), `resolveSecrets` or `exportSecrets`.' })
  operation!: string;
}

@ObjectType()
export class SecretStats {
  @Field(() => Int, { description: 'Live (not deleted) secrets.' })
  total!: number;

  @Field(() => JSONScalar, { description: 'Live secrets per type, every type listed.' })
  byType!: unknown;

  @Field(() => JSONScalar, { description: 'Live secrets per scope, every scope listed.' })
  byScope!: unknown;

  @Field(() => Int)
  expiringWithin30Days!: number;

  @Field(() => Int)
  expired!: number;

  @Field(() => Int)
  rotationDue!: number;

  @Field(() => Int)
  deleted!: number;
}
