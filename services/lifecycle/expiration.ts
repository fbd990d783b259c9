// The expiration check: sends each secret the expiry notice it is owed (SECRET_EXPIRING_SOON per window,
// SECRET_EXPIRED once), exactly once across restarts, double runs and replicas. Each secret is handled in
// its own transaction: lock the row, claim the notice in notifications_sent (insert-or-nothing), record the
// event only if this transaction made the claim.
import { SYSTEM_ACTOR } from '../../identity/actor.js';
import type { Clock } from '../../lib/clock.js';
import type { Database } from '../../models/db.js';
import * as lifecycleRepo from '../../models/lifecycle.repo.js';
import * as secretsRepo from '../../models/secrets.repo.js';
import type { ChangeRecorder } from '../changes.js';
import { planExpiryNotice } from './windows.js';

export interface ExpirationDeps {
  db: Database;
  clock: Clock;
  recorder: ChangeRecorder;
}

export interface ExpirationSummary {
  expiringSoon: number;
  expired: number;
}

const BATCH = 200;

export type ExpirationService = ReturnType<typeof createExpirationService>;

export function createExpirationService(deps: ExpirationDeps) {
  const { db, clock, recorder } = deps;

  /** Sends what one secret is owed now; returns the kind sent, if any. */
  async function notifyOne(secretId: string, now: Date): Promise<'EXPIRING_SOON' | 'EXPIRED' | undefined> {
    return db.transaction(async (tx) => {
      const secret = await secretsRepo.findSecretById(tx, secretId, { forUpdate: true });
      if (!secret || secret.deletedAt || !secret.expiresAt) return undefined;
      const plan = planExpiryNotice(secret.expiresAt, secret.expiryNotificationDays, now);
      if (!plan.send) return undefined;
      const claimed = new Set<string>();
      for (const kind of ['EXPIRED', 'EXPIRING_SOON'] as const) {
        const claims = plan.claims.filter((c) => c.kind === kind);
        for (const w of await lifecycleRepo.claimNotifications(tx, secretId, kind, claims, now)) claimed.add(`${kind}:${w}`);
      }
      const { send } = plan;
      if (!claimed.has(`${send.kind}:${send.window}`)) return undefined;
      const expirationDate = secret.expiresAt.toISOString();
      await recorder.record(tx, {
        kind: send.kind,
        actor: SYSTEM_ACTOR,
        secret,
        data:
          send.kind === 'EXPIRED'
            ? { expirationDate, daysUntilExpiration: 0 }
            : { expirationDate, daysUntilExpiration: send.daysUntilExpiration, window: send.days },
      });
      return send.kind;
    });
  }

  return {
    notifyOne,

    /** One pass over every secret that may be owed a notice. Idempotent. */
    async checkExpirations(): Promise<ExpirationSummary> {
      const now = clock.now();
      const summary: ExpirationSummary = { expiringSoon: 0, expired: 0 };
      let after: string | undefined;
      for (;;) {
        const ids = await lifecycleRepo.findExpirationCandidates(db, now, after, BATCH);
        for (const id of ids) {
          const sent = await notifyOne(id, now);
          if (sent === 'EXPIRED') summary.expired++;
          else if (sent === 'EXPIRING_SOON') summary.expiringSoon++;
        }
        if (ids.length < BATCH) return summary;
        after = ids.at(-1);
      }
    },
  };
}
