// GraphQL enums of the contract, registered with type-graphql. The TypeScript unions come from the domain
// modules so each list of names is defined once.
import { registerEnumType } from 'type-graphql';
import { CRITICALITIES, SECRET_EVENT_TYPES } from '../events/catalogue.js';
import { SECRET_PERMISSIONS } from '../services/access/policy.js';
import { AUDIT_CATEGORIES, AUDIT_OUTCOMES } from '../services/audit/event-types.js';
import { SECRET_SCOPES } from '../services/scope.js';
import { ROTATION_STRATEGIES } from '../services/secret-input.js';
import { SECRET_TYPES } from '../services/secret-types/index.js';
import { SECRET_STATUSES } from '../services/status.js';

const asEnum = <T extends string>(names: readonly T[]) => Object.fromEntries(names.map((n) => [n, n])) as { [K in T]: K };

export const SecretTypeEnum = asEnum(SECRET_TYPES);
export const SecretScopeEnum = asEnum(SECRET_SCOPES);
export const SecretStatusEnum = asEnum(SECRET_STATUSES);
export const RotationStrategyEnum = asEnum(ROTATION_STRATEGIES);
export const SecretPermissionEnum = asEnum(SECRET_PERMISSIONS);
export const StorageBackendEnum = asEnum(['LOCAL_ENCRYPTED', 'AZURE_KEY_VAULT'] as const);
export const GranteeTypeEnum = asEnum(['USER', 'TEAM', 'ROLE'] as const);
export const ActorTypeEnum = asEnum(['USER', 'SERVICE', 'SYSTEM'] as const);
export const SecretEventTypeEnum = asEnum(SECRET_EVENT_TYPES);
export const CriticalityEnum = asEnum(CRITICALITIES);
export const OutboxEventStatusEnum = asEnum(['PENDING', 'FAILED', 'PUBLISHED'] as const);
export const AuditOutcomeEnum = asEnum(AUDIT_OUTCOMES);
export const AuditCategoryEnum = asEnum(AUDIT_CATEGORIES);

registerEnumType(SecretTypeEnum, { name: 'SecretType' });
registerEnumType(SecretScopeEnum, { name: 'SecretScope' });
registerEnumType(SecretStatusEnum, { name: 'SecretStatus' });
registerEnumType(RotationStrategyEnum, { name: 'RotationStrategy' });
registerEnumType(SecretPermissionEnum, { name: 'SecretPermission' });
registerEnumType(StorageBackendEnum, { name: 'StorageBackend' });
registerEnumType(GranteeTypeEnum, { name: 'GranteeType' });
registerEnumType(ActorTypeEnum, { name: 'ActorType' });
registerEnumType(SecretEventTypeEnum, {
  name: 'SecretEventType',
  description: 'Event types; the RabbitMQ routing key is the lower-case dotted form, e.g. SECRET_EXPIRING_SOON -> secret.expiring_soon.',
});
registerEnumType(CriticalityEnum, { name: 'Criticality' });
registerEnumType(OutboxEventStatusEnum, { name: 'OutboxEventStatus' });
registerEnumType(AuditOutcomeEnum, { name: 'AuditOutcome' });
registerEnumType(AuditCategoryEnum, { name: 'AuditCategory' });
