// Version retention: keeps at most `maxVersions` stored versions per secret, removing the oldest first, but
// never the current version nor one still inside its rotation grace period (validUntil in the future), so a
// secret may briefly hold more. Removal deletes the ciphertext for good.
import { SYSTEM_ACTOR } from '../../identity/actor.js';
import type { Clock } from '../../lib/clock.js';
import type { Database } from '../../models/db.js';
import * as lifecycleRepo from '../../models/lifecycle.repo.js';
import * as secretsRepo from '../../models/secrets.repo.js';
import type { ChangeRecorder } from '../changes.js';

export interface RetentionDeps {
  db: Database;
  clock: Clock;
  recorder: ChangeRecorder;
  settings: { maxVersions: number };
}

const BATCH = 200;

/** Versions to remove, oldest first: beyond the newest `max`, excluding the current and those in grace. */
export function versionsToPrune(
  stored: readonly { version: number; validUntil: Date | null }[],
  currentVersion: number,
  max: number,
  now: Date,
): number[] {
  const newestFirst = [...stored].sort((a, b) => b.version - a.version);
  const protectedVersion = (v: { version: number; validUntil: Date | null }) =>
    v.version === currentVersion || (v.validUntil !== null && v.validUntil.getTime() > now.getTime());
  let excess = newestFirst.length - max;
  const prune: number[] = [];
  for (const v of [...newestFirst].reverse()) {
    if (excess <= 0) break;
    if (protectedVersion(v)) continue;
    prune.push(v.version);
    excess--;
  }
  return prune;
}

export type RetentionService = ReturnType<typeof createRetentionService>;

export function createRetentionService(deps: RetentionDeps) {
  const { db, clock, recorder } = deps;
  const max = deps.settings.maxVersions;

  async function pruneOne(id: string, now: Date): Promise<number> {
    return db.transaction(async (tx) => {
      const secret = await secretsRepo.findSecretById(tx, id, { forUpdate: true });
      if (!secret) return 0;
      const stored = await lifecycleRepo.listStoredVersions(tx, id);
      const prune = versionsToPrune(stored, secret.currentVersion, max, now);
      if (prune.length === 0) return 0;
      const removed = await lifecycleRepo.deleteVersions(tx, id, prune);
      await recorder.record(tx, {
        kind: 'VERSIONS_PRUNED',
        actor: SYSTEM_ACTOR,
        secret,
        data: { versions: prune.sort((a, b) => a - b), kept: stored.length - removed, maxVersions: max },
      });
      return removed;
    });
  }

  return {
    /** One pass; returns how many versions were removed. Idempotent. */
    async pruneVersions(): Promise<{ secrets: number; versions: number }> {
      const now = clock.now();
      const summary = { secrets: 0, versions: 0 };
      let after: string | undefined;
      for (;;) {
        const ids = await lifecycleRepo.findRetentionCandidates(db, max, after, BATCH);
        for (const id of ids) {
          const removed = await pruneOne(id, now);
          if (removed) {
            summary.secrets++;
            summary.versions += removed;
          }
        }
        if (ids.length < BATCH) return summary;
        after = ids.at(-1);
      }
    },
  };
}
