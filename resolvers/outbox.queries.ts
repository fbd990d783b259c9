// The event outbox view for super admins (dead letters: FAILED).
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { routingKeyOf, type SecretEventType } from '../events/catalogue.js';
import type { OutboxPayload } from '../events/payload.js';
import type { OutboxEventRow } from '../models/events.tables.js';
import type { OutboxStatus } from '../models/outbox.repo.js';
import { OutboxEventStatusEnum } from '../schema/enums.js';
import { OutboxEvent, OutboxEventConnection } from '../schema/outbox.types.js';
import { outboxStatusOf } from '../services/outbox-events.js';
import { actorOf, type GraphQLContext } from './context.js';

const toOutboxEvent = (row: OutboxEventRow, routingPrefix: string): OutboxEvent => ({
  id: row.id,
  type: row.type,
  routingKey: routingKeyOf(row.type as SecretEventType, routingPrefix),
  criticality: (row.payload as OutboxPayload).suggestedCriticality,
  organizationId: row.organizationId,
  status: outboxStatusOf(row),
  attempts: row.attempts,
  lastError: row.lastError,
  createdAt: row.createdAt,
  lastAttemptAt: row.lastAttemptAt,
  publishedAt: row.publishedAt,
  payload: row.payload,
});

@Resolver()
export class OutboxQueries {
  @Query(() => OutboxEventConnection, {
    description: 'Super admin: events of the transactional outbox, newest first; status FAILED is the dead-letter view.',
  })
  async outboxEvents(
    @Arg('status', () => OutboxEventStatusEnum, { nullable: true }) status: OutboxStatus | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | undefined,
    @Ctx() ctx: GraphQLContext,
  ) {
    const page = await ctx.services.outbox.list(actorOf(ctx), { status, first, after });
    return {
      edges: page.rows.map((row) => ({ cursor: page.cursorOf(row), node: toOutboxEvent(row, ctx.services.outbox.routingPrefix) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      totalCount: page.totalCount,
    };
  }
}
