/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
};

export type AccessGrant = {
  __typename?: 'AccessGrant';
  createdAt: Scalars['DateTime']['output'];
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  grantedBy?: Maybe<User>;
  granteeId: Scalars['String']['output'];
  granteeType: GranteeType;
  id: Scalars['ID']['output'];
  permissions: Array<SecretPermission>;
  secretId: Scalars['ID']['output'];
};

export type ActorType =
  | 'SERVICE'
  | 'SYSTEM'
  | 'USER';

export type AuditCategory =
  | 'ACCESS'
  | 'ADMINISTRATION'
  | 'LIFECYCLE'
  | 'MODIFICATION'
  | 'SECURITY';

export type AuditChainVerification = {
  __typename?: 'AuditChainVerification';
  /** Sealed entries verified. */
  checked: Scalars['Int']['output'];
  /** Lowest sequence at which an entry was changed, inserted or deleted. */
  firstBrokenSequence?: Maybe<Scalars['Int']['output']>;
  /** Hash of the newest sealed entry; record it elsewhere to detect a rewritten chain. */
  headHash?: Maybe<Scalars['String']['output']>;
  oldestUnsealedAt?: Maybe<Scalars['DateTime']['output']>;
  oldestUnsealedSequence?: Maybe<Scalars['Int']['output']>;
  /** Newest sealed entry according to the sealer. */
  sealedThroughSequence?: Maybe<Scalars['Int']['output']>;
  /** Entries not yet linked into the chain. */
  unsealed: Scalars['Int']['output'];
  /** An entry has stayed unsealed for more than 10 seconds (a finding: is the sealer running?). */
  unsealedStale: Scalars['Boolean']['output'];
  valid: Scalars['Boolean']['output'];
};

