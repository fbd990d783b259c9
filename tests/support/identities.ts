// Test identities: HS256 JWTs for users (signed with the server's AUTH_JWT_SECRET), persisted-operation
// requests for any caller, and service accounts created through the API.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SignJWT } from 'jose';
import type { Actor } from '../../identity/actor.js';
import type { GqlResponse, TestServer } from './server.js';

export const TEST_JWT_SECRET = `test-jwt-secret-${randomBytes(16).toString('hex')}`;

export interface Claims {
  sub: string;
  roles?: string[];
  orgs?: { id: string; role: 'ORG_ADMIN' | 'MEMBER' }[];
  teams?: string[];
  projects?: string[];
  permissions?: string[];
}

export async function mintJwt(claims: Claims, options: { secret?: string; expiresIn?: string | number; notBefore?: number; issuedAt?: number } = {}) {
  const jwt = new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256' }).setSubject(claims.sub);
  jwt.setIssuedAt(options.issuedAt);
  jwt.setExpirationTime(options.expiresIn ?? '10m');
  if (options.notBefore !== undefined) jwt.setNotBefore(options.notBefore);
  return jwt.sign(new TextEncoder().encode(options.secret ?? TEST_JWT_SECRET));
}

/** A JWT carrying exactly an Actor's claims. */
export const tokenFor = (actor: Actor) =>
  mintJwt({ sub: actor.id, roles: [...actor.roles], orgs: [...actor.orgs], teams: [...actor.teams], projects: [...actor.projects], permissions: [...actor.permissions] });

const manifest: Record<string, string> = JSON.parse(readFileSync('operations/generated/persisted-documents.json', 'utf8'));
const hashByName = new Map(
  Object.entries(manifest).map(([hash, doc]) => [/(?:query|mutation|subscription) (\w+)/.exec(doc)![1], hash]),
);

/** Runs a persisted operation by name (hash only, as service accounts must). */
export async function persisted<T = Record<string, any>>(
  app: TestServer,
  operationName: string,
  variables: Record<string, unknown>,
  token: string | null,
): Promise<GqlResponse<T>> {
  const hash = hashByName.get(operationName);
  if (!hash) throw new Error(`no persisted operation named ${operationName}`);
  const response = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
  });
  const body = (await response.json()) as { data?: T; errors?: any[] };
  return { status: response.status, headers: response.headers, data: body.data ?? undefined, errors: body.errors };
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export async function createServiceAccount(app: TestServer, input: { name: string; organizationId?: string; permissions: string[] }) {
  const data = await app.admin(
    `mutation($input: CreateServiceAccountInput!) { createServiceAccount(input: $input) { token serviceAccount { id } } }`,
    { input },
  );
  return data.createServiceAccount as { token: string; serviceAccount: { id: string } };
}
