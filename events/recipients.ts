// Turns the catalogue's recipient rules into recipient ids. This subgraph knows users by id but cannot list
// an organization's admins or members, so groups are role recipients the Notification module expands:
//   org-admins:<orgId>   org-members:<orgId>   super-admins (resources outside any organization)
//   team:<teamId>, role:<role> (grants to a team or role)
import type { Actor } from '../identity/actor.js';
import { EVENT_CATALOGUE, type SecretEventType } from './catalogue.js';

export interface RecipientFacts {
  actor: Actor;
  /** The secret owner: its owner user, else its creator. */
  ownerId?: string | null;
  organizationId?: string | null;
  grantee?: { type: 'USER' | 'TEAM' | 'ROLE'; id: string };
}

export const orgAdmins = (orgId: string) => `org-admins:${orgId}`;
export const orgMembers = (orgId: string) => `org-members:${orgId}`;
export const SUPER_ADMINS = 'super-admins';

/** Ids that are not people (jobs, the system) receive nothing. */
const isPerson = (id: string | null | undefined): id is string => !!id && id !== 'system';

export function recipientsFor(type: SecretEventType, facts: RecipientFacts): string[] {
  const out = new Set<string>();
  for (const rule of EVENT_CATALOGUE[type].recipients) {
    switch (rule) {
      case 'ACTOR':
        // Service accounts and jobs act, but only people are notified.
        if (facts.actor.type === 'USER' && isPerson(facts.actor.id)) out.add(facts.actor.id);
        break;
      case 'SECRET_OWNER':
        if (isPerson(facts.ownerId)) out.add(facts.ownerId);
        break;
      case 'ORG_ADMINS':
        out.add(facts.organizationId ? orgAdmins(facts.organizationId) : SUPER_ADMINS);
        break;
      case 'ORG_MEMBERS':
        if (facts.organizationId) out.add(orgMembers(facts.organizationId));
        break;
      case 'GRANTEE':
        if (facts.grantee) {
          const { type: kind, id } = facts.grantee;
          out.add(kind === 'USER' ? id : kind === 'TEAM' ? `team:${id}` : `role:${id}`);
        }
        break;
    }
  }
  return [...out];
}
