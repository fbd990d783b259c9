// Live event streams for GraphQL subscriptions: committed events from the bus (every replica), narrowed to
// what the subscriber asked for and, per event, to what it may see right now. Visibility is re-checked for
// every event against the secret's current row and grants, so a revoked grant or a moved secret stops the
// stream's events at once. Events about a secret that no longer exists (purged) and events that are not about
// one secret go only to super admins and to admins of the event's organization; when unsure, deny. With
// `reauthenticate`, the subscriber's credentials are verified again per event and the stream ends once they
// no longer hold (an expired or revoked token).
import { Repeater } from '@graphql-yoga/subscription';
import type { BusEvent, EventBus } from '../events/bus.js';
import type { SecretEventType } from '../events/catalogue.js';
import { isSuperAdmin, type Actor } from '../identity/actor.js';
import type { Executor } from '../models/db.js';
import * as secretsRepo from '../models/secrets.repo.js';
import type { AccessPolicy } from './access/policy.js';

/** What a subscriber receives (the contract's SecretEvent). */
export interface SecretEventView {
  id: string;
  type: SecretEventType;
  occurredAt: Date;
  organizationId: string | null;
  secretId: string | null;
  secretName: string | null;
  actorId: string | null;
  actorType: string;
  criticality: string;
  data: Record<string, unknown>;
}

export interface EventStreamFilter {
  organizationId?: string | null;
  types?: readonly SecretEventType[] | null;
}

/** Events one subscriber may hold unread before the oldest are dropped (a stalled client must not grow memory). */
const BUFFER = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toEventView(event: BusEvent): SecretEventView {
  const p = event.payload;
  const isSecret = p.resourceType === 'secret';
  return {
    id: event.id,
    type: event.type,
    occurredAt: new Date(p.timestamp),
    organizationId: p.organizationId,
    secretId: isSecret ? p.resourceId : null,
    secretName: isSecret ? p.resourceName : null,
    actorId: p.actorId,
    actorType: p.actorType,
    criticality: p.suggestedCriticality,
    data: p.data as Record<string, unknown>,
  };
}

const GRANT_EVENTS = new Set(['SECRET_ACCESS_GRANTED', 'SECRET_ACCESS_REVOKED']);

const isOrgAdmin = (actor: Actor, organizationId: string | null | undefined) =>
  !!organizationId && actor.orgs.some((o) => o.id === organizationId && o.role === 'ORG_ADMIN');

export type EventSubscriptions = ReturnType<typeof createEventSubscriptions>;

export function createEventSubscriptions(deps: {
  bus: Pick<EventBus, 'subscribe'>;
  db: Executor;
  access: Pick<AccessPolicy, 'permissionsOn'>;
}) {
  /** May `actor` see this event now? */
  async function mayReceive(actor: Actor, event: BusEvent): Promise<boolean> {
    const p = event.payload;
    if (p.resourceType === 'secret' && UUID.test(p.resourceId)) {
      const secret = await secretsRepo.findSecretById(deps.db, p.resourceId);
      if (secret) {
        const held = await deps.access.permissionsOn(actor, secret);
        // Who was granted what is GRANT-level information (Secret.accessGrants needs GRANT too).
        return GRANT_EVENTS.has(event.type) ? held.includes('GRANT') : held.length > 0;
      }
    }
    return isSuperAdmin(actor) || isOrgAdmin(actor, p.organizationId);
  }

  const wanted = (filter: EventStreamFilter, event: BusEvent) =>
    (!filter.types?.length || filter.types.includes(event.type)) &&
    (!filter.organizationId || event.payload.organizationId === filter.organizationId);

  return {
    mayReceive,

    /** The subscriber's stream; it ends (and unsubscribes from the bus) when the client completes. */
    subscribe(
      actor: Actor,
      filter: EventStreamFilter,
      options: { reauthenticate?: () => Promise<Actor | null> } = {},
    ): AsyncIterableIterator<SecretEventView> {
      return new Repeater<SecretEventView>(async (push, stop) => {
        const queue: BusEvent[] = [];
        let wake: (() => void) | undefined;
        const unsubscribe = deps.bus.subscribe((event) => {
          if (!wanted(filter, event)) return;
          if (queue.length >= BUFFER) queue.shift();
          queue.push(event);
          wake?.();
        });
        let stopped = false;
        stop.then(() => {
          stopped = true;
          wake?.();
        });
        try {
          // One event at a time, in commit order: the visibility check is asynchronous.
          while (!stopped) {
            const event = queue.shift();
            if (!event) {
              await new Promise<void>((resolve) => (wake = resolve));
              wake = undefined;
              continue;
            }
            const current = options.reauthenticate ? await options.reauthenticate() : actor;
            if (!current) break;
            if (await mayReceive(current, event).catch(() => false)) await push(toEventView(event));
          }
        } finally {
          unsubscribe();
          stop();
        }
      });
    },
  };
}
