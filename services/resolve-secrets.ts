// Batch runtime resolution of secret values by id or by reference (`SCOPE/ownerId/name`; `GLOBAL/name`).
// Lookups are batched into one query per kind; each value read goes through the version service, so every
// read is permission-checked and recorded. Errors are per item; a missing and a hidden secret look the same.
import DataLoader from 'dataloader';
import type { Actor } from '../identity/actor.js';
import { AppError, SecretNotFoundError, ValidationError } from '../lib/errors.js';
import type { Database } from '../models/db.js';
import type { AccessPolicy } from './access/policy.js';
import type { SecretRow } from '../models/schema.js';
import * as secretsRepo from '../models/secrets.repo.js';
import { SECRET_SCOPES } from './scope.js';
import { isSecretId } from './secrets.js';
import type { SecretValueResult, VersionService } from './versions.js';

export const MAX_REFS_PER_CALL = 100;

export interface ResolvedSecretResult {
  ref: string;
  value: SecretValueResult | null;
  error: { code: string; message: string } | null;
}

type NameKey = { scope: string; ownerId: string; name: string };

/** Parses a reference; returns a secret id or a (scope, owner, name) key. */
export function parseSecretRef(ref: string): { id: string } | NameKey {
  if (isSecretId(ref)) return { id: ref.toLowerCase() };
  const parts = ref.split('/');
  const scope = parts[0];
  if (!(SECRET_SCOPES as readonly string[]).includes(scope)) {
    throw new ValidationError(`Reference must be a secret id or SCOPE/ownerId/name with SCOPE one of ${SECRET_SCOPES.join(', ')}`);
  }
  if (scope === 'GLOBAL') {
    const name = (parts[1] === '' ? parts.slice(2) : parts.slice(1)).join('/');
    if (!name) throw new ValidationError('Reference GLOBAL/<name> needs a name');
    return { scope, ownerId: '', name };
  }
  const [ownerId, ...nameParts] = parts.slice(1);
  if (!ownerId || nameParts.length === 0 || !nameParts.join('/')) throw new ValidationError(`Reference ${scope}/<ownerId>/<name> needs an owner id and a name`);
  return { scope, ownerId, name: nameParts.join('/') };
}

const keyString = (k: NameKey) => JSON.stringify([k.scope, k.ownerId, k.name]);
const ownerInRef = (r: SecretRow) =>
  r.scope === 'ORGANIZATION' ? r.organizationId : r.scope === 'TEAM' ? r.teamId : r.scope === 'PROJECT' ? r.projectId : r.scope === 'USER' ? r.ownerUserId : '';

export function createSecretResolver(deps: { db: Database; versions: Pick<VersionService, 'readValue'>; access: Pick<AccessPolicy, 'permissionsOn'> }) {
  return {
    async resolve(actor: Actor, refs: readonly { ref: string; version?: number | null }[]): Promise<ResolvedSecretResult[]> {
      if (refs.length > MAX_REFS_PER_CALL) throw new ValidationError([{ path: 'refs', message: `at most ${MAX_REFS_PER_CALL} references per call` }]);
      // All live candidates per reference, in one query; a reference resolves to the one the caller can see.
      const byName = new DataLoader<NameKey, SecretRow[], string>(
        async (keys) => {
          const rows = await secretsRepo.findLiveSecretsByRefs(deps.db, keys);
          return keys.map((k) => rows.filter((r) => keyString({ scope: r.scope, ownerId: ownerInRef(r) ?? '', name: r.name }) === keyString(k)));
        },
        { cacheKeyFn: keyString },
      );
      const visibleByName = async (key: NameKey): Promise<string | undefined> => {
        const visible: SecretRow[] = [];
        for (const row of await byName.load(key)) {
          if ((await deps.access.permissionsOn(actor, row)).length) visible.push(row);
        }
        if (visible.length > 1) throw new ValidationError('The reference matches secrets of several organizations; use the secret id');
        return visible[0]?.id;
      };
      // Identical (ref, version) pairs in one call are read once.
      const reads = new Map<string, Promise<ResolvedSecretResult>>();
      const resolveOne = async (ref: string, version: number | null | undefined): Promise<ResolvedSecretResult> => {
        try {
          const parsed = parseSecretRef(ref);
          const id = 'id' in parsed ? parsed.id : await visibleByName(parsed);
          if (!id) throw new SecretNotFoundError();
          return { ref, value: await deps.versions.readValue(actor, id, version, 'resolveSecrets'), error: null };
        } catch (error) {
          if (error instanceof AppError) return { ref, value: null, error: { code: error.code, message: error.message } };
          throw error;
        }
      };
      return Promise.all(
        refs.map(({ ref, version }) => {
          const key = `${ref}\u0000${version ?? ''}`;
          if (!reads.has(key)) reads.set(key, resolveOne(ref, version));
          return reads.get(key)!;
        }),
      );
    },
  };
}
