// Registers this service's lifecycle jobs on a runner (the composition root calls it; other areas register
// their own jobs, e.g. the outbox relay, on the same runner).
import type { LifecycleServices } from '../services/lifecycle/index.js';
import { EXPIRATION_CHECK, expirationCheckJob } from './expiration-check.js';
import { PURGE_DELETED, purgeDeletedJob } from './purge-deleted.js';
import { ROTATION_CHECK, rotationCheckJob } from './rotation-check.js';
import type { JobRunner } from './runner.js';
import { VERSION_RETENTION, versionRetentionJob } from './version-retention.js';

export { EXPIRATION_CHECK, PURGE_DELETED, ROTATION_CHECK, VERSION_RETENTION };
export { createJobRunner, type JobRunner } from './runner.js';

export function registerLifecycleJobs(runner: Pick<JobRunner, 'register'>, lifecycle: LifecycleServices): void {
  runner.register(EXPIRATION_CHECK, expirationCheckJob(lifecycle.expiration));
  runner.register(ROTATION_CHECK, rotationCheckJob(lifecycle.scheduledRotation));
  runner.register(PURGE_DELETED, purgeDeletedJob(lifecycle.purge));
  runner.register(VERSION_RETENTION, versionRetentionJob(lifecycle.retention));
}
