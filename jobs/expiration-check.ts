// expiration-check: daily at 00:00 UTC and once at start-up (a restart after downtime catches up at once).
import type { ExpirationService } from '../services/lifecycle/expiration.js';
import type { JobDefinition } from './runner.js';

export const EXPIRATION_CHECK = 'expiration-check';

export const expirationCheckJob = (expiration: Pick<ExpirationService, 'checkExpirations'>): JobDefinition => ({
  cron: '0 0 * * *',
  runAtStart: true,
  handler: () => expiration.checkExpirations(),
});
