// What each secret operation requires, in the access model's terms. graphql-shield rules and services enforce
// these; docs/permissions.md and the access-matrix test are generated from this table.
import type { SecretPermission } from './permissions.js';

export interface SecretOperation {
  /** GraphQL operation or field. */
  name: string;
  /** Permission held on the secret (create: the scope's create right instead). */
  requires: SecretPermission | 'CREATE';
}

export const SECRET_OPERATIONS: readonly SecretOperation[] = [
  { name: 'secret, secrets, _entities, Secret.versions, Secret.myPermissions', requires: 'VIEW_METADATA' },
  { name: 'Secret.value, resolveSecrets', requires: 'READ' },
  { name: 'updateSecret', requires: 'UPDATE' },
  { name: 'updateSecretValue', requires: 'UPDATE' },
  { name: 'rollbackSecret', requires: 'UPDATE' },
  { name: 'rotateSecret', requires: 'UPDATE' },
  { name: 'deleteSecret', requires: 'DELETE' },
  { name: 'restoreSecret', requires: 'DELETE' },
  { name: 'purgeSecret', requires: 'DELETE' },
  { name: 'grantSecretAccess, revokeSecretAccess', requires: 'GRANT' },
  { name: 'Secret.accessGrants, Secret.effectiveAccess', requires: 'GRANT' },
  { name: 'createSecret', requires: 'CREATE' },
];
