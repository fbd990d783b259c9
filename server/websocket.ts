// graphql-ws on the HTTP server's /graphql path: the bearer token comes in connection_init, service accounts
// run persisted operations only, and every event re-checks the token (a revoked or expired one ends the stream).
import type { IncomingMessage } from 'node:http';
import type { GraphQLError, GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { WebSocketServer } from 'ws';
import type { Actor } from '../identity/actor.js';
import type { Authenticator } from '../identity/authenticate.js';
import type { Logger } from 'pino';
import { UnauthenticatedError } from '../lib/errors.js';
import type { GraphQLContext } from '../resolvers/context.js';
import { createFormatError } from './format-error.js';
import { resolvePersistedDocument, type PersistedDocuments } from './persisted-documents.js';

export function serveWebSocket(deps: {
  wsServer: WebSocketServer;
  schema: GraphQLSchema;
  authenticator: Authenticator;
  persistedDocuments: PersistedDocuments;
  context: (actor: Actor | null) => GraphQLContext;
  onUnauthenticated: (request: IncomingMessage) => void;
  log: Logger;
}) {
  const formatError = createFormatError(deps.log);
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
      onSubscribe: async (ctx, _id, payload) => {
        // Every operation on the socket re-checks the token: a revoked service account or an expired JWT stops
        // working on an open socket exactly as over HTTP, and the socket is closed.
        const extra = ctx.extra as { actor?: Actor; authorization?: string; socket: { close(code: number, reason: string): void } };
        const actor = await authenticator.authenticate(extra.authorization).catch(() => null);
        if (!actor) {
          extra.socket.close(4401, 'Unauthorized');
          return [new UnauthenticatedError('Credentials are no longer valid')];
        }
        extra.actor = actor;
        // Service accounts run persisted operations only, over WebSocket too.
        const error = resolvePersistedDocument(payload, actor, persistedDocuments);
        return error ? [error as GraphQLError] : undefined;
      },
      // The same error boundary as HTTP: codes kept, echoed input scrubbed, unknown errors logged and hidden.
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors?.length ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) } : result,
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)),
      context: (ctx): GraphQLContext => {
        const { actor = null, authorization } = ctx.extra as { actor?: Actor; authorization?: string };
        const reauthenticate = () => authenticator.authenticate(authorization).catch(() => null);
        return { ...deps.context(actor), reauthenticate };
      },
    },
    deps.wsServer,
  );
}
