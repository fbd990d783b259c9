// Who is calling. Every request, job and consumer acts as an Actor; services decide what it may do.
export type ActorType = 'USER' | 'SERVICE' | 'SYSTEM';
export type OrgRole = 'ORG_ADMIN' | 'MEMBER';

export interface OrgMembership {
  id: string;
  role: OrgRole;
}

export interface Actor {
  id: string;
  type: ActorType;
  /** Platform roles, e.g. SUPER_ADMIN. */
  roles: readonly string[];
  orgs: readonly OrgMembership[];
  teams: readonly string[];
  projects: readonly string[];
  /** Explicit permission codes (secrets.<resource>.<action>.<scope>). */
  permissions: readonly string[];
  /** How the identity was established, for audit and logs. */
  via: 'bootstrap-token' | 'jwt' | 'service-account' | 'system';
}

export const isSuperAdmin = (actor: Actor): boolean => actor.roles.includes('SUPER_ADMIN');

export const BOOTSTRAP_ADMIN: Actor = Object.freeze({
  id: 'bootstrap-admin',
  type: 'USER',
  roles: ['SUPER_ADMIN'],
  orgs: [],
  teams: [],
  projects: [],
  permissions: [],
  via: 'bootstrap-token',
});

/** The actor of jobs and internal consumers: it passes service checks but is recorded as SYSTEM. */
export const SYSTEM_ACTOR: Actor = Object.freeze({
  id: 'system',
  type: 'SYSTEM',
  roles: ['SUPER_ADMIN'],
  orgs: [],
  teams: [],
  projects: [],
  permissions: [],
  via: 'system',
});
