// The rotation check: secrets whose nextRotationAt has come. NOTIFY_ONLY ones get SECRET_ROTATION_DUE once
// per due date; AUTOMATIC ones are rotated by their handler. A failed automatic rotation keeps the old
// value, records ROTATION_FAILED and waits (backoff 1 h, 2 h, 4 h ... at most 24 h) before the next attempt.
// A replica takes a lease on the secret before calling the handler, so two replicas never both call a
// webhook for the same rotation.
import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR } from '../../identity/actor.js';
import { HOUR_MS, type Clock } from '../../lib/clock.js';
import type { Database } from '../../models/db.js';
import * as lifecycleRepo from '../../models/lifecycle.repo.js';
import type { SecretRow } from '../../models/schema.js';
import * as secretsRepo from '../../models/secrets.repo.js';
import type { ChangeRecorder } from '../changes.js';
import { rotationFailureMessage, type ProducedValue, type RotationService } from './rotation.js';
import { rotationSettingsOf } from './rotation-settings.js';

export interface ScheduledRotationDeps {
  db: Database;
  clock: Clock;
  recorder: ChangeRecorder;
  rotation: Pick<RotationService, 'produceValue' | 'applyRotation'>;
  /** How long a replica may hold a secret while its handler runs (longer than the webhook's worst case). */
  leaseMs: number;
}

export interface RotationSummary {
  notified: number;
  rotated: number;
  failed: number;
  /** Due but waiting: backoff after a failure, or another replica holds the lease. */
  deferred: number;
}

const BATCH = 200;
const MAX_BACKOFF_HOURS = 24;

/** Hours to wait after the n-th consecutive failure: 1, 2, 4, 8, 16, 24, 24 ... */
export const backoffHours = (failedAttempts: number): number => Math.min(MAX_BACKOFF_HOURS, 2 ** Math.max(0, failedAttempts - 1));

const isDue = (s: SecretRow | undefined, strategy: string, now: Date): s is SecretRow =>
  !!s && !s.deletedAt && s.rotationStrategy === strategy && !!s.nextRotationAt && s.nextRotationAt.getTime() <= now.getTime();

export type ScheduledRotation = ReturnType<typeof createScheduledRotation>;

