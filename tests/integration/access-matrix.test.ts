// The documented access matrix (docs/permissions.md, generated from the access model) holds on the running
// server: every reference principal x scope x operation, through real HTTP requests, as persisted operations
// (so service accounts take the same path). A denied caller who cannot see the secret gets SECRET_NOT_FOUND /
// null; one who can see it gets ACCESS_DENIED.
import { beforeAll, expect, test } from 'vitest';
import { SECRET_OPERATIONS, type SecretOperation } from '../../services/access/operations.js';
import {
  isAllowed,
  MATRIX_SCOPES,
  REFERENCE_PLACEMENT,
  REFERENCE_PRINCIPALS,
  referencePermissions,
  type MatrixScope,
  type ReferencePrincipal,
} from '../../scripts/permission-matrix.js';
import { describeEachEngine } from '../support/engines.js';
import { createServiceAccount, persisted, TEST_JWT_SECRET, tokenFor } from '../support/identities.js';
import { useTestServer, type TestServer } from '../support/server.js';

interface Outcome {
  allowed: boolean;
  code?: string;
}

const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code as string | undefined;

describeEachEngine('access matrix', (engine) => {
  const app = useTestServer(engine, { env: { AUTH_JWT_SECRET: TEST_JWT_SECRET, SECRETS_JOBS_ENABLED: 'false' } });
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    const withRead = await createServiceAccount(app(), {
      name: 'matrix-sa-with',
      organizationId: 'org-1',
      permissions: MATRIX_SCOPES.map((s) => `secrets.secret.read.${s.toLowerCase()}`),
    });
    const without = await createServiceAccount(app(), { name: 'matrix-sa-without', organizationId: 'org-1', permissions: [] });
    for (const principal of REFERENCE_PRINCIPALS) {
      if (principal.key === 'sa-with') tokens.set(principal.key, withRead.token);
      else if (principal.key === 'sa-without') tokens.set(principal.key, without.token);
      else tokens.set(principal.key, await tokenFor(principal.actor('GLOBAL')));
    }
  });

  /** A fresh reference secret of `scope` with two versions, an admin-made grant to revoke, and the principal's grant. */
  async function referenceSecret(scope: MatrixScope, principal: ReferencePrincipal) {
    const place = REFERENCE_PLACEMENT[scope];
    const name = `matrix-${scope.toLowerCase()}-${principal.key}-${Math.random().toString(36).slice(2, 8)}`;
    const creator = scope === 'USER' ? tokens.get('owner')! : app().adminToken;
    const created = await persisted(app(), 'CreateSecret', {
      input: { name, type: 'GENERIC', scope, organizationId: place.organizationId, teamId: place.teamId, projectId: place.projectId, value: { value: 'v1' } },
    }, creator);
    expect(created.errors, `create ${name}`).toBeUndefined();
    const id = created.data!.createSecret.id as string;
    await app().admin(`mutation($id: ID!) { updateSecretValue(id: $id, value: {value: "v2"}) { id } }`, { id });
    const other = await app().admin(
      `mutation($id: ID!) { grantSecretAccess(input: {secretId: $id, granteeType: USER, granteeId: "user-bystander", permissions: [VIEW_METADATA]}) { id } }`,
      { id },
    );
    if (principal.grant) {
      const actor = principal.actor(scope);
      const grant = await app().admin(
        `mutation($input: GrantAccessInput!) { grantSecretAccess(input: $input) { id } }`,
        { input: { secretId: id, granteeType: 'USER', granteeId: actor.id, permissions: principal.grant.permissions } },
      );
      if (principal.grant.expired) {
        await app().sql(`update secret_access_grants set expires_at = now() - interval '1 second' where id = $1`, [grant.grantSecretAccess.id]);
      }
    }
    return { id, name, otherGrantId: other.grantSecretAccess.id as string };
  }

  async function run(op: SecretOperation, scope: MatrixScope, ref: { id: string; name: string; otherGrantId: string }, token: string): Promise<Outcome> {
    const call = (name: string, variables: Record<string, unknown>) => persisted(app(), name, variables, token);
    const mutation = async (name: string, variables: Record<string, unknown>) => {
      const r = await call(name, variables);
      return { allowed: !r.errors && r.data != null, code: codeOf(r) };
    };
    switch (op.name.split(', ')[0]) {
      case 'secret': {
        const one = await call('GetSecret', { id: ref.id });
        const list = await call('ListSecrets', { filter: { search: ref.name, includeDeleted: true } });
        const inList = (list.data?.secrets.edges ?? []).some((e: any) => e.node.id === ref.id);
        const found = !one.errors && one.data?.secret != null;
        expect(inList, `list and get agree for ${ref.name}`).toBe(found);
        return { allowed: found, code: found ? undefined : 'NULL' };
      }
      case 'Secret.value': {
        const read = await call('ReadSecretValue', { id: ref.id });
        const resolved = await call('ResolveSecrets', { refs: [{ ref: ref.id }] });
        const viaField = read.data?.secret?.value?.data?.value === 'v2';
        const viaBatch = resolved.data?.resolveSecrets[0].value?.data?.value === 'v2';
        expect(viaBatch, `resolveSecrets agrees with Secret.value for ${ref.name}`).toBe(viaField);
        // A failing non-null `value` nulls its parent, so an error code wins over a null secret.
        return { allowed: viaField, code: codeOf(read) ?? (read.data?.secret === null ? 'NULL' : undefined) };
      }
      case 'updateSecret':
        return mutation('UpdateSecret', { id: ref.id, input: { description: 'changed' } });
      case 'updateSecretValue':
        return mutation('UpdateSecretValue', { id: ref.id, value: { value: 'v3' } });
      case 'rollbackSecret':
        return mutation('RollbackSecret', { id: ref.id, version: 1 });
      case 'rotateSecret':
        return mutation('RotateSecret', { id: ref.id, value: { value: 'rotated' } });
      case 'deleteSecret':
        return mutation('DeleteSecret', { id: ref.id });
      case 'restoreSecret': {
        // Needs a deleted secret: delete it as admin when the principal could not.
        await app().gql(`mutation($id: ID!) { deleteSecret(id: $id) { id } }`, { id: ref.id });
        return mutation('RestoreSecret', { id: ref.id });
      }
      case 'purgeSecret':
        return mutation('PurgeSecret', { id: ref.id });
      case 'grantSecretAccess': {
        const granted = await mutation('GrantSecretAccess', {
          input: { secretId: ref.id, granteeType: 'USER', granteeId: 'user-new-grantee', permissions: ['VIEW_METADATA'] },
        });
        const revoked = await mutation('RevokeSecretAccess', { grantId: ref.otherGrantId });
        expect(revoked.allowed, `grant and revoke agree for ${ref.name}`).toBe(granted.allowed);
        return granted;
      }
      case 'Secret.accessGrants': {
        const r = await call('SecretAccess', { id: ref.id });
        return { allowed: !r.errors && Array.isArray(r.data?.secret?.accessGrants), code: codeOf(r) ?? (r.data?.secret === null ? 'NULL' : undefined) };
      }
      case 'createSecret': {
        const place = REFERENCE_PLACEMENT[scope];
        return mutation('CreateSecret', {
          input: {
            name: `${ref.name}-new`,
            type: 'GENERIC',
            scope,
            organizationId: place.organizationId,
            teamId: place.teamId,
            projectId: place.projectId,
            value: { value: 'x' },
          },
        });
      }
      default:
        throw new Error(`no driver for ${op.name}`);
    }
  }

  // Purge last: it removes the secret the other operations use.
  const ordered = [...SECRET_OPERATIONS].sort((a, b) => Number(a.name === 'purgeSecret') - Number(b.name === 'purgeSecret'));

  for (const scope of MATRIX_SCOPES) {
    test(`${scope} secrets: every principal x operation matches docs/permissions.md`, async () => {
      const mismatches: string[] = [];
      let cells = 0;
      for (const principal of REFERENCE_PRINCIPALS) {
        const token = tokens.get(principal.key)!;
        const ref = await referenceSecret(scope, principal);
        const visible = referencePermissions(principal, scope).length > 0;
        const my = await persisted(app(), 'GetSecret', { id: ref.id }, token);
        if (visible) {
          expect(my.data?.secret?.myPermissions, `${principal.key} myPermissions on ${scope}`).toEqual(referencePermissions(principal, scope));
        }
        for (const op of ordered) {
          cells++;
          const expected = isAllowed(principal, scope, op);
          const outcome = await run(op, scope, ref, token);
          if (outcome.allowed !== expected) {
            mismatches.push(`${principal.key} ${op.name}: expected ${expected ? 'allowed' : 'denied'}, got ${outcome.allowed ? 'allowed' : `denied (${outcome.code})`}`);
          } else if (!expected && op.requires !== 'CREATE') {
            const want = visible ? ['ACCESS_DENIED'] : ['SECRET_NOT_FOUND', 'NULL'];
            if (!want.includes(outcome.code ?? '')) mismatches.push(`${principal.key} ${op.name}: denied with ${outcome.code}, expected ${want.join('/')}`);
          } else if (!expected && outcome.code !== 'ACCESS_DENIED') {
            mismatches.push(`${principal.key} ${op.name}: create denied with ${outcome.code}`);
          }
          if ((op.name === 'deleteSecret' && outcome.allowed) || (op.name === 'restoreSecret' && !outcome.allowed)) {
            // Keep the secret live for the following operations.
            await app().gql(`mutation($id: ID!) { restoreSecret(id: $id) { id } }`, { id: ref.id });
          }
        }
      }
      expect(cells).toBe(REFERENCE_PRINCIPALS.length * SECRET_OPERATIONS.length);
      expect(mismatches).toEqual([]);
    }, 120_000);
  }
});
