// Per-request DataLoaders: one set per request (or WebSocket operation), so batching never crosses callers.
import DataLoader from 'dataloader';
import type { Actor } from '../identity/actor.js';
import type { Database } from '../models/db.js';
import type { SecretRow } from '../models/schema.js';
import { findSecretsByIds } from '../models/secrets.repo.js';
import type { Loaders } from '../resolvers/context.js';
import type { AccessPolicy } from '../services/access/policy.js';
import { isSecretId } from '../services/secrets.js';

export function createLoaders(db: Database, access: Pick<AccessPolicy, 'permissionsOn'>, actor: Actor | null): Loaders {
  return {
    // Secrets the caller may see; a hidden and a missing id both load as undefined.
    secretById: new DataLoader(async (ids) => {
      const rows = actor ? await findSecretsByIds(db, ids.filter(isSecretId)) : [];
      const visible = new Map<string, SecretRow>();
      for (const row of rows) {
        if (actor && (await access.permissionsOn(actor, row)).length) visible.set(row.id, row);
      }
      return ids.map((id) => visible.get(id));
    }),
  };
}
