// Every resolver class of the schema, and the entity reference resolvers federation needs.
import { EntityFields } from './entity.references.js';
import { OrganizationFields, ProjectFields, TeamFields, UserFields } from './entity.fields.js';
import { AccessGrantFields, AccessMutations, SecretAccessFields } from './access.resolvers.js';
import { EventSubscriptions } from './event.subscriptions.js';
import { ExportQueries } from './export.queries.js';
import { AuditLogFields, OrganizationAuditFields, SecretAuditFields } from './audit.fields.js';
import { AuditQueries } from './audit.queries.js';
import { KeyMutations } from './keys.mutations.js';
import { OutboxQueries } from './outbox.queries.js';
import { ServiceAccountResolvers } from './service-accounts.resolvers.js';
import { SecretFields, SecretVersionFields } from './secret.fields.js';
import { SecretMutations } from './secret.mutations.js';
import { SecretQueries } from './secret.queries.js';

export const RESOLVER_CLASSES = [
  SecretQueries,
  SecretMutations,
  SecretFields,
  SecretVersionFields,
  OrganizationFields,
  TeamFields,
  ProjectFields,
  UserFields,
  KeyMutations,
  OutboxQueries,
  AccessMutations,
  SecretAccessFields,
  AccessGrantFields,
  ServiceAccountResolvers,
  EventSubscriptions,
  AuditQueries,
  ExportQueries,
  AuditLogFields,
  SecretAuditFields,
  OrganizationAuditFields,
] as const;

export { EntityFields };
