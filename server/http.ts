// Express wiring that is not GraphQL: request ids, request logging, health endpoints, JSON errors for
// requests that never reach GraphQL (oversized or malformed bodies).
import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { requestContext } from '../lib/request-context.js';

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** Takes X-Request-Id when well-formed (else generates one), echoes it, and scopes the request's async work. */
export function requestIdMiddleware(): RequestHandler {
  return (req, res, next) => {
    const given = req.get('x-request-id');
    const requestId = given && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    requestContext.run({ requestId }, next);
  };
}

export function requestLogMiddleware(log: Logger): RequestHandler {
  return (req, res, next) => {
    if (req.path === '/healthz' || req.path === '/readyz') return next();
    const started = process.hrtime.bigint();
    log.debug({ method: req.method, path: req.path }, 'request received');
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      log.info({ method: req.method, path: req.path, status: res.statusCode, durationMs: Math.round(durationMs * 10) / 10 }, 'request completed');
    });
    next();
  };
}

export function healthRoutes(checks: { isReady(): Promise<{ ok: boolean; details: Record<string, unknown> }> }): {
  healthz: RequestHandler;
  readyz: RequestHandler;
} {
  return {
    healthz: (_req, res) => {
      res.json({ status: 'ok' });
    },
    readyz: async (_req, res) => {
      const result = await checks.isReady().catch(() => ({ ok: false, details: { error: 'readiness check failed' } }));
      res.status(result.ok ? 200 : 503).json({ status: result.ok ? 'ready' : 'not ready', ...result.details });
    },
  };
}

/** Body-parser failures (too large, bad JSON) answer as GraphQL errors with a stable code. */
export function jsonErrorHandler(log: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const status = typeof error?.status === 'number' ? error.status : 500;
    const known = status === 413 || status === 400 || status === 415;
    if (!known) log.error({ err: error }, 'unhandled HTTP error');
    const message = status === 413 ? 'Request body too large' : known ? 'Malformed request body' : 'Internal server error';
    res.status(status).json({ errors: [{ message, extensions: { code: known ? 'VALIDATION_ERROR' : 'INTERNAL_SERVER_ERROR' } }] });
  };
}
