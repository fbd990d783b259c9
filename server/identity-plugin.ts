// Refuses operations without a verified identity. Only `_service` (composition) and `__typename` answer
// anonymously; bad credentials are reported here rather than in the context function so `_service` still works.
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { UnauthenticatedError } from '../lib/errors.js';
import type { GraphQLContext } from '../resolvers/context.js';

const ANONYMOUS_ROOT_FIELDS = new Set(['_service', '__typename']);

export interface IdentityContext {
  authError?: Error;
}

function rootFieldNames(operation: OperationDefinitionNode, fragments: Map<string, SelectionSetNode>): string[] {
  const names: string[] = [];
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) names.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment);
      }
    }
  };
  visit(operation.selectionSet);
  return names;
}

export function requireIdentityPlugin(): ApolloServerPlugin<GraphQLContext & IdentityContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (!operation) throw new UnauthenticatedError();
          const fragments = new Map<string, SelectionSetNode>();
          for (const def of document.definitions) {
            if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def.selectionSet);
          }
          const isAnonymousAllowed =
            operation?.operation === 'query' && rootFieldNames(operation, fragments).every((n) => ANONYMOUS_ROOT_FIELDS.has(n));
          if (isAnonymousAllowed) return;
          if (contextValue.authError) throw withStatus(contextValue.authError, 401);
          if (!contextValue.actor) throw withStatus(new UnauthenticatedError(), 401);
        },
      };
    },
  };
}

function withStatus(error: Error, status: number): Error {
  const ext = (error as { extensions?: Record<string, unknown> }).extensions;
  if (ext) ext.http = { status };
  return error;
}
