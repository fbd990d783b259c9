// rotation-check: hourly; NOTIFY_ONLY secrets due get ROTATION_DUE, AUTOMATIC ones are rotated.
import type { ScheduledRotation } from '../services/lifecycle/scheduled-rotation.js';
import type { JobDefinition } from './runner.js';

export const ROTATION_CHECK = 'rotation-check';

export const rotationCheckJob = (rotation: Pick<ScheduledRotation, 'checkRotations'>): JobDefinition => ({
  cron: '5 * * * *',
  handler: () => rotation.checkRotations(),
});
