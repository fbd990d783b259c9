// Turns a request's credentials into an Actor. No credentials -> null (only `_service` and health answer);
// credentials that do not verify -> UnauthenticatedError. JWTs and service accounts plug in here.
import { UnauthenticatedError } from '../lib/errors.js';
import { BOOTSTRAP_ADMIN, type Actor } from './actor.js';
import type { BootstrapAdminToken } from './bootstrap-admin.js';

export interface Authenticator {
  authenticate(authorization: string | undefined): Promise<Actor | null>;
}

export function createAuthenticator(deps: { bootstrapAdmin?: BootstrapAdminToken }): Authenticator {
  return {
    async authenticate(authorization) {
      if (authorization === undefined || authorization.trim() === '') return null;
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      if (!match) throw new UnauthenticatedError('Malformed Authorization header; expected "Bearer <token>"');
      const token = match[1];
      if (deps.bootstrapAdmin?.matches(token)) return BOOTSTRAP_ADMIN;
      throw new UnauthenticatedError('Invalid or expired credentials');
    },
  };
}
