// Express wiring that is not GraphQL: request ids, request logging, health endpoints, JSON errors for
// requests that never reach GraphQL (oversized or malformed bodies).
import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { clientIp, parseTrustedProxies, type TrustedProxies } from '../lib/client-ip.js';
import { requestContext } from '../lib/request-context.js';

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Takes X-Request-Id when well-formed (else generates one), echoes it, records the client address (honouring
 * X-Forwarded-For only from trusted proxies) and user agent, and scopes the request's async work.
 */
export function requestIdMiddleware(options: { trustedProxies?: TrustedProxies } = {}): RequestHandler {
  const trusted = options.trustedProxies ?? parseTrustedProxies([]);
  return (req, res, next) => {
    const given = req.get('x-request-id');
    const requestId = given && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    const ip = clientIp(req.socket.remoteAddress, req.get('x-forwarded-for'), trusted);
    const userAgent = req.get('user-agent')?.slice(0, 512);
    requestContext.run({ requestId, ip, userAgent }, next);
  };
}

/**
 * One line when a request arrives (debug) and one when it ends: `request completed` (status and duration),
 * `request failed` (HTTP error or GraphQL errors, with their codes) or `request aborted` (client went away).
 * Lines carry the request id, the caller (actorId) and the organization acted on, from the request context.
 * Requests refused as unauthenticated end at debug level: they are counted and summarized once a minute
 * (services/audit/unauthenticated.ts), so anonymous traffic cannot flood the logs.
 */
export function requestLogMiddleware(log: Logger): RequestHandler {
  return (req, res, next) => {
    if (req.path === '/healthz' || req.path === '/readyz') return next();
    const started = process.hrtime.bigint();
    const store = requestContext.getStore();
    const ids = () => ({
      requestId: store?.requestId,
      ...(store?.actorId ? { actorId: store.actorId } : {}),
      ...(store?.organizationId ? { organizationId: store.organizationId } : {}),
    });
    const elapsed = () => Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
    log.debug({ ...ids(), method: req.method, path: req.path, ip: store?.ip, userAgent: store?.userAgent }, 'request received');
    let finished = false;
    res.on('finish', () => {
      finished = true;
      const codes = store?.errorCodes ?? [];
      const line = { ...ids(), method: req.method, path: req.path, status: res.statusCode, durationMs: elapsed() };
      if (res.statusCode < 400 && codes.length === 0) return log.info(line, 'request completed');
      const anonymous = !store?.actorId && (res.statusCode === 401 || codes.includes('UNAUTHENTICATED'));
      if (anonymous) return log.debug({ ...line, errorCodes: codes }, 'request refused: unauthenticated');
      const severe = res.statusCode >= 500 || codes.includes('INTERNAL_SERVER_ERROR');
      log[severe ? 'error' : 'warn']({ ...line, errorCodes: codes }, 'request failed');
    });
    res.on('close', () => {
      if (!finished) log.warn({ ...ids(), method: req.method, path: req.path, durationMs: elapsed() }, 'request aborted');
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
