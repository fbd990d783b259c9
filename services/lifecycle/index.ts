// Wires the lifecycle services (expiration, rotation, retention, purge) from their dependencies.
import type { Clock } from '../../lib/clock.js';
import type { Database } from '../../models/db.js';
import type { ChangeRecorder } from '../changes.js';
import type { SecretService } from '../secrets.js';
import type { ValueCipher } from '../value-cipher.js';
import { createExpirationService, type ExpirationService } from './expiration.js';
import { createPurgeService, type PurgeService } from './purge.js';
import { createRetentionService, type RetentionService } from './retention.js';
import { createRotationService, type RotationService } from './rotation.js';
import { createScheduledRotation, type ScheduledRotation } from './scheduled-rotation.js';
import { createWebhookAllowlist } from './webhook-allowlist.js';
import { createWebhookRotation } from './webhook-rotation.js';

export interface LifecycleSettings {
  maxVersions: number;
  maxValueBytes: number;
  rotationWebhook: { allowlist: readonly string[]; timeoutMs: number; retries: number };
}

export interface LifecycleServices {
  expiration: ExpirationService;
  rotation: RotationService;
  scheduledRotation: ScheduledRotation;
  retention: RetentionService;
  purge: PurgeService;
}

export function createLifecycleServices(deps: {
  db: Database;
  cipher: ValueCipher;
  clock: Clock;
  recorder: ChangeRecorder;
  secrets: Pick<SecretService, 'lockForChange'>;
  settings: LifecycleSettings;
}): LifecycleServices {
  const { db, clock, recorder, settings } = deps;
  const hook = settings.rotationWebhook;
  const webhook = createWebhookRotation({
    allowlist: createWebhookAllowlist(hook.allowlist),
    timeoutMs: hook.timeoutMs,
    retries: hook.retries,
    maxValueBytes: settings.maxValueBytes,
  });
  const rotation = createRotationService({ ...deps, webhook, settings: { maxValueBytes: settings.maxValueBytes } });
  // The lease outlives the webhook's worst case (every attempt timing out plus the waits between them).
  const leaseMs = (hook.timeoutMs + 1_000) * (hook.retries + 1) * 2 + 60_000;
  return {
    expiration: createExpirationService({ db, clock, recorder }),
    rotation,
    scheduledRotation: createScheduledRotation({ db, clock, recorder, rotation, leaseMs }),
    retention: createRetentionService({ db, clock, recorder, settings: { maxVersions: settings.maxVersions } }),
    purge: createPurgeService({ db, clock, recorder }),
  };
}