export function createScheduledRotation(deps: ScheduledRotationDeps) {
  const { db, clock, recorder } = deps;
  /** Identifies this process's leases. */
  const leaseOwner = randomUUID();

  async function notifyDue(id: string, now: Date): Promise<boolean> {
    return db.transaction(async (tx) => {
      const secret = await secretsRepo.findSecretById(tx, id, { forUpdate: true });
      if (!isDue(secret, 'NOTIFY_ONLY', now)) return false;
      const dueAt = secret.nextRotationAt!.toISOString();
      const claimed = await lifecycleRepo.claimNotifications(tx, id, 'ROTATION_DUE', [{ window: `@${dueAt}`, outcome: 'SENT' }], now);
      if (claimed.length === 0) return false;
      await recorder.record(tx, {
        kind: 'ROTATION_DUE',
        actor: SYSTEM_ACTOR,
        secret,
        data: { dueAt, rotationInterval: secret.rotationIntervalDays ?? undefined },
      });
      return true;
    });
  }

  /** Takes the lease if the secret is due, not backing off and not leased by a run still in flight. */
  async function acquire(id: string, now: Date): Promise<SecretRow | undefined> {
    return db.transaction(async (tx) => {
      const secret = await secretsRepo.findSecretById(tx, id, { forUpdate: true });
      if (!isDue(secret, 'AUTOMATIC', now)) return undefined;
      const state = await lifecycleRepo.findRotationState(tx, id);
      if (state?.nextAttemptAt && state.nextAttemptAt.getTime() > now.getTime()) return undefined;
      if (state?.leaseUntil && state.leaseUntil.getTime() > now.getTime()) return undefined;
      await lifecycleRepo.upsertRotationState(tx, id, { leaseUntil: new Date(now.getTime() + deps.leaseMs), leaseOwner, updatedAt: now });
      return secret;
    });
  }

  async function complete(seen: SecretRow, produced: ProducedValue, now: Date): Promise<boolean> {
    return db.transaction(async (tx) => {
      const current = await secretsRepo.findSecretById(tx, seen.id, { forUpdate: true });
      const state = await lifecycleRepo.findRotationState(tx, seen.id);
      // Lease lost (expired and taken over), or the secret changed meanwhile: this value is not wanted.
      if (!isDue(current, 'AUTOMATIC', now) || state?.leaseOwner !== leaseOwner || current.currentVersion !== seen.currentVersion) {
        if (state?.leaseOwner === leaseOwner) await lifecycleRepo.upsertRotationState(tx, seen.id, { leaseUntil: null, leaseOwner: null, updatedAt: now });
        return false;
      }
      const gracePeriodHours = rotationSettingsOf(current.metadata).gracePeriodHours;
      await deps.rotation.applyRotation(tx, current, { ...produced, actor: SYSTEM_ACTOR, gracePeriodHours, trigger: 'SCHEDULED', now });
      return true;
    });
  }

  async function fail(seen: SecretRow, error: unknown, now: Date): Promise<void> {
    const errorMessage = rotationFailureMessage(error);
    await db.transaction(async (tx) => {
      const current = await secretsRepo.findSecretById(tx, seen.id, { forUpdate: true });
      if (!current) return;
      const state = await lifecycleRepo.findRotationState(tx, seen.id);
      // Another run took the lease meanwhile (ours expired): its outcome decides, not this stale failure.
      if (state?.leaseOwner && state.leaseOwner !== leaseOwner) return;
      const attempt = (state?.failedAttempts ?? 0) + 1;
      const nextAttemptAt = new Date(now.getTime() + backoffHours(attempt) * HOUR_MS);
      await lifecycleRepo.upsertRotationState(tx, seen.id, {
        failedAttempts: attempt,
        nextAttemptAt,
        leaseUntil: null,
        leaseOwner: null,
        lastError: errorMessage,
        lastFailedAt: now,
        updatedAt: now,
      });
      await recorder.record(tx, {
        kind: 'ROTATION_FAILED',
        actor: SYSTEM_ACTOR,
        secret: current,
        data: { errorMessage, attempt, nextAttemptAt: nextAttemptAt.toISOString(), trigger: 'SCHEDULED' },
      });
    });
  }

  /**
   * Each step reads the clock itself: a pass can run for a long time (one webhook after another), and a lease or
   * grace period computed from the pass's start would already be expired when written.
   */
  async function rotateOne(id: string): Promise<'rotated' | 'failed' | 'deferred'> {
    const seen = await acquire(id, clock.now());
    if (!seen) return 'deferred';
    let produced: ProducedValue;
    try {
      produced = await deps.rotation.produceValue(seen, clock.now());
    } catch (error) {
      await fail(seen, error, clock.now());
      return 'failed';
    }
    return (await complete(seen, produced, clock.now())) ? 'rotated' : 'deferred';
  }

  return {
    /** One pass over every due secret. Idempotent: a second pass finds nothing due (or everything backing off). */
    async checkRotations(): Promise<RotationSummary> {
      const now = clock.now();
      const summary: RotationSummary = { notified: 0, rotated: 0, failed: 0, deferred: 0 };
      let after: string | undefined;
      for (;;) {
        const ids = await lifecycleRepo.findRotationCandidates(db, now, after, BATCH);
        for (const id of ids) {
          const secret = await secretsRepo.findSecretById(db, id);
          if (secret?.rotationStrategy === 'NOTIFY_ONLY') {
            if (await notifyDue(id, now)) summary.notified++;
          } else if (secret?.rotationStrategy === 'AUTOMATIC') {
            summary[await rotateOne(id)]++;
          }
        }
        if (ids.length < BATCH) return summary;
        after = ids.at(-1);
      }
    },
  };
}
