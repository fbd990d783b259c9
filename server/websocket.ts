// graphql-ws on the HTTP server's /graphql path: the bearer token comes in connection_init, service accounts
// run persisted operations only, and every event re-checks the token (a revoked or expired one ends the stream).
import type { IncomingMessage } from 'node:http';
import type { GraphQLError, GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { WebSocketServer } from 'ws';
import type { Actor } from '../identity/actor.js';
import type { Authenticator } from '../identity/authenticate.js';
import type { GraphQLContext } from '../resolvers/context.js';
import { resolvePersistedDocument, type PersistedDocuments } from './persisted-documents.js';

export function serveWebSocket(deps: {
  wsServer: WebSocketServer;
  schema: GraphQLSchema;
  authenticator: Authenticator;
  persistedDocuments: PersistedDocuments;
  context: (actor: Actor | null) => GraphQLContext;
  onUnauthenticated: (request: IncomingMessage) => void;
}) {
  const { authenticator, persistedDocuments } = deps;
  return useServer(
    {
      schema: deps.schema,
      onConnect: async (ctx) => {
        const authorization = (ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization) as string | undefined;
        try {
          const actor = await authenticator.authenticate(authorization);
          if (!actor) {
            deps.onUnauthenticated(ctx.extra.request);
            return false;
          }
          (ctx.extra as { actor?: Actor; authorization?: string }).actor = actor;
          (ctx.extra as { authorization?: string }).authorization = authorization;
          return true;
        } catch {
          deps.onUnauthenticated(ctx.extra.request);
          return false;
        }
      },
      onSubscribe: (ctx, _id, payload) => {
        // Service accounts run persisted operations only, over WebSocket too.
        const error = resolvePersistedDocument(payload, (ctx.extra as { actor?: Actor }).actor ?? null, persistedDocuments);
        return error ? [error as GraphQLError] : undefined;
      },
      context: (ctx): GraphQLContext => {
        const { actor = null, authorization } = ctx.extra as { actor?: Actor; authorization?: string };
        const reauthenticate = () => authenticator.authenticate(authorization).catch(() => null);
        return { ...deps.context(actor), reauthenticate };
      },
    },
    deps.wsServer,
  );
}
