// Apollo plugin tying a GraphQL request to the audit trail and the request log: it notes the error codes of
// the response (for the `request failed` line), counts refused anonymous requests (summarized, never one
// audit entry each), and holds the response until the request's DENIED entries are written.
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { isAppError } from '../lib/errors.js';
import { requestContext } from '../lib/request-context.js';
import type { GraphQLContext } from '../resolvers/context.js';
import type { UnauthenticatedTracker } from '../services/audit/unauthenticated.js';

function codeOf(error: unknown): string {
  const original = unwrapResolverError(error);
  if (isAppError(original)) return original.code;
  const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

export function auditRequestPlugin(deps: { unauthenticated: UnauthenticatedTracker }): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          const store = requestContext.getStore();
          const codes = errors.map(codeOf);
          if (store) store.errorCodes = [...(store.errorCodes ?? []), ...codes];
          if (!contextValue.actor && codes.includes('UNAUTHENTICATED')) deps.unauthenticated.note(store?.ip);
        },
        async willSendResponse() {
          const pending = requestContext.getStore()?.pendingAudit;
          if (pending?.length) await Promise.all(pending);
        },
      };
    },
  };
}
