// Optional adapter: asks the platform's User Management service for a user's roles, memberships and
// permission codes (GET <USER_MANAGEMENT_URL>/users/<id>/permissions), cached briefly, and merges them into
// the token's claims. When the service is down the token's own claims stand alone (nothing extra granted).
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import type { Logger } from 'pino';
import type { Actor } from './actor.js';

const responseSchema = z.object({
  roles: z.array(z.string()).default([]),
  orgs: z.array(z.object({ id: z.string(), role: z.enum(['ORG_ADMIN', 'MEMBER']) })).default([]),
  teams: z.array(z.string()).default([]),
  projects: z.array(z.string()).default([]),
  permissions: z.array(z.string()).default([]),
});
type Grants = z.infer<typeof responseSchema>;

export type ActorEnricher = (actor: Actor) => Promise<Actor>;

export function createUserManagementEnricher(options: { url: string; cacheTtlMs: number; timeoutMs?: number; log: Logger }): ActorEnricher {
  const cache = new LRUCache<string, Grants>({ max: 10_000, ttl: options.cacheTtlMs });
  const base = options.url.replace(/\/+$/, '');
  return async (actor) => {
    // `.` and `..` survive encodeURIComponent and would change the path: such ids are never looked up.
    if (actor.type !== 'USER' || actor.via !== 'jwt' || actor.id === '.' || actor.id === '..') return actor;
    let grants = cache.get(actor.id);
    if (!grants) {
      try {
        const response = await fetch(`${base}/users/${encodeURIComponent(actor.id)}/permissions`, {
          signal: AbortSignal.timeout(options.timeoutMs ?? 2000),
          headers: { accept: 'application/json' },
        });
        if (!response.ok) throw new Error(`status ${response.status}`);
        grants = responseSchema.parse(await response.json());
        cache.set(actor.id, grants);
      } catch (error) {
        options.log.warn({ userId: actor.id, reason: error instanceof Error ? error.message : 'unknown' }, 'user management lookup failed; using token claims only');
        return actor;
      }
    }
    const union = <T>(a: readonly T[], b: readonly T[], key: (x: T) => string = String) => {
      const seen = new Map(a.map((x) => [key(x), x]));
      for (const x of b) if (!seen.has(key(x))) seen.set(key(x), x);
      return [...seen.values()];
    };
    return {
      ...actor,
      roles: union(actor.roles, grants.roles),
      orgs: union(actor.orgs, grants.orgs, (o) => `${o.id}:${o.role}`),
      teams: union(actor.teams, grants.teams),
      projects: union(actor.projects, grants.projects),
      permissions: union(actor.permissions, grants.permissions),
    };
  };
}
