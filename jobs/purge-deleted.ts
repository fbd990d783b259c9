// purge-deleted: daily; removes soft-deleted secrets past their recovery deadline.
import type { PurgeService } from '../services/lifecycle/purge.js';
import type { JobDefinition } from './runner.js';

export const PURGE_DELETED = 'purge-deleted';

export const purgeDeletedJob = (purge: Pick<PurgeService, 'purgeExpiredDeletions'>): JobDefinition => ({
  cron: '15 0 * * *',
  handler: () => purge.purgeExpiredDeletions(),
});
