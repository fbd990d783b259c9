// The graphql-shield permission layer: deny by default. Every Query, Mutation and Subscription field needs an
// explicit entry in ROOT_RULES (a test enforces it); fields of other object types require an authenticated
// caller, except the sensitive Secret fields, which have their own rules. `_service` stays open for composition.
import { type GraphQLSchema, isObjectType } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow, deny, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { AccessDeniedError } from '../lib/errors.js';
import { holdsCode, isAuthenticated, isSuperAdmin } from './common.rules.js';

/** A rule or a logic rule (allow/deny/and/or), as shield's field maps take them. */
type IRule = typeof allow | typeof isAuthenticated;
import { canManageSecretAccess, canReadSecretValue, canViewSecretUsage } from './secret.rules.js';

/**
 * Root fields. Most operations only need an identity here because the service decides per secret (and must,
 * for jobs); stricter rules sit where the decision does not depend on a secret.
 */
export const ROOT_RULES: Record<'Query' | 'Mutation' | 'Subscription', Record<string, IRule>> = {
  Query: {
    _service: allow,
    _entities: isAuthenticated,
    secret: isAuthenticated,
    secrets: isAuthenticated,
    resolveSecrets: isAuthenticated,
    serviceAccounts: isAuthenticated,
    vaults: isAuthenticated,
    vault: isAuthenticated,
    migrationPlan: isAuthenticated,
    migration: isAuthenticated,
    auditLogs: isAuthenticated,
    auditLog: isAuthenticated,
    verifyAuditChain: isAuthenticated,
    complianceReport: isAuthenticated,
    exportSecrets: isAuthenticated,
    ssoSecret: isAuthenticated,
    ssoCertificateExpiration: isAuthenticated,
    outboxEvents: isSuperAdmin,
  },
  Mutation: {
    createSecret: isAuthenticated,
    updateSecret: isAuthenticated,
    updateSecretValue: isAuthenticated,
    deleteSecret: isAuthenticated,
    restoreSecret: isAuthenticated,
    purgeSecret: isAuthenticated,
    rotateSecret: isAuthenticated,
    rollbackSecret: isAuthenticated,
    moveSecret: isAuthenticated,
    grantSecretAccess: isAuthenticated,
    revokeSecretAccess: isAuthenticated,
    createVault: isAuthenticated,
    updateVault: isAuthenticated,
    deleteVault: isAuthenticated,
    checkVaultHealth: isAuthenticated,
    setDefaultVault: isAuthenticated,
    importSecretsFromEnv: isAuthenticated,
    importSecretsFromJson: isAuthenticated,
    migrateSecrets: isAuthenticated,
    createSsoSecret: isAuthenticated,
    updateSsoSecret: isAuthenticated,
    deleteSsoSecret: isAuthenticated,
    rotateSsoCertificate: isAuthenticated,
    createServiceAccount: isAuthenticated,
    revokeServiceAccount: isAuthenticated,
    rotateEncryptionKey: holdsCode('secrets.keys.rotate'),
  },
  Subscription: {
    secretEvents: isAuthenticated,
    secretExpiring: isAuthenticated,
    secretRotated: isAuthenticated,
    migrationProgress: isAuthenticated,
  },
};

/** Fields whose rule depends on the parent secret. */
export const SENSITIVE_FIELD_RULES: Record<string, Record<string, IRule>> = {
  Secret: {
    value: canReadSecretValue,
    accessGrants: canManageSecretAccess,
    effectiveAccess: canManageSecretAccess,
    usage: canViewSecretUsage,
  },
};

const ROOTS = new Set(Object.keys(ROOT_RULES));

export function buildRuleTree(schema: GraphQLSchema): IRules {
  const tree: Record<string, Record<string, IRule>> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    if (ROOTS.has(type.name)) {
      const rules = ROOT_RULES[type.name as keyof typeof ROOT_RULES];
      // Only fields with an explicit rule get one; the rest fall back to deny.
      tree[type.name] = Object.fromEntries(Object.keys(type.getFields()).filter((f) => f in rules).map((f) => [f, rules[f]]));
      continue;
    }
    const fields = type.getFields();
    const sensitive = Object.entries(SENSITIVE_FIELD_RULES[type.name] ?? {}).filter(([field]) => field in fields);
    tree[type.name] = { '*': type.name === '_Service' ? allow : isAuthenticated, ...Object.fromEntries(sensitive) };
  }
  return tree;
}

export function applyPermissions(schema: GraphQLSchema): GraphQLSchema {
  return applyMiddleware(
    schema,
    shield(buildRuleTree(schema), {
      fallbackRule: deny,
      fallbackError: () => new AccessDeniedError(),
      // Errors our resolvers throw (with their codes) pass through unchanged.
      allowExternalErrors: true,
      debug: false,
    }),
  );
}
