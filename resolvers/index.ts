// Every resolver class of the schema, and the entity reference resolvers federation needs.
import { EntityFields } from './entity.references.js';
import { OrganizationFields, ProjectFields, TeamFields, UserFields } from './entity.fields.js';
import { KeyMutations } from './keys.mutations.js';
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
] as const;

export { EntityFields };
