// Batch runtime resolution of secret values by id or by reference (`SCOPE/ownerId/name`; `GLOBAL/name`).
// Lookups are batched into one query per kind; each value read goes through the version service, so every
// read is permission-checked and recorded. Errors are per item; a missing and a hidden secret look the same.
import DataLoader from 'dataloader';
import type { Actor } from '../identity/actor.js';
import { AppError, SecretNotFoundError, ValidationError } from '../lib/errors.js';
import type { Database } from '../models/db.js';
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

type NameKey = { scope: string; scopeOwnerId: string; name: string };

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
    return { scope, scopeOwnerId: '', name };
  }
  const [ownerId, ...nameParts] = parts.slice(1);
  if (!ownerId || nameParts.length === 0 || !nameParts.join('/')) throw new ValidationError(`Reference ${scope}/<ownerId>/<name> needs an owner id and a name`);
  return { scope, scopeOwnerId: ownerId, name: nameParts.join('/') };
}

const keyString = (k: NameKey) => JSON.stringify([k.scope, k.scopeOwnerId, k.name]);

export function createSecretResolver(deps: { db: Database; versions: Pick<VersionService, 'readValue'> }) {
  return {
    async resolve(actor: Actor, refs: readonly { ref: string; version?: number | null }[]): Promise<ResolvedSecretResult[]> {
      if (refs.length > MAX_REFS_PER_CALL) throw new ValidationError([{ path: 'refs', message: `at most ${MAX_REFS_PER_CALL} references per call` }]);
      const byName = new DataLoader<NameKey, SecretRow | undefined, string>(
        async (keys) => {
          const rows = await secretsRepo.findLiveSecretsByNames(deps.db, keys);
          const found = new Map(rows.map((r) => [keyString({ scope: r.scope, scopeOwnerId: r.scopeOwnerId, name: r.name }), r]));
          return keys.map((k) => found.get(keyString(k)));
        },
        { cacheKeyFn: keyString },
      );
      // Identical (ref, version) pairs in one call are read once.
      const reads = new Map<string, Promise<ResolvedSecretResult>>();
      const resolveOne = async (ref: string, version: number | null | undefined): Promise<ResolvedSecretResult> => {
        try {
          const parsed = parseSecretRef(ref);
          const id = 'id' in parsed ? parsed.id : (await byName.load(parsed))?.id;
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
