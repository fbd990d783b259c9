// Rotation: a new value version, the previous one kept readable for a grace period (`validUntil`), and
// lastRotatedAt/nextRotationAt moved on. The value comes from the caller, or for AUTOMATIC secrets from a
// handler (the secret's webhook, else a built-in generator). Handlers run outside any transaction (a webhook
// must not hold a row lock); the result is written under the secret's row lock with its ROTATED record.
import type { Actor } from '../../identity/actor.js';
import { addDays, HOUR_MS, type Clock } from '../../lib/clock.js';
import { AppError, RotationError, ValidationError, VersionConflictError } from '../../lib/errors.js';
import { sanitizeErrorMessage } from '../../events/sanitize.js';
import type { Database, Tx } from '../../models/db.js';
import * as lifecycleRepo from '../../models/lifecycle.repo.js';
import type { SecretRow } from '../../models/schema.js';
import * as secretsRepo from '../../models/secrets.repo.js';
import type { ChangeRecorder } from '../changes.js';
import type { SecretService } from '../secrets.js';
import { validateSecretValue, type SecretType } from '../secret-types/index.js';
import type { ValueCipher } from '../value-cipher.js';
import { writeVersion } from '../versions.js';
import { readCurrentValue } from './current-value.js';
import { canGenerate, generateValue } from './generators.js';
import { MAX_GRACE_PERIOD_HOURS, rotationSettingsOf } from './rotation-settings.js';
import type { WebhookRotation } from './webhook-rotation.js';

export type RotationTrigger = 'MANUAL' | 'SCHEDULED';
export type RotationHandlerName = 'PROVIDED' | 'GENERATOR' | 'WEBHOOK';

export interface RotationDeps {
  db: Database;
  cipher: ValueCipher;
  clock: Clock;
  recorder: ChangeRecorder;
  secrets: Pick<SecretService, 'lockForChange'>;
  webhook: Pick<WebhookRotation, 'generate'>;
  settings: { maxValueBytes: number };
}

export interface ProducedValue {
  data: Record<string, unknown>;
  handler: RotationHandlerName;
}

/** A failure as it may be stored and sent: a sanitized message, never a value or response body. */
export function rotationFailureMessage(error: unknown): string {
  if (error instanceof AppError) return sanitizeErrorMessage(error.message);
  return 'Rotation handler failed unexpectedly';
}

export type RotationService = ReturnType<typeof createRotationService>;

export function createRotationService(deps: RotationDeps) {
  const { db, cipher, clock, recorder } = deps;

  /** Asks the secret's handler for a new value (outside any transaction). Throws RotationError and friends. */
  async function produceValue(secret: SecretRow, now: Date): Promise<ProducedValue> {
    const type = secret.type as SecretType;
    const settings = rotationSettingsOf(secret.metadata);
    if (settings.webhookUrl) return { data: await deps.webhook.generate(secret, settings.webhookUrl, now), handler: 'WEBHOOK' };
    if (!canGenerate(type)) {
      throw new RotationError(`No built-in generator for ${type} secrets; set metadata.rotation.webhookUrl or pass a value`);
    }
    const current = await readCurrentValue(db, cipher, secret);
    const data = validateSecretValue(type, generateValue(type, current, settings), { maxBytes: deps.settings.maxValueBytes });
    return { data, handler: 'GENERATOR' };
  }

  /** Writes the rotation inside `tx`; `current` must be locked FOR UPDATE by the caller. */
  async function applyRotation(
    tx: Tx,
    current: SecretRow,
    r: { data: Record<string, unknown>; actor: Actor; gracePeriodHours: number; trigger: RotationTrigger; handler: RotationHandlerName; now: Date },
  ): Promise<SecretRow> {
    const { now } = r;
    const version = current.currentVersion + 1;
    await writeVersion(tx, cipher, {
      secretId: current.id,
      version,
      data: r.data,
      actor: r.actor,
      now,
      changeReason: r.trigger === 'SCHEDULED' ? 'Scheduled rotation' : 'Rotation',
    });
    // The previous credential stays usable for the grace period so consumers can switch over; then reading
    // that version fails with SECRET_EXPIRED (services/versions.ts).
    const previousValidUntil = new Date(now.getTime() + r.gracePeriodHours * HOUR_MS);
    await lifecycleRepo.retireVersion(tx, current.id, current.currentVersion, previousValidUntil);
    const secret = await secretsRepo.updateSecretRow(tx, current.id, {
      currentVersion: version,
      lastRotatedAt: now,
      nextRotationAt: current.rotationIntervalDays ? addDays(now, current.rotationIntervalDays) : null,
      updatedAt: now,
      updatedBy: r.actor.id,
    });
    await lifecycleRepo.clearRotationState(tx, current.id);
    await recorder.record(tx, {
      kind: 'ROTATED',
      actor: r.actor,
      secret,
      data: {
        version,
        fromVersion: current.currentVersion,
        valueChanged: true,
        gracePeriodHours: r.gracePeriodHours,
        previousVersionValidUntil: previousValidUntil.toISOString(),
        trigger: r.trigger,
        handler: r.handler,
      },
    });
    return secret;
  }

  return {
    produceValue,
    applyRotation,

    /** rotateSecret: with a value, or (AUTOMATIC secrets) without one. Needs UPDATE. */
    async rotate(actor: Actor, id: string, input: { value?: unknown; gracePeriodHours?: number | null }): Promise<SecretRow> {
      const gracePeriodHours = input.gracePeriodHours ?? 0;
      if (!Number.isInteger(gracePeriodHours) || gracePeriodHours < 0 || gracePeriodHours > MAX_GRACE_PERIOD_HOURS) {
        throw new ValidationError([{ path: 'gracePeriodHours', message: `must be an integer from 0 to ${MAX_GRACE_PERIOD_HOURS}` }]);
      }
      const now = clock.now();
      // Checked (and briefly locked) first so an unauthorized caller never triggers a handler.
      const seen = await db.transaction((tx) => deps.secrets.lockForChange(tx, actor, id, 'UPDATE'));
      let produced: ProducedValue;
      if (input.value !== undefined && input.value !== null) {
        produced = { data: validateSecretValue(seen.type as SecretType, input.value, { maxBytes: deps.settings.maxValueBytes }), handler: 'PROVIDED' };
      } else {
        if (seen.rotationStrategy !== 'AUTOMATIC') {
          throw new ValidationError([{ path: 'value', message: "required unless the secret's rotationStrategy is AUTOMATIC" }]);
        }
        try {
          produced = await produceValue(seen, now);
        } catch (error) {
          const errorMessage = rotationFailureMessage(error);
          await db.transaction(async (tx) => {
            const secret = await secretsRepo.findSecretById(tx, id, { forUpdate: true });
            if (secret) await recorder.record(tx, { kind: 'ROTATION_FAILED', actor, secret, data: { errorMessage, trigger: 'MANUAL' } });
          });
          throw error instanceof AppError ? error : new RotationError(errorMessage);
        }
      }
      return db.transaction(async (tx) => {
        const current = await deps.secrets.lockForChange(tx, actor, id, 'UPDATE');
        // A generated value may derive from the version it replaces (username, endpoint); if another writer
        // got in between, refuse rather than silently drop their version's other fields.
        if (produced.handler !== 'PROVIDED' && current.currentVersion !== seen.currentVersion) {
          throw new VersionConflictError(seen.currentVersion, current.currentVersion);
        }
        return applyRotation(tx, current, { data: produced.data, actor, gracePeriodHours, trigger: 'MANUAL', handler: produced.handler, now });
      });
    },
  };
}
