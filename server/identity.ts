// Wires request authentication from configuration: the bootstrap admin token, user JWTs (HS256 or JWKS),
// the optional User Management enrichment, and service-account tokens.
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Actor } from '../identity/actor.js';
import { createAuthenticator, type Authenticator } from '../identity/authenticate.js';
import { resolveBootstrapAdminToken } from '../identity/bootstrap-admin.js';
import { createJwtVerifier } from '../identity/jwt.js';
import { createUserManagementEnricher } from '../identity/user-management.js';
import type { Clock } from '../lib/clock.js';
import { requestContext } from '../lib/request-context.js';
import type { Config } from './config.js';

export function createRequestAuthenticator(
  config: Config,
  clock: Clock,
  log: Logger,
  authenticateServiceAccount: (token: string) => Promise<Actor | null>,
) {
  const bootstrapAdmin = resolveBootstrapAdminToken({
    configuredToken: config.identity.adminToken,
    dataDir: config.database.dataDir,
    isProduction: config.isProduction,
  });
  if (bootstrapAdmin?.generated) {
    log.warn({ path: bootstrapAdmin.path }, 'generated a bootstrap admin token (acts as SUPER_ADMIN); read it from this file');
  }
  const verifyJwt = createJwtVerifier({ ...config.identity.jwt, clock });
  const enrich = config.identity.userManagement
    ? createUserManagementEnricher({ url: config.identity.userManagement.url, cacheTtlMs: config.identity.userManagement.cacheTtlMs, log })
    : undefined;
  const authenticator = createAuthenticator({
    bootstrapAdmin,
    verifyJwt,
    enrich,
    serviceAccounts: { authenticate: authenticateServiceAccount },
  });
  return { authenticator, bootstrapAdmin };
}

/**
 * Resolves the caller before GraphQL runs. Failures are kept, not sent: the identity plugin reports them,
 * so an anonymous `_service` query still answers.
 */
export function authenticateRequests(authenticator: Authenticator): RequestHandler {
  return async (req, res, next) => {
    try {
      res.locals.actor = await authenticator.authenticate(req.get('authorization'));
      const store = requestContext.getStore();
      if (store && res.locals.actor) store.actorId = res.locals.actor.id;
    } catch (error) {
      res.locals.actor = null;
      res.locals.authError = error;
    }
    next();
  };
}
