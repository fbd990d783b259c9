// The one logger (pino). Every line inside a request carries its request id (from the async context), and
// values, tokens and credentials are redacted wherever they appear in a logged object.
import pino, { type DestinationStream, type Logger } from 'pino';
import { requestContext } from './request-context.js';

export type { Logger } from 'pino';

/** Paths whose values are never written. Wildcards cover nested objects one and two levels down. */
export const REDACT_PATHS = [
  'value',
  '*.value',
  '*.*.value',
  'data',
  '*.data',
  'variables.value',
  'variables.input.value',
  '*.variables',
  'password',
  '*.password',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  '*.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'masterKey',
  '*.masterKey',
  'privateKey',
  '*.privateKey',
  'clientSecret',
  '*.clientSecret',
  'connectionString',
  '*.connectionString',
];

export function createLogger(options: {
  level: string;
  destination?: DestinationStream;
  name?: string;
  /** A second destination (the Logging Service shipper): every line goes to both. */
  alsoTo?: DestinationStream;
}): Logger {
  const destination = options.alsoTo
    ? pino.multistream([
        // Stream levels are floors; the logger's own level decides what is written at all.
        { level: 'trace', stream: options.destination ?? pino.destination(1) },
        { level: 'trace', stream: options.alsoTo },
      ])
    : options.destination;
  return pino(
    {
      name: options.name ?? 'secret-management',
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      base: { service: 'secret-management' },
      mixin() {
        const ctx = requestContext.getStore();
        return ctx
          ? {
              requestId: ctx.requestId,
              ...(ctx.actorId ? { actorId: ctx.actorId } : {}),
              ...(ctx.organizationId ? { organizationId: ctx.organizationId } : {}),
            }
          : {};
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
