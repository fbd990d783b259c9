// Organization.secretStats: counts over the organization's secrets (its teams' and projects' included) that the
// caller may see, filtered in SQL like every listing. Definitions follow Secret.status: `expired` and
// `rotationDue` match the EXPIRED and ROTATION_DUE statuses; deleted secrets only count in `deleted`.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../identity/actor.js';
import type { Clock } from '../lib/clock.js';
import { secretCounts, type SecretCounts } from '../models/compliance.repo.js';
import type { Database } from '../models/db.js';
import { secrets } from '../models/schema.js';
import type { AccessPolicy } from './access/policy.js';
import { SECRET_SCOPES } from './scope.js';
import { SECRET_TYPES } from './secret-types/index.js';

export function createSecretStats(deps: { db: Database; clock: Clock; access: Pick<AccessPolicy, 'visibleSecrets'> }) {
  return {
    async forOrganization(actor: Actor, organizationId: string): Promise<SecretCounts> {
      const counts = await secretCounts(
        deps.db,
        and(eq(secrets.organizationId, organizationId), deps.access.visibleSecrets(actor)),
        deps.clock.now(),
      );
      // Every type and scope appears, zeros included, so clients can chart without guessing the keys.
      return {
        ...counts,
        byType: Object.fromEntries(SECRET_TYPES.map((t) => [t, counts.byType[t] ?? 0])),
        byScope: Object.fromEntries(SECRET_SCOPES.map((s) => [s, counts.byScope[s] ?? 0])),
      };
    },
  };
}

export type SecretStatsService = ReturnType<typeof createSecretStats>;
