// The one error boundary. Known errors pass with their code; GraphQL document/variable errors become
// VALIDATION_ERROR with any echoed input removed (graphql-js prints invalid variable values, which may hold
// a secret); everything else becomes INTERNAL_SERVER_ERROR with the request id, the original only logged.
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { AppError } from '../lib/errors.js';
import { currentRequestId } from '../lib/request-context.js';

const CLIENT_INPUT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const SAFE_COERCION_TAILS = [
  /^Field "[^"]+" of required type "[^"]+" was not provided\.$/,
  /^Field "[^"]+" is not defined by type "[^"]+"\.( Did you mean [^;]*\?)?$/,
  /^Expected type "[^"]+" to be an object\.$/,
  /^Expected non-nullable type "[^"]+" not to be null\.$/,
];

/** Removes input values that graphql-js echoes into messages. */
export function scrubInputEcho(message: string): string {
  const variable = /^Variable "(\$[^"]+)" got invalid value /.exec(message);
  if (variable) {
    const located = /^Variable "\$[^"]+" got invalid value [\s\S]* at "([^"]+)"; ([\s\S]*)$/.exec(message);
    const path = located?.[1];
    const tail = (located?.[2] ?? message.slice(message.lastIndexOf('; ') + 2)).trim();
    const safeTail = SAFE_COERCION_TAILS.some((p) => p.test(tail)) ? ` ${tail}` : '';
    return `Variable "${variable[1]}" has an invalid value${path ? ` at "${path}"` : ''}.${safeTail}`;
  }
  return message
    .replace(/(Expected value of type "[^"]+", found) [\s\S]*?(;|\.$|$)/, '$1 an invalid value$2')
    .replace(/Value [\s\S]* does not exist in "([^"]+)" enum\./, 'Value does not exist in "$1" enum.')
    .replace(/(cannot represent an invalid [\w-]+) [\s\S]*$/, '$1 (value omitted).')
    .replace(/(cannot represent [^:]*:) [\s\S]*$/, '$1 (value omitted)');
}

export function createFormatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { locations: formatted.locations, path: formatted.path };
    if (original instanceof AppError) {
      const { http: _http, ...extensions } = original.extensions as Record<string, unknown>;
      return { ...base, message: original.message, extensions };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_INPUT_CODES.has(code)) {
      return { ...base, message: scrubInputEcho(formatted.message), extensions: { code: 'VALIDATION_ERROR' } };
    }
    const requestId = currentRequestId();
    log.error({ err: original, requestId }, 'unexpected error');
    return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) } };
  };
}