export type AuditFilter = {
  actorId?: InputMaybe<Scalars['String']['input']>;
  eventTypes?: InputMaybe<Array<Scalars['String']['input']>>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  outcome?: InputMaybe<AuditOutcome>;
  secretId?: InputMaybe<Scalars['ID']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** One entry of the append-only, hash-chained audit trail. Details never contain secret values. */
export type AuditLog = {
  __typename?: 'AuditLog';
  actorId: Scalars['String']['output'];
  actorType: ActorType;
  category: AuditCategory;
  createdAt: Scalars['DateTime']['output'];
  /** Sanitized facts; value-like strings are replaced by `hmac-sha256:<hex>`. */
  details?: Maybe<Scalars['JSON']['output']>;
  eventType: Scalars['String']['output'];
  /** Hash chaining this entry to the previous one (tamper evidence). Until the sealer links the entry (normally within a second of commit) it is `unsealed:<sha256 of the content>`. */
  hash: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  ipAddress?: Maybe<Scalars['String']['output']>;
  organizationId?: Maybe<Scalars['ID']['output']>;
  outcome: AuditOutcome;
  previousHash?: Maybe<Scalars['String']['output']>;
  requestId?: Maybe<Scalars['String']['output']>;
  /** Linked into the hash chain yet. */
  sealed: Scalars['Boolean']['output'];
  secretId?: Maybe<Scalars['ID']['output']>;
  sequence: Scalars['Int']['output'];
  userAgent?: Maybe<Scalars['String']['output']>;
};

export type AuditLogConnection = {
  __typename?: 'AuditLogConnection';
  edges: Array<AuditLogEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type AuditLogEdge = {
  __typename?: 'AuditLogEdge';
  cursor: Scalars['String']['output'];
  node: AuditLog;
};

export type AuditOutcome =
  | 'DENIED'
  | 'FAILURE'
  | 'SUCCESS';

export type ComplianceFinding = {
  __typename?: 'ComplianceFinding';
  code: Scalars['String']['output'];
  /** Structured facts behind the finding (dates, counts, actor). */
  details?: Maybe<Scalars['JSON']['output']>;
  message: Scalars['String']['output'];
  secretId?: Maybe<Scalars['ID']['output']>;
  secretName?: Maybe<Scalars['String']['output']>;
  severity: Criticality;
};

export type ComplianceReport = {
  __typename?: 'ComplianceReport';
  findings: Array<ComplianceFinding>;
  generatedAt: Scalars['DateTime']['output'];
  /** The whole report as one JSON document, for download and archiving. */
  json: Scalars['String']['output'];
  organizationId?: Maybe<Scalars['ID']['output']>;
  periodEnd: Scalars['DateTime']['output'];
  periodStart: Scalars['DateTime']['output'];
  summary: Scalars['JSON']['output'];
};

export type CreateSecretInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  expiryNotificationDays?: InputMaybe<Array<Scalars['Int']['input']>>;
  metadata?: InputMaybe<Scalars['JSON']['input']>;
  name: Scalars['String']['input'];
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  projectId?: InputMaybe<Scalars['ID']['input']>;
  rotationIntervalDays?: InputMaybe<Scalars['Int']['input']>;
  rotationStrategy?: InputMaybe<RotationStrategy>;
  scope: SecretScope;
  storageBackend?: InputMaybe<StorageBackend>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  teamId?: InputMaybe<Scalars['ID']['input']>;
  type: SecretType;
  /** Typed value object; validated against the type's shape. */
  value: Scalars['JSON']['input'];
  vaultId?: InputMaybe<Scalars['ID']['input']>;
};

export type CreateServiceAccountInput = {
  name: Scalars['String']['input'];
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  permissions: Array<Scalars['String']['input']>;
};

export type Criticality =
  | 'CRITICAL'
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

/** One principal's access to a secret and the path that gives it, e.g. 'grant:<id>', 'scope:ORG_ADMIN@org-1', 'role:SUPER_ADMIN'. */
export type EffectiveAccess = {
  __typename?: 'EffectiveAccess';
  permissions: Array<SecretPermission>;
  principalId: Scalars['String']['output'];
  principalType: GranteeType;
  via: Scalars['String']['output'];
};

export type ExportFormat =
  | 'ENV'
  | 'JSON';

export type ExportInput = {
  filter?: InputMaybe<SecretFilter>;
  format: ExportFormat;
  includeValues?: InputMaybe<Scalars['Boolean']['input']>;
};

export type ExportResult = {
  __typename?: 'ExportResult';
  content: Scalars['String']['output'];
  count: Scalars['Int']['output'];
  format: ExportFormat;
  includesValues: Scalars['Boolean']['output'];
};

export type GrantAccessInput = {
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  granteeId: Scalars['String']['input'];
  granteeType: GranteeType;
  permissions: Array<SecretPermission>;
  secretId: Scalars['ID']['input'];
};

export type GranteeType =
  | 'ROLE'
  | 'TEAM'
  | 'USER';

export type MoveSecretInput = {
  newName?: InputMaybe<Scalars['String']['input']>;
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  projectId?: InputMaybe<Scalars['ID']['input']>;
  scope: SecretScope;
  teamId?: InputMaybe<Scalars['ID']['input']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  createSecret: Secret;
  createServiceAccount: ServiceAccountToken;
  deleteSecret: Secret;
  grantSecretAccess: AccessGrant;
  /** Moves a secret to another scope/owner server-side; the value is never exposed. */
  moveSecret: Secret;
  purgeSecret: Scalars['Boolean']['output'];
  restoreSecret: Secret;
  revokeSecretAccess: Scalars['Boolean']['output'];
  revokeServiceAccount: Scalars['Boolean']['output'];
  rollbackSecret: Secret;
  /** Super admin: start a new data-encryption key; old keys stay decrypt-only until re-encryption finishes. */
  rotateEncryptionKey: Scalars['Boolean']['output'];
  /** New value, or omit it to let an AUTOMATIC rotation handler generate one. gracePeriodHours keeps the old version valid. */
  rotateSecret: Secret;
  updateSecret: Secret;
  /** Writes a new version. expectedVersion gives check-and-set semantics. */
  updateSecretValue: Secret;
};


export type MutationCreateSecretArgs = {
  input: CreateSecretInput;
};


export type MutationCreateServiceAccountArgs = {
  input: CreateServiceAccountInput;
};


export type MutationDeleteSecretArgs = {
  id: Scalars['ID']['input'];
};


export type MutationGrantSecretAccessArgs = {
  input: GrantAccessInput;
};


export type MutationMoveSecretArgs = {
  id: Scalars['ID']['input'];
  input: MoveSecretInput;
};


export type MutationPurgeSecretArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRestoreSecretArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeSecretAccessArgs = {
  grantId: Scalars['ID']['input'];
};


export type MutationRevokeServiceAccountArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRollbackSecretArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


export type MutationRotateSecretArgs = {
  gracePeriodHours?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  value?: InputMaybe<Scalars['JSON']['input']>;
};


export type MutationUpdateSecretArgs = {
  id: Scalars['ID']['input'];
  input: UpdateSecretInput;
};


export type MutationUpdateSecretValueArgs = {
  changeReason?: InputMaybe<Scalars['String']['input']>;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  value: Scalars['JSON']['input'];
};

export type Organization = {
  __typename?: 'Organization';
  id: Scalars['ID']['output'];
  /** This organization's audit entries, newest first. */
  secretAuditLog: AuditLogConnection;
  /** Counts over this organization's secrets that the caller may see. */
  secretStats: SecretStats;
  /** Secrets of this organization, its teams and projects. */
  secrets: SecretConnection;
};


export type OrganizationSecretAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type OrganizationSecretsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SecretFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** An event in the transactional outbox and its delivery to RabbitMQ. */
export type OutboxEvent = {
  __typename?: 'OutboxEvent';
  /** Publish attempts so far. */
  attempts: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  criticality: Criticality;
  id: Scalars['ID']['output'];
  lastAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** Sanitized error of the last failed attempt. */
  lastError?: Maybe<Scalars['String']['output']>;
  organizationId?: Maybe<Scalars['ID']['output']>;
  /** The message body sent to RabbitMQ (never a secret value). */
  payload: Scalars['JSON']['output'];
  publishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The RabbitMQ routing key it is published with. */
  routingKey: Scalars['String']['output'];
  /** PENDING: not tried yet; FAILED: tried and still unpublished; PUBLISHED: confirmed by the broker. */
  status: OutboxEventStatus;
  type: SecretEventType;
};

export type OutboxEventConnection = {
  __typename?: 'OutboxEventConnection';
  edges: Array<OutboxEventEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type OutboxEventEdge = {
  __typename?: 'OutboxEventEdge';
  cursor: Scalars['String']['output'];
  node: OutboxEvent;
};

export type OutboxEventStatus =
  | 'FAILED'
  | 'PENDING'
  | 'PUBLISHED';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Project = {
  __typename?: 'Project';
  id: Scalars['ID']['output'];
  secrets: SecretConnection;
};


export type ProjectSecretsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SecretFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Query = {
  __typename?: 'Query';
  auditLog?: Maybe<AuditLog>;
  /** Audit entries, newest first. Without organizationId: every organization the caller may audit (all for global readers). */
  auditLogs: AuditLogConnection;
  complianceReport: ComplianceReport;
  exportSecrets: ExportResult;
  /** Super admin: events of the transactional outbox, newest first; status FAILED is the dead-letter view. */
  outboxEvents: OutboxEventConnection;
  /** Batch runtime resolution (dataloader-batched, cached); one audit entry per secret read. */
  resolveSecrets: Array<ResolvedSecret>;
  secret?: Maybe<Secret>;
  secrets: SecretConnection;
  serviceAccounts: Array<ServiceAccount>;
  verifyAuditChain: AuditChainVerification;
};


export type QueryAuditLogArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAuditLogsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  organizationId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryComplianceReportArgs = {
  from: Scalars['DateTime']['input'];
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['DateTime']['input'];
};


export type QueryExportSecretsArgs = {
  input: ExportInput;
};


export type QueryOutboxEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<OutboxEventStatus>;
};


export type QueryResolveSecretsArgs = {
  refs: Array<SecretRefInput>;
};


export type QuerySecretArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySecretsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SecretFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryServiceAccountsArgs = {
  organizationId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryVerifyAuditChainArgs = {
  organizationId?: InputMaybe<Scalars['ID']['input']>;
};

export type ResolvedSecret = {
  __typename?: 'ResolvedSecret';
  error?: Maybe<SecretErrorInfo>;
  ref: Scalars['String']['output'];
  value?: Maybe<SecretValue>;
};

export type RotationStrategy =
  | 'AUTOMATIC'
  | 'MANUAL'
  | 'NOTIFY_ONLY';

/** Secret metadata. Never carries the value; read it with Secret.value or resolveSecrets. */
export type Secret = {
  __typename?: 'Secret';
  accessGrants: Array<AccessGrant>;
  createdAt: Scalars['DateTime']['output'];
  createdBy?: Maybe<User>;
  currentVersion: Scalars['Int']['output'];
  deletedAt?: Maybe<Scalars['DateTime']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  /** Who can do what with this secret, and through which path (GRANT permission or admin). */
  effectiveAccess: Array<EffectiveAccess>;
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Days before expiresAt at which SECRET_EXPIRING_SOON fires; default [30, 14, 7, 1]. */
  expiryNotificationDays: Array<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  /** Last time the value was read (any version), by anyone. */
  lastAccessedAt?: Maybe<Scalars['DateTime']['output']>;
  lastRotatedAt?: Maybe<Scalars['DateTime']['output']>;
  metadata?: Maybe<Scalars['JSON']['output']>;
  /** The caller's effective permissions on this secret. */
  myPermissions: Array<SecretPermission>;
  name: Scalars['String']['output'];
  nextRotationAt?: Maybe<Scalars['DateTime']['output']>;
  organization?: Maybe<Organization>;
  owner?: Maybe<User>;
  project?: Maybe<Project>;
  recoveryDeadline?: Maybe<Scalars['DateTime']['output']>;
  rotationIntervalDays?: Maybe<Scalars['Int']['output']>;
  rotationStrategy: RotationStrategy;
  scope: SecretScope;
  status: SecretStatus;
  storageBackend: StorageBackend;
  tags: Array<Scalars['String']['output']>;
  team?: Maybe<Team>;
  type: SecretType;
  updatedAt: Scalars['DateTime']['output'];
  /** Who read the value and how, newest first (GRANT holders and audit readers). */
  usage: Array<SecretUsage>;
  /** The decrypted value (READ permission; every call is audited). version defaults to current. */
  value: SecretValue;
  versions: Array<SecretVersion>;
};


/** Secret metadata. Never carries the value; read it with Secret.value or resolveSecrets. */
export type SecretUsageArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Secret metadata. Never carries the value; read it with Secret.value or resolveSecrets. */
export type SecretValueArgs = {
  version?: InputMaybe<Scalars['Int']['input']>;
};

export type SecretConnection = {
  __typename?: 'SecretConnection';
  edges: Array<SecretEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type SecretEdge = {
  __typename?: 'SecretEdge';
  cursor: Scalars['String']['output'];
  node: Secret;
};

export type SecretErrorInfo = {
  __typename?: 'SecretErrorInfo';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

/** A committed secret event, as subscriptions deliver it. */
export type SecretEvent = {
  __typename?: 'SecretEvent';
  actorId?: Maybe<Scalars['String']['output']>;
  actorType: ActorType;
  criticality: Criticality;
  /** Event data; never contains secret values. */
  data?: Maybe<Scalars['JSON']['output']>;
  id: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  organizationId?: Maybe<Scalars['ID']['output']>;
  secretId?: Maybe<Scalars['ID']['output']>;
  secretName?: Maybe<Scalars['String']['output']>;
  type: SecretEventType;
};

/** Event types; the RabbitMQ routing key is the lower-case dotted form, e.g. SECRET_EXPIRING_SOON -> secret.expiring_soon. */
export type SecretEventType =
  | 'SECRET_ACCESS_GRANTED'
  | 'SECRET_ACCESS_REVOKED'
  | 'SECRET_CERTIFICATE_EXPIRED'
  | 'SECRET_CERTIFICATE_EXPIRING'
  | 'SECRET_CREATED'
  | 'SECRET_DELETED'
  | 'SECRET_EXPIRED'
  | 'SECRET_EXPIRING_SOON'
  | 'SECRET_EXPORT_COMPLETED'
  | 'SECRET_IMPORT_COMPLETED'
  | 'SECRET_IMPORT_FAILED'
  | 'SECRET_IMPORT_STARTED'
  | 'SECRET_MIGRATION_COMPLETED'
  | 'SECRET_MIGRATION_FAILED'
  | 'SECRET_MIGRATION_STARTED'
  | 'SECRET_PERMANENTLY_DELETED'
  | 'SECRET_RESTORED'
  | 'SECRET_ROTATED'
  | 'SECRET_ROTATION_DUE'
  | 'SECRET_ROTATION_FAILED'
  | 'SECRET_UPDATED'
  | 'SECRET_VAULT_CONFIGURED'
  | 'SECRET_VAULT_HEALTH_CHECK_FAILED';

export type SecretFilter = {
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  /** Owner of USER-scope secrets. */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  projectId?: InputMaybe<Scalars['ID']['input']>;
  scope?: InputMaybe<SecretScope>;
  /** Case-insensitive match on name and description. */
  search?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<SecretStatus>;
  /** Secrets carrying all of these tags. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  teamId?: InputMaybe<Scalars['ID']['input']>;
  types?: InputMaybe<Array<SecretType>>;
};

export type SecretPermission =
  | 'DELETE'
  | 'GRANT'
  | 'READ'
  | 'UPDATE'
  | 'VIEW_METADATA';

/** A reference resolvable at runtime: a secret id, or 'scope/ownerId/name' e.g. 'ORGANIZATION/org-1/stripe-key'. */
export type SecretRefInput = {
  ref: Scalars['String']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
};

export type SecretScope =
  | 'GLOBAL'
  | 'ORGANIZATION'
  | 'PROJECT'
  | 'TEAM'
  | 'USER';

export type SecretStats = {
  __typename?: 'SecretStats';
  /** Live secrets per scope, every scope listed. */
  byScope: Scalars['JSON']['output'];
  /** Live secrets per type, every type listed. */
  byType: Scalars['JSON']['output'];
  deleted: Scalars['Int']['output'];
  expired: Scalars['Int']['output'];
  expiringWithin30Days: Scalars['Int']['output'];
  rotationDue: Scalars['Int']['output'];
  /** Live (not deleted) secrets. */
  total: Scalars['Int']['output'];
};

export type SecretStatus =
  | 'ACTIVE'
  | 'DELETED'
  | 'EXPIRED'
  | 'EXPIRING'
  | 'ROTATION_DUE';

export type SecretType =
  | 'API_KEY'
  | 'CERTIFICATE'
  | 'CONNECTION_STRING'
  | 'ENV_VARIABLE_SET'
  | 'GENERIC'
  | 'JSON_CREDENTIAL'
  | 'OAUTH2_TOKEN'
  | 'SSH_KEY'
  | 'USERNAME_PASSWORD';

export type SecretUsage = {
  __typename?: 'SecretUsage';
  accessedAt: Scalars['DateTime']['output'];
  actorId: Scalars['String']['output'];
  actorType: ActorType;
  /** How the value was read: `value` (Secret.value), `resolveSecrets` or `exportSecrets`. */
  operation: Scalars['String']['output'];
};

/** A decrypted value. `data` is the typed JSON object for the secret's type (see README: value shapes). */
export type SecretValue = {
  __typename?: 'SecretValue';
  data: Scalars['JSON']['output'];
  secretId: Scalars['ID']['output'];
  type: SecretType;
  version: Scalars['Int']['output'];
};

export type SecretVersion = {
  __typename?: 'SecretVersion';
  changeReason?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  createdBy?: Maybe<User>;
  isCurrent: Scalars['Boolean']['output'];
  /** Set when an older version stays valid for a grace period after rotation. */
  validUntil?: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
};

export type ServiceAccount = {
  __typename?: 'ServiceAccount';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  organizationId?: Maybe<Scalars['ID']['output']>;
  permissions: Array<Scalars['String']['output']>;
};

export type ServiceAccountToken = {
  __typename?: 'ServiceAccountToken';
  serviceAccount: ServiceAccount;
  /** Shown once. */
  token: Scalars['String']['output'];
};

export type StorageBackend =
  | 'AZURE_KEY_VAULT'
  | 'LOCAL_ENCRYPTED';

export type Subscription = {
  __typename?: 'Subscription';
  /** Every event the subscriber may see, optionally narrowed. */
  secretEvents: SecretEvent;
  /** Expiry notices: SECRET_EXPIRING_SOON, SECRET_EXPIRED and the certificate ones. */
  secretExpiring: SecretEvent;
  /** SECRET_ROTATED events. */
  secretRotated: SecretEvent;
};


export type SubscriptionSecretEventsArgs = {
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  types?: InputMaybe<Array<SecretEventType>>;
};


export type SubscriptionSecretExpiringArgs = {
  organizationId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionSecretRotatedArgs = {
  organizationId?: InputMaybe<Scalars['ID']['input']>;
};

export type Team = {
  __typename?: 'Team';
  id: Scalars['ID']['output'];
  /** Secrets placed in this team (TEAM scope, and PROJECT secrets that name it). */
  secrets: SecretConnection;
};


export type TeamSecretsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SecretFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type UpdateSecretInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  expiryNotificationDays?: InputMaybe<Array<Scalars['Int']['input']>>;
  metadata?: InputMaybe<Scalars['JSON']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  rotationIntervalDays?: InputMaybe<Scalars['Int']['input']>;
  rotationStrategy?: InputMaybe<RotationStrategy>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type User = {
  __typename?: 'User';
  /** Secrets this user may read through scope membership or grants. */
  accessibleSecrets: SecretConnection;
  id: Scalars['ID']['output'];
  /** Secrets with USER scope owned by this user (only visible to the user and super admins). */
  personalSecrets: SecretConnection;
};


export type UserAccessibleSecretsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SecretFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type UserPersonalSecretsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SecretFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type ResolveSecretsQueryVariables = Exact<{
  refs: Array<SecretRefInput> | SecretRefInput;
}>;


export type ResolveSecretsQuery = { __typename?: 'Query', resolveSecrets: Array<{ __typename?: 'ResolvedSecret', ref: string, value?: { __typename?: 'SecretValue', secretId: string, version: number, type: SecretType, data: unknown } | null, error?: { __typename?: 'SecretErrorInfo', code: string, message: string } | null }> };

export type RotateSecretMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  value?: InputMaybe<Scalars['JSON']['input']>;
  gracePeriodHours?: InputMaybe<Scalars['Int']['input']>;
}>;


export type RotateSecretMutation = { __typename?: 'Mutation', rotateSecret: { __typename?: 'Secret', id: string, currentVersion: number, lastRotatedAt?: string | null, nextRotationAt?: string | null } };

export type SecretAccessQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type SecretAccessQuery = { __typename?: 'Query', secret?: { __typename?: 'Secret', id: string, myPermissions: Array<SecretPermission>, accessGrants: Array<{ __typename?: 'AccessGrant', id: string, granteeType: GranteeType, granteeId: string, permissions: Array<SecretPermission>, expiresAt?: string | null, createdAt: string, grantedBy?: { __typename?: 'User', id: string } | null }>, effectiveAccess: Array<{ __typename?: 'EffectiveAccess', principalType: GranteeType, principalId: string, permissions: Array<SecretPermission>, via: string }> } | null };

export type GrantSecretAccessMutationVariables = Exact<{
  input: GrantAccessInput;
}>;


export type GrantSecretAccessMutation = { __typename?: 'Mutation', grantSecretAccess: { __typename?: 'AccessGrant', id: string, secretId: string, granteeType: GranteeType, granteeId: string, permissions: Array<SecretPermission>, expiresAt?: string | null } };

export type RevokeSecretAccessMutationVariables = Exact<{
  grantId: Scalars['ID']['input'];
}>;


export type RevokeSecretAccessMutation = { __typename?: 'Mutation', revokeSecretAccess: boolean };

export type ServiceAccountsQueryVariables = Exact<{
  organizationId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type ServiceAccountsQuery = { __typename?: 'Query', serviceAccounts: Array<{ __typename?: 'ServiceAccount', id: string, name: string, organizationId?: string | null, permissions: Array<string>, createdAt: string, lastUsedAt?: string | null }> };

export type CreateServiceAccountMutationVariables = Exact<{
  input: CreateServiceAccountInput;
}>;


export type CreateServiceAccountMutation = { __typename?: 'Mutation', createServiceAccount: { __typename?: 'ServiceAccountToken', token: string, serviceAccount: { __typename?: 'ServiceAccount', id: string, name: string, organizationId?: string | null, permissions: Array<string>, createdAt: string } } };

export type RevokeServiceAccountMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RevokeServiceAccountMutation = { __typename?: 'Mutation', revokeServiceAccount: boolean };

export type SecretEventFieldsFragment = { __typename?: 'SecretEvent', id: string, type: SecretEventType, occurredAt: string, organizationId?: string | null, secretId?: string | null, secretName?: string | null, actorId?: string | null, actorType: ActorType, criticality: Criticality, data?: unknown | null };

export type SecretEventsSubscriptionVariables = Exact<{
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  types?: InputMaybe<Array<SecretEventType> | SecretEventType>;
}>;


export type SecretEventsSubscription = { __typename?: 'Subscription', secretEvents: { __typename?: 'SecretEvent', id: string, type: SecretEventType, occurredAt: string, organizationId?: string | null, secretId?: string | null, secretName?: string | null, actorId?: string | null, actorType: ActorType, criticality: Criticality, data?: unknown | null } };

export type SecretExpiringSubscriptionVariables = Exact<{
  organizationId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type SecretExpiringSubscription = { __typename?: 'Subscription', secretExpiring: { __typename?: 'SecretEvent', id: string, type: SecretEventType, occurredAt: string, organizationId?: string | null, secretId?: string | null, secretName?: string | null, actorId?: string | null, actorType: ActorType, criticality: Criticality, data?: unknown | null } };

export type SecretRotatedSubscriptionVariables = Exact<{
  organizationId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type SecretRotatedSubscription = { __typename?: 'Subscription', secretRotated: { __typename?: 'SecretEvent', id: string, type: SecretEventType, occurredAt: string, organizationId?: string | null, secretId?: string | null, secretName?: string | null, actorId?: string | null, actorType: ActorType, criticality: Criticality, data?: unknown | null } };

export type ExportSecretsQueryVariables = Exact<{
  input: ExportInput;
}>;


export type ExportSecretsQuery = { __typename?: 'Query', exportSecrets: { __typename?: 'ExportResult', format: ExportFormat, count: number, includesValues: boolean, content: string } };

export type SecretSummaryFragment = { __typename?: 'Secret', id: string, name: string, description?: string | null, type: SecretType, scope: SecretScope, tags: Array<string>, status: SecretStatus, currentVersion: number, expiresAt?: string | null, rotationStrategy: RotationStrategy, rotationIntervalDays?: number | null, nextRotationAt?: string | null, deletedAt?: string | null, recoveryDeadline?: string | null, createdAt: string, updatedAt: string, organization?: { __typename?: 'Organization', id: string } | null, team?: { __typename?: 'Team', id: string } | null, project?: { __typename?: 'Project', id: string } | null, owner?: { __typename?: 'User', id: string } | null };

export type ListSecretsQueryVariables = Exact<{
  filter?: InputMaybe<SecretFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ListSecretsQuery = { __typename?: 'Query', secrets: { __typename?: 'SecretConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'SecretEdge', cursor: string, node: { __typename?: 'Secret', id: string, name: string, description?: string | null, type: SecretType, scope: SecretScope, tags: Array<string>, status: SecretStatus, currentVersion: number, expiresAt?: string | null, rotationStrategy: RotationStrategy, rotationIntervalDays?: number | null, nextRotationAt?: string | null, deletedAt?: string | null, recoveryDeadline?: string | null, createdAt: string, updatedAt: string, organization?: { __typename?: 'Organization', id: string } | null, team?: { __typename?: 'Team', id: string } | null, project?: { __typename?: 'Project', id: string } | null, owner?: { __typename?: 'User', id: string } | null } }> } };

export type GetSecretQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type GetSecretQuery = { __typename?: 'Query', secret?: { __typename?: 'Secret', metadata?: unknown | null, expiryNotificationDays: Array<number>, myPermissions: Array<SecretPermission>, id: string, name: string, description?: string | null, type: SecretType, scope: SecretScope, tags: Array<string>, status: SecretStatus, currentVersion: number, expiresAt?: string | null, rotationStrategy: RotationStrategy, rotationIntervalDays?: number | null, nextRotationAt?: string | null, deletedAt?: string | null, recoveryDeadline?: string | null, createdAt: string, updatedAt: string, versions: Array<{ __typename?: 'SecretVersion', version: number, createdAt: string, changeReason?: string | null, isCurrent: boolean, validUntil?: string | null, createdBy?: { __typename?: 'User', id: string } | null }>, organization?: { __typename?: 'Organization', id: string } | null, team?: { __typename?: 'Team', id: string } | null, project?: { __typename?: 'Project', id: string } | null, owner?: { __typename?: 'User', id: string } | null } | null };

export type ReadSecretValueQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
}>;


export type ReadSecretValueQuery = { __typename?: 'Query', secret?: { __typename?: 'Secret', id: string, value: { __typename?: 'SecretValue', secretId: string, version: number, type: SecretType, data: unknown } } | null };

export type CreateSecretMutationVariables = Exact<{
  input: CreateSecretInput;
}>;


export type CreateSecretMutation = { __typename?: 'Mutation', createSecret: { __typename?: 'Secret', id: string, name: string, description?: string | null, type: SecretType, scope: SecretScope, tags: Array<string>, status: SecretStatus, currentVersion: number, expiresAt?: string | null, rotationStrategy: RotationStrategy, rotationIntervalDays?: number | null, nextRotationAt?: string | null, deletedAt?: string | null, recoveryDeadline?: string | null, createdAt: string, updatedAt: string, organization?: { __typename?: 'Organization', id: string } | null, team?: { __typename?: 'Team', id: string } | null, project?: { __typename?: 'Project', id: string } | null, owner?: { __typename?: 'User', id: string } | null } };

export type UpdateSecretMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateSecretInput;
}>;


export type UpdateSecretMutation = { __typename?: 'Mutation', updateSecret: { __typename?: 'Secret', id: string, name: string, description?: string | null, type: SecretType, scope: SecretScope, tags: Array<string>, status: SecretStatus, currentVersion: number, expiresAt?: string | null, rotationStrategy: RotationStrategy, rotationIntervalDays?: number | null, nextRotationAt?: string | null, deletedAt?: string | null, recoveryDeadline?: string | null, createdAt: string, updatedAt: string, organization?: { __typename?: 'Organization', id: string } | null, team?: { __typename?: 'Team', id: string } | null, project?: { __typename?: 'Project', id: string } | null, owner?: { __typename?: 'User', id: string } | null } };

export type UpdateSecretValueMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  value: Scalars['JSON']['input'];
  changeReason?: InputMaybe<Scalars['String']['input']>;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
}>;


export type UpdateSecretValueMutation = { __typename?: 'Mutation', updateSecretValue: { __typename?: 'Secret', id: string, currentVersion: number, updatedAt: string } };

export type RollbackSecretMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
}>;


export type RollbackSecretMutation = { __typename?: 'Mutation', rollbackSecret: { __typename?: 'Secret', id: string, currentVersion: number } };

export type MoveSecretMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: MoveSecretInput;
}>;


export type MoveSecretMutation = { __typename?: 'Mutation', moveSecret: { __typename?: 'Secret', id: string, name: string, description?: string | null, type: SecretType, scope: SecretScope, tags: Array<string>, status: SecretStatus, currentVersion: number, expiresAt?: string | null, rotationStrategy: RotationStrategy, rotationIntervalDays?: number | null, nextRotationAt?: string | null, deletedAt?: string | null, recoveryDeadline?: string | null, createdAt: string, updatedAt: string, organization?: { __typename?: 'Organization', id: string } | null, team?: { __typename?: 'Team', id: string } | null, project?: { __typename?: 'Project', id: string } | null, owner?: { __typename?: 'User', id: string } | null } };

export type DeleteSecretMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteSecretMutation = { __typename?: 'Mutation', deleteSecret: { __typename?: 'Secret', id: string, deletedAt?: string | null, recoveryDeadline?: string | null, status: SecretStatus } };

export type RestoreSecretMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RestoreSecretMutation = { __typename?: 'Mutation', restoreSecret: { __typename?: 'Secret', id: string, deletedAt?: string | null, status: SecretStatus } };

export type PurgeSecretMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PurgeSecretMutation = { __typename?: 'Mutation', purgeSecret: boolean };

export type RotateEncryptionKeyMutationVariables = Exact<{ [key: string]: never; }>;


export type RotateEncryptionKeyMutation = { __typename?: 'Mutation', rotateEncryptionKey: boolean };

export const SecretEventFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecretEventFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecretEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"organizationId"}},{"kind":"Field","name":{"kind":"Name","value":"secretId"}},{"kind":"Field","name":{"kind":"Name","value":"secretName"}},{"kind":"Field","name":{"kind":"Name","value":"actorId"}},{"kind":"Field","name":{"kind":"Name","value":"actorType"}},{"kind":"Field","name":{"kind":"Name","value":"criticality"}},{"kind":"Field","name":{"kind":"Name","value":"data"}}]}}]} as unknown as DocumentNode<SecretEventFieldsFragment, unknown>;
export const SecretSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecretSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Secret"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"rotationStrategy"}},{"kind":"Field","name":{"kind":"Name","value":"rotationIntervalDays"}},{"kind":"Field","name":{"kind":"Name","value":"nextRotationAt"}},{"kind":"Field","name":{"kind":"Name","value":"deletedAt"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<SecretSummaryFragment, unknown>;
export const ResolveSecretsDocument = {"__meta__":{"hash":"31d2dcc78f40c7ba6fd9d02c579a3089ba3c6cf60a3ffa8ef18bedaffacd2fff"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ResolveSecrets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SecretRefInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resolveSecrets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"refs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ref"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secretId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"data"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ResolveSecretsQuery, ResolveSecretsQueryVariables>;
export const RotateSecretDocument = {"__meta__":{"hash":"abde6cb91e211349d5ebf95d392712ec9fdd35958c0a4bbfd129669f40966ea6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"value"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JSON"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"gracePeriodHours"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"value"},"value":{"kind":"Variable","name":{"kind":"Name","value":"value"}}},{"kind":"Argument","name":{"kind":"Name","value":"gracePeriodHours"},"value":{"kind":"Variable","name":{"kind":"Name","value":"gracePeriodHours"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"lastRotatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextRotationAt"}}]}}]}}]} as unknown as DocumentNode<RotateSecretMutation, RotateSecretMutationVariables>;
export const SecretAccessDocument = {"__meta__":{"hash":"12b9f68cff3af119d22caf6f741a75a4fee80d7ef106938392e7679f2f1236fb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SecretAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"myPermissions"}},{"kind":"Field","name":{"kind":"Name","value":"accessGrants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"granteeType"}},{"kind":"Field","name":{"kind":"Name","value":"granteeId"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"grantedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"effectiveAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"principalType"}},{"kind":"Field","name":{"kind":"Name","value":"principalId"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"via"}}]}}]}}]}}]} as unknown as DocumentNode<SecretAccessQuery, SecretAccessQueryVariables>;
export const GrantSecretAccessDocument = {"__meta__":{"hash":"cc4b0700030c6877d7dbd44d821e6b75b64c334a0ce9d5c96990ad651c44942a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GrantSecretAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GrantAccessInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantSecretAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"secretId"}},{"kind":"Field","name":{"kind":"Name","value":"granteeType"}},{"kind":"Field","name":{"kind":"Name","value":"granteeId"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<GrantSecretAccessMutation, GrantSecretAccessMutationVariables>;
export const RevokeSecretAccessDocument = {"__meta__":{"hash":"ab7bc63f8e98a45cd444d84eb45a0eacb3527248e3317c4144afb19dd1ec26a7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeSecretAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeSecretAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"grantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grantId"}}}]}]}}]} as unknown as DocumentNode<RevokeSecretAccessMutation, RevokeSecretAccessMutationVariables>;
export const ServiceAccountsDocument = {"__meta__":{"hash":"818dd00e2a530116b662a2f554c5f913470c393d83c9652ad54a6562752819e0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServiceAccounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceAccounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organizationId"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}}]}}]}}]} as unknown as DocumentNode<ServiceAccountsQuery, ServiceAccountsQueryVariables>;
export const CreateServiceAccountDocument = {"__meta__":{"hash":"920f85f52deb270f2b221b9cf777e2de969f6f7205a6176d3cd30ce81a194ff9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateServiceAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateServiceAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createServiceAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"serviceAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organizationId"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<CreateServiceAccountMutation, CreateServiceAccountMutationVariables>;
export const RevokeServiceAccountDocument = {"__meta__":{"hash":"2e46f2b84df7a01efbf259fc22c57b64a484fe83aa5dc2ca1830ec3215e84124"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeServiceAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeServiceAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<RevokeServiceAccountMutation, RevokeServiceAccountMutationVariables>;
export const SecretEventsDocument = {"__meta__":{"hash":"1182ab178b8a94c8f194b10f3a112eb10835b3727364db60415bc33223949167"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SecretEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"types"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SecretEventType"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secretEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"Variable","name":{"kind":"Name","value":"types"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecretEventFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecretEventFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecretEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"organizationId"}},{"kind":"Field","name":{"kind":"Name","value":"secretId"}},{"kind":"Field","name":{"kind":"Name","value":"secretName"}},{"kind":"Field","name":{"kind":"Name","value":"actorId"}},{"kind":"Field","name":{"kind":"Name","value":"actorType"}},{"kind":"Field","name":{"kind":"Name","value":"criticality"}},{"kind":"Field","name":{"kind":"Name","value":"data"}}]}}]} as unknown as DocumentNode<SecretEventsSubscription, SecretEventsSubscriptionVariables>;
export const SecretExpiringDocument = {"__meta__":{"hash":"aea64979a14fda3fd9836ff01a58f4e7444cd87ac57691ecd56e39cc975fd793"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SecretExpiring"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secretExpiring"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecretEventFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecretEventFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecretEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"organizationId"}},{"kind":"Field","name":{"kind":"Name","value":"secretId"}},{"kind":"Field","name":{"kind":"Name","value":"secretName"}},{"kind":"Field","name":{"kind":"Name","value":"actorId"}},{"kind":"Field","name":{"kind":"Name","value":"actorType"}},{"kind":"Field","name":{"kind":"Name","value":"criticality"}},{"kind":"Field","name":{"kind":"Name","value":"data"}}]}}]} as unknown as DocumentNode<SecretExpiringSubscription, SecretExpiringSubscriptionVariables>;
export const SecretRotatedDocument = {"__meta__":{"hash":"e0c42d98fe2a194311b02bc745c3ea8780198a633a07f481a12e1fdf6ee69e3f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SecretRotated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secretRotated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecretEventFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecretEventFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SecretEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"organizationId"}},{"kind":"Field","name":{"kind":"Name","value":"secretId"}},{"kind":"Field","name":{"kind":"Name","value":"secretName"}},{"kind":"Field","name":{"kind":"Name","value":"actorId"}},{"kind":"Field","name":{"kind":"Name","value":"actorType"}},{"kind":"Field","name":{"kind":"Name","value":"criticality"}},{"kind":"Field","name":{"kind":"Name","value":"data"}}]}}]} as unknown as DocumentNode<SecretRotatedSubscription, SecretRotatedSubscriptionVariables>;
export const ExportSecretsDocument = {"__meta__":{"hash":"74a348510290fe3df3c4097aeb5cc06f58d59d844e3cfc23e84f1abb7f77a54a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportSecrets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportSecrets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"includesValues"}},{"kind":"Field","name":{"kind":"Name","value":"content"}}]}}]}}]} as unknown as DocumentNode<ExportSecretsQuery, ExportSecretsQueryVariables>;
export const ListSecretsDocument = {"__meta__":{"hash":"11345b2af5b7f0daa8f6f69a0984e09f6622dcdb43dd8b4142cc27178413c5bf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListSecrets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SecretFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secrets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecretSummary"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecretSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Secret"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"rotationStrategy"}},{"kind":"Field","name":{"kind":"Name","value":"rotationIntervalDays"}},{"kind":"Field","name":{"kind":"Name","value":"nextRotationAt"}},{"kind":"Field","name":{"kind":"Name","value":"deletedAt"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ListSecretsQuery, ListSecretsQueryVariables>;
export const GetSecretDocument = {"__meta__":{"hash":"327d79b7c3952773204ca04d13462dab27d6bc9cbfdb82d43c4ca9dcd994b6bb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecretSummary"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"expiryNotificationDays"}},{"kind":"Field","name":{"kind":"Name","value":"myPermissions"}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"changeReason"}},{"kind":"Field","name":{"kind":"Name","value":"isCurrent"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecretSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Secret"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"rotationStrategy"}},{"kind":"Field","name":{"kind":"Name","value":"rotationIntervalDays"}},{"kind":"Field","name":{"kind":"Name","value":"nextRotationAt"}},{"kind":"Field","name":{"kind":"Name","value":"deletedAt"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<GetSecretQuery, GetSecretQueryVariables>;
export const ReadSecretValueDocument = {"__meta__":{"hash":"b48a326e04e73be9c4567970f180f627445501e298a9c2e399f12993f8992239"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReadSecretValue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secretId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"data"}}]}}]}}]}}]} as unknown as DocumentNode<ReadSecretValueQuery, ReadSecretValueQueryVariables>;
export const CreateSecretDocument = {"__meta__":{"hash":"aa12fc8a69ab739d41afa38a9b46b71d1a4196939e2ff75e8a468261b881bb3e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSecretInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecretSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecretSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Secret"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"rotationStrategy"}},{"kind":"Field","name":{"kind":"Name","value":"rotationIntervalDays"}},{"kind":"Field","name":{"kind":"Name","value":"nextRotationAt"}},{"kind":"Field","name":{"kind":"Name","value":"deletedAt"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<CreateSecretMutation, CreateSecretMutationVariables>;
export const UpdateSecretDocument = {"__meta__":{"hash":"7bd5492bb3e0f5684bec01746f7b78404398f565ee3339d2bb2a64520c0df902"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateSecretInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecretSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecretSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Secret"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"rotationStrategy"}},{"kind":"Field","name":{"kind":"Name","value":"rotationIntervalDays"}},{"kind":"Field","name":{"kind":"Name","value":"nextRotationAt"}},{"kind":"Field","name":{"kind":"Name","value":"deletedAt"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<UpdateSecretMutation, UpdateSecretMutationVariables>;
export const UpdateSecretValueDocument = {"__meta__":{"hash":"128c2eff532fb929f34d5804eced3ef8515ff1d5eb4fa97d975f25cf00f6efc5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateSecretValue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"value"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JSON"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"changeReason"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSecretValue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"value"},"value":{"kind":"Variable","name":{"kind":"Name","value":"value"}}},{"kind":"Argument","name":{"kind":"Name","value":"changeReason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"changeReason"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<UpdateSecretValueMutation, UpdateSecretValueMutationVariables>;
export const RollbackSecretDocument = {"__meta__":{"hash":"5edf232fa8299829a8a2b57978f91a7514ee63796b1cf6455c5c2383b7c89c14"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RollbackSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rollbackSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}}]}}]}}]} as unknown as DocumentNode<RollbackSecretMutation, RollbackSecretMutationVariables>;
export const MoveSecretDocument = {"__meta__":{"hash":"d1539fef6f7203fcf3fc559b303de948501afcaa3b8dc0f9d762b187de1c307b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MoveSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MoveSecretInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moveSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SecretSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SecretSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Secret"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"rotationStrategy"}},{"kind":"Field","name":{"kind":"Name","value":"rotationIntervalDays"}},{"kind":"Field","name":{"kind":"Name","value":"nextRotationAt"}},{"kind":"Field","name":{"kind":"Name","value":"deletedAt"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<MoveSecretMutation, MoveSecretMutationVariables>;
export const DeleteSecretDocument = {"__meta__":{"hash":"2cc6f665b3fc6d63fac43dd76fef517d7c80309a03dadfd3df9114e1fd44fbcf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deletedAt"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<DeleteSecretMutation, DeleteSecretMutationVariables>;
export const RestoreSecretDocument = {"__meta__":{"hash":"5debc66e903eec28af18d340dd3abae588dc8d09725b91ce3f95e29d1b2ce161"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deletedAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<RestoreSecretMutation, RestoreSecretMutationVariables>;
export const PurgeSecretDocument = {"__meta__":{"hash":"731250e11241f9c4be507f7e94c300563cef231c906cefa9b9162c70166449a3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PurgeSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purgeSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<PurgeSecretMutation, PurgeSecretMutationVariables>;
export const RotateEncryptionKeyDocument = {"__meta__":{"hash":"56e8a8168f5a35750fdfb09cd8907a3abdc4a4bb71790bcce3b555ba02748f9a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateEncryptionKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateEncryptionKey"}}]}}]} as unknown as DocumentNode<RotateEncryptionKeyMutation, RotateEncryptionKeyMutationVariables>;