// Listing secrets: one keyset-paginated query in (name, id) order whose filter always includes the caller's
// visibility in SQL, so pages and totalCount never contain what the caller may not see.
import { and } from 'drizzle-orm';
import { isSuperAdmin, type Actor } from '../identity/actor.js';
import type { Clock } from '../lib/clock.js';
import { AccessDeniedError } from '../lib/errors.js';
import { checkPageSize, decodeCursor, encodeCursor } from '../lib/pagination.js';
import type { Database } from '../models/db.js';
import type { SecretRow } from '../models/schema.js';
import * as secretsRepo from '../models/secrets.repo.js';
import type { AccessPolicy } from './access/policy.js';
import { secretFilterSql, type SecretFilterInput } from './secret-filter.js';

export interface SecretPage {
  rows: SecretRow[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
  cursorOf(row: SecretRow): string;
}

const cursorOf = (row: SecretRow) => encodeCursor([row.name, row.id]);

type PageArgs = { filter?: SecretFilterInput | null; first: number; after?: string | null };

export function createSecretListing(deps: { db: Database; clock: Clock; access: Pick<AccessPolicy, 'visibleSecrets' | 'reportDenial'> }) {
  const { db, clock, access } = deps;
  async function list(
    actor: Actor,
    args: PageArgs & {
      within?: SecretFilterInput;
      /** Only secrets on which the actor holds this permission (default: any visible). */
      permission?: 'READ';
    },
  ): Promise<SecretPage> {
    const first = checkPageSize(args.first);
    const after = args.after ? decodeCursor(args.after, 2) : undefined;
    const now = clock.now();
    const where = and(
      secretFilterSql(args.filter, now),
      args.within ? secretFilterSql({ ...args.within, includeDeleted: true }, now) : undefined,
      access.visibleSecrets(actor, args.permission),
    );
    const page = await secretsRepo.listSecretPage(db, {
      where,
      after: after ? { name: String(after[0]), id: String(after[1]) } : undefined,
      limit: first,
    });
    const last = page.rows.at(-1);
    return { ...page, endCursor: last ? cursorOf(last) : null, cursorOf };
  }

  return {
    list,

    /** USER-scope secrets of `userId`: only that user and super admins may list them. */
    async listPersonal(actor: Actor, userId: string, args: PageArgs) {
      if (actor.id !== userId && !isSuperAdmin(actor)) {
        await access.reportDenial({ actor, reason: 'personal secrets of another user' });
        throw new AccessDeniedError("Only the user and super admins see a user's personal secrets");
      }
      return list(actor, { ...args, within: { scope: 'USER', ownerId: userId } });
    },

    /**
     * Secrets `userId` may READ. For the caller it uses every path of their identity; a super admin asking about
     * someone else sees what is known without that user's token: their own USER secrets and direct USER grants.
     */
    async listAccessible(actor: Actor, userId: string, args: PageArgs) {
      if (actor.id === userId) return list(actor, { ...args, permission: 'READ' });
      if (!isSuperAdmin(actor)) {
        await access.reportDenial({ actor, reason: 'accessible secrets of another user' });
        throw new AccessDeniedError("Only the user and super admins see a user's accessible secrets");
      }
      const subject: Actor = { id: userId, type: 'USER', roles: [], orgs: [], teams: [], projects: [], permissions: [], via: 'jwt' };
      return list(subject, { ...args, permission: 'READ' });
    },
  };
}
