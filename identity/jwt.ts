// Verifies user JWTs (HS256 with a shared secret, or asymmetric keys from a JWKS) and maps their claims to an
// Actor. Only the configured algorithms are accepted, so `alg: none` and algorithm-confusion tokens fail.
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { Clock } from '../lib/clock.js';
import { UnauthenticatedError } from '../lib/errors.js';
import type { Actor } from './actor.js';

const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'EdDSA'];

const claimsSchema = z.object({
  sub: z.string().min(1).max(256),
  roles: z.array(z.string().min(1).max(64)).max(100).default([]),
  orgs: z
    .array(z.object({ id: z.string().min(1).max(128), role: z.enum(['ORG_ADMIN', 'MEMBER']) }))
    .max(500)
    .default([]),
  teams: z.array(z.string().min(1).max(128)).max(1000).default([]),
  projects: z.array(z.string().min(1).max(128)).max(1000).default([]),
  permissions: z.array(z.string().min(1).max(128)).max(500).default([]),
});

export type JwtClaims = z.infer<typeof claimsSchema>;

export interface JwtOptions {
  secret?: string;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  clockToleranceSeconds: number;
  clock: Clock;
}

export type JwtVerifier = (token: string) => Promise<Actor>;

export function createJwtVerifier(options: JwtOptions): JwtVerifier | undefined {
  let key: Uint8Array | JWTVerifyGetKey;
  let algorithms: string[];
  if (options.jwksUrl) {
    key = createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 });
    algorithms = ASYMMETRIC_ALGORITHMS;
  } else if (options.secret) {
    key = new TextEncoder().encode(options.secret);
    algorithms = ['HS256'];
  } else {
    return undefined;
  }
  return async (token) => {
    let payload: JWTPayload;
    const now = options.clock.now();
    try {
      ({ payload } = await jwtVerify(token, key as never, {
        algorithms,
        issuer: options.issuer,
        audience: options.audience,
        clockTolerance: options.clockToleranceSeconds,
        currentDate: now,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw new UnauthenticatedError(describeJoseError(error));
    }
    // jose checks exp and nbf; a token issued in the future is refused as well.
    if (typeof payload.iat === 'number' && payload.iat * 1000 > now.getTime() + options.clockToleranceSeconds * 1000) {
      throw new UnauthenticatedError('Token issued in the future');
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw new UnauthenticatedError('Token claims are malformed');
    const c = claims.data;
    return { id: c.sub, type: 'USER', roles: c.roles, orgs: c.orgs, teams: c.teams, projects: c.projects, permissions: c.permissions, via: 'jwt' };
  };
}

function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'Token expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `Token claim "${error.claim}" is not acceptable`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'Token signature is invalid';
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'Token algorithm is not allowed';
  return 'Invalid token';
}
