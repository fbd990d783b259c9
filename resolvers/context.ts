// What every resolver receives: the caller, the services, per-request loaders, and the request id.
import type DataLoader from 'dataloader';
import type { Logger } from 'pino';
import type { Actor } from '../identity/actor.js';
import type { SecretRow } from '../models/schema.js';
import type { Services } from '../server/services.js';

export interface Loaders {
  /** Secrets by id, as the caller may see them (undefined when missing or hidden). */
  secretById: DataLoader<string, SecretRow | undefined>;
}

export interface GraphQLContext {
  actor: Actor | null;
  services: Services;
  loaders: Loaders;
  requestId: string;
  log: Logger;
  /**
   * WebSocket only: verifies the connection's credentials again (expiry, revocation); null once they no
   * longer hold. Subscriptions call it per event.
   */
  reauthenticate?: () => Promise<Actor | null>;
}

/** The actor of an authenticated request (the identity plugin has already refused anonymous ones). */
export function actorOf(ctx: GraphQLContext): Actor {
  if (!ctx.actor) throw new Error('unauthenticated request reached a resolver');
  return ctx.actor;
}
