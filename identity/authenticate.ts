// Turns a request's credentials into an Actor. No credentials -> null (only `_service` and health answer);
// credentials that do not verify -> UnauthenticatedError. Three kinds of bearer token: the bootstrap admin
// token, service-account tokens (`sa_...`), and user JWTs.
import { UnauthenticatedError } from '../lib/errors.js';
import { BOOTSTRAP_ADMIN, type Actor } from './actor.js';
import type { BootstrapAdminToken } from './bootstrap-admin.js';
import type { JwtVerifier } from './jwt.js';
import type { ActorEnricher } from './user-management.js';

export interface Authenticator {
  authenticate(authorization: string | undefined): Promise<Actor | null>;
}

export interface AuthenticatorDeps {
  bootstrapAdmin?: BootstrapAdminToken;
  verifyJwt?: JwtVerifier;
  serviceAccounts?: { authenticate(token: string): Promise<Actor | null> };
  enrich?: ActorEnricher;
}

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

export function createAuthenticator(deps: AuthenticatorDeps): Authenticator {
  return {
    async authenticate(authorization) {
      if (authorization === undefined || authorization.trim() === '') return null;
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      if (!match) throw new UnauthenticatedError('Malformed Authorization header; expected "Bearer <token>"');
      const token = match[1];
      if (deps.bootstrapAdmin?.matches(token)) return BOOTSTRAP_ADMIN;
      if (token.startsWith('sa_')) {
        const actor = await deps.serviceAccounts?.authenticate(token);
        if (!actor) throw new UnauthenticatedError('Invalid or revoked service account token');
        return actor;
      }
      if (JWT_SHAPE.test(token) && deps.verifyJwt) {
        const actor = await deps.verifyJwt(token);
        return deps.enrich ? deps.enrich(actor) : actor;
      }
      throw new UnauthenticatedError('Invalid or expired credentials');
    },
  };
}
