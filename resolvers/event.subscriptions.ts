// GraphQL subscriptions over graphql-ws: thin mappings onto the per-subscriber event stream, which filters by
// the arguments and re-checks per event that the subscriber may see it.
import { Arg, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { SecretEventType } from '../events/catalogue.js';
import { SecretEventTypeEnum } from '../schema/enums.js';
import { SecretEvent } from '../schema/event.types.js';
import type { SecretEventView } from '../services/event-subscriptions.js';
import { actorOf, type GraphQLContext } from './context.js';

/** secretExpiring delivers every expiry notice: secret expiry windows and certificate expiry. */
export const EXPIRY_EVENT_TYPES: readonly SecretEventType[] = [
  'SECRET_EXPIRING_SOON',
  'SECRET_EXPIRED',
  'SECRET_CERTIFICATE_EXPIRING',
  'SECRET_CERTIFICATE_EXPIRED',
];

type Args = { organizationId?: string | null; types?: SecretEventType[] | null };

const stream = (types?: readonly SecretEventType[]) => ({ args, context }: SubscribeResolverData<unknown, Args, GraphQLContext>) => {
  return context.services.eventStream.subscribe(
    actorOf(context),
    { organizationId: args.organizationId, types: types ?? args.types },
    { reauthenticate: context.reauthenticate },
  );
};

@Resolver()
export class EventSubscriptions {
  @Subscription(() => SecretEvent, { description: 'Every event the subscriber may see, optionally narrowed.', subscribe: stream() })
  secretEvents(
    @Root() event: SecretEventView,
    @Arg('organizationId', () => ID, { nullable: true }) _organizationId?: string,
    @Arg('types', () => [SecretEventTypeEnum], { nullable: true }) _types?: string[],
  ): SecretEventView {
    return event;
  }

  @Subscription(() => SecretEvent, { description: 'Expiry notices: SECRET_EXPIRING_SOON, SECRET_EXPIRED and the certificate ones.', subscribe: stream(EXPIRY_EVENT_TYPES) })
  secretExpiring(@Root() event: SecretEventView, @Arg('organizationId', () => ID, { nullable: true }) _organizationId?: string): SecretEventView {
    return event;
  }

  @Subscription(() => SecretEvent, { description: 'SECRET_ROTATED events.', subscribe: stream(['SECRET_ROTATED']) })
  secretRotated(@Root() event: SecretEventView, @Arg('organizationId', () => ID, { nullable: true }) _organizationId?: string): SecretEventView {
    return event;
  }
}
