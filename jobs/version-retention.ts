// version-retention: daily; keeps at most SECRETS_MAX_VERSIONS versions per secret.
import type { RetentionService } from '../services/lifecycle/retention.js';
import type { JobDefinition } from './runner.js';

export const VERSION_RETENTION = 'version-retention';

export const versionRetentionJob = (retention: Pick<RetentionService, 'pruneVersions'>): JobDefinition => ({
  cron: '30 0 * * *',
  handler: () => retention.pruneVersions(),
});
