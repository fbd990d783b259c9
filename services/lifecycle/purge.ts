// Purge: soft-deleted secrets whose recovery deadline has passed are removed for good (row, versions,
// grants and lifecycle state cascade), each with its PURGED record (SECRET_PERMANENTLY_DELETED) in the same
// transaction.
import { SYSTEM_ACTOR } from '../../identity/actor.js';
import type { Clock } from '../../lib/clock.js';
import type { Database } from '../../models/db.js';
import * as lifecycleRepo from '../../models/lifecycle.repo.js';
import * as secretsRepo from '../../models/secrets.repo.js';
import type { ChangeRecorder } from '../changes.js';

export interface PurgeDeps {
  db: Database;
  clock: Clock;
  recorder: ChangeRecorder;
}

const BATCH = 200;

export type PurgeService = ReturnType<typeof createPurgeService>;

export function createPurgeService(deps: PurgeDeps) {
  const { db, clock, recorder } = deps;

  async function purgeOne(id: string, now: Date): Promise<boolean> {
    return db.transaction(async (tx) => {
      const secret = await secretsRepo.findSecretById(tx, id, { forUpdate: true });
      // Re-checked under the lock: it may have been restored or purged by another replica meanwhile.
      if (!secret?.deletedAt || !secret.recoveryDeadline || secret.recoveryDeadline.getTime() > now.getTime()) return false;
      await recorder.record(tx, {
        kind: 'PURGED',
        actor: SYSTEM_ACTOR,
        secret,
        data: { reason: 'RECOVERY_DEADLINE_PASSED', recoveryDeadline: secret.recoveryDeadline.toISOString() },
      });
      return secretsRepo.deleteSecretRow(tx, id);
    });
  }

  return {
    /** One pass; returns how many secrets were removed. Idempotent. */
    async purgeExpiredDeletions(): Promise<{ purged: number }> {
      const now = clock.now();
      let purged = 0;
      let after: string | undefined;
      for (;;) {
        const ids = await lifecycleRepo.findPurgeCandidates(db, now, after, BATCH);
        for (const id of ids) if (await purgeOne(id, now)) purged++;
        if (ids.length < BATCH) return { purged };
        after = ids.at(-1);
      }
    },
  };
}
