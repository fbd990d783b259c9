// The event outbox as an operator sees it: pending, failed (attempted, still unpublished: the dead-letter
// view) and published events, newest first. Super admins only: payloads name secrets and recipients.
import { DEFAULT_ROUTING_PREFIX } from '../events/catalogue.js';
import { isSuperAdmin, type Actor } from '../identity/actor.js';
import { AccessDeniedError, ValidationError } from '../lib/errors.js';
import { checkPageSize, decodeCursor, encodeCursor } from '../lib/pagination.js';
import type { Database } from '../models/db.js';
import type { OutboxEventRow } from '../models/events.tables.js';
import { listOutboxEvents, outboxStatusSql, type OutboxStatus } from '../models/outbox.repo.js';

export const OUTBOX_STATUSES = ['PENDING', 'FAILED', 'PUBLISHED'] as const satisfies readonly OutboxStatus[];

export interface OutboxEventPage {
  rows: OutboxEventRow[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
  cursorOf(row: OutboxEventRow): string;
}

export const outboxStatusOf = (row: OutboxEventRow): OutboxStatus =>
  row.publishedAt ? 'PUBLISHED' : row.attempts > 0 ? 'FAILED' : 'PENDING';

const cursorOf = (row: OutboxEventRow) => encodeCursor([row.sequence]);

export type OutboxEventService = ReturnType<typeof createOutboxEventService>;

export function createOutboxEventService(deps: { db: Database; routingPrefix?: string }) {
  return {
    /** The configured routing-key prefix, to show each event's routing key. */
    routingPrefix: deps.routingPrefix ?? DEFAULT_ROUTING_PREFIX,

    async list(actor: Actor, args: { status?: OutboxStatus | null; first: number; after?: string | null }): Promise<OutboxEventPage> {
      if (!isSuperAdmin(actor)) throw new AccessDeniedError('Only super admins may inspect the event outbox');
      const first = checkPageSize(args.first);
      const after = args.after ? decodeCursor(args.after, 1) : undefined;
      if (after && typeof after[0] !== 'number') throw new ValidationError([{ path: 'after', message: 'is not a valid cursor' }]);
      const page = await listOutboxEvents(deps.db, {
        where: outboxStatusSql(args.status ?? undefined),
        beforeSequence: after ? Number(after[0]) : undefined,
        limit: first,
      });
      const last = page.rows.at(-1);
      return { ...page, endCursor: last ? cursorOf(last) : null, cursorOf };
    },
  };
}
