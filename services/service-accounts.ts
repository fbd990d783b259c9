// Service accounts: machine identities of an organization with explicit permission codes. The token
// (`sa_<id>_<secret>`) is returned once; only the sha256 of its secret part is stored. Revocation takes effect
// on the next request because every request looks the account up.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { isSuperAdmin, type Actor } from '../identity/actor.js';
import type { Clock } from '../lib/clock.js';
import { AccessDeniedError, ValidationError, type FieldIssue } from '../lib/errors.js';
import type { Database, Tx } from '../models/db.js';
import { serviceAccounts, type ServiceAccountRow } from '../models/schema.js';
import * as repo from '../models/service-accounts.repo.js';
import { isPermissionCode } from './access/permissions.js';

const TOKEN_PATTERN = /^sa_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_([A-Za-z0-9_-]{20,200})$/;
const LAST_USED_INTERVAL_MS = 60_000;
/** Codes only a super admin may hand to a service account (platform-wide reach). */
const PLATFORM_CODES = /\.global$|^secrets\.keys\.rotate$|^secrets\.sso\.manage$/;
/** What an organization admin holds within their organization (see docs/permissions.md). */
const ORG_ADMIN_CODES = new Set([
  ...['create', 'read', 'update', 'delete', 'grant'].flatMap((a) => ['organization', 'team', 'project'].map((s) => `secrets.secret.${a}.${s}`)),
  'secrets.vault.manage.organization',
  'secrets.audit.read.organization',
]);

export const isServiceAccountToken = (token: string): boolean => token.startsWith('sa_');
const hashSecret = (secret: string) => createHash('sha256').update(secret).digest();

export type ServiceAccountService = ReturnType<typeof createServiceAccountService>;

/** Writes an ADMINISTRATION audit entry in the caller's transaction (the audit recorder's recordEvent). */
export type AdministrationAuditor = (
  tx: Tx,
  event: { eventType: string; actor: Actor; organizationId?: string | null; details?: Record<string, unknown> },
) => Promise<void>;

export function createServiceAccountService(deps: { db: Database; clock: Clock; audit: AdministrationAuditor }) {
  const { db, clock } = deps;

  function assertMayManage(actor: Actor, organizationId: string | null) {
    if (isSuperAdmin(actor)) return;
    if (organizationId && actor.orgs.some((o) => o.id === organizationId && o.role === 'ORG_ADMIN')) return;
    throw new AccessDeniedError('Only super admins and organization admins manage service accounts');
  }

  return {
    async create(actor: Actor, input: { name: string; organizationId?: string | null; permissions: string[] }) {
      const issues: FieldIssue[] = [];
      const name = input.name.trim();
      if (!name || name.length > 100) issues.push({ path: 'input.name', message: 'must be 1-100 characters' });
      input.permissions.forEach((code, i) => {
        if (!isPermissionCode(code)) issues.push({ path: `input.permissions.${i}`, message: 'is not a known permission code' });
      });
      if (issues.length) throw new ValidationError(issues);
      const organizationId = input.organizationId ?? null;
      assertMayManage(actor, organizationId);
      if (!isSuperAdmin(actor)) {
        // Nobody hands out more than they hold: an organization admin holds the organization-level codes of their
        // organization, plus whatever explicit codes their own identity carries.
        const beyond = input.permissions.filter(
          (code) => PLATFORM_CODES.test(code) || !(ORG_ADMIN_CODES.has(code) || actor.permissions.includes(code)),
        );
        if (beyond.length) throw new AccessDeniedError(`You cannot grant permissions you do not hold: ${beyond.join(', ')}`);
      }
      if (!organizationId && !isSuperAdmin(actor)) throw new AccessDeniedError('Only super admins create platform service accounts');
      const secret = randomBytes(32).toString('base64url');
      const id = randomUUID();
      const account = await db.transaction(async (tx) => {
        const row = await repo.insertServiceAccount(tx, {
          id,
          name,
          organizationId,
          permissions: [...new Set(input.permissions)],
          tokenHash: hashSecret(secret).toString('hex'),
          createdBy: actor.id,
          createdAt: clock.now(),
        });
        await deps.audit(tx, {
          eventType: 'SERVICE_ACCOUNT_CREATED',
          actor,
          organizationId,
          details: { serviceAccountId: id, name, permissions: row.permissions },
        });
        return row;
      });
      return { serviceAccount: account, token: `sa_${id}_${secret}` };
    },

    async revoke(actor: Actor, id: string): Promise<boolean> {
      const account = /^[0-9a-f-]{36}$/i.test(id) ? await repo.findServiceAccount(db, id) : undefined;
      if (!account || account.revokedAt) throw new ValidationError([{ path: 'id', message: 'no active service account with this id' }]);
      assertMayManage(actor, account.organizationId);
      return db.transaction(async (tx) => {
        const revoked = await repo.revokeServiceAccountRow(tx, id, clock.now());
        await deps.audit(tx, { eventType: 'SERVICE_ACCOUNT_REVOKED', actor, organizationId: account.organizationId, details: { serviceAccountId: id, name: account.name } });
        return revoked;
      });
    },

    async list(actor: Actor, organizationId?: string | null): Promise<ServiceAccountRow[]> {
      if (organizationId) {
        assertMayManage(actor, organizationId);
        return repo.listServiceAccounts(db, eq(serviceAccounts.organizationId, organizationId));
      }
      if (!isSuperAdmin(actor)) throw new AccessDeniedError('Only super admins list service accounts of every organization');
      return repo.listServiceAccounts(db, undefined);
    },

    /** The actor behind a service-account token, or null when the token is unknown or revoked. */
    async authenticate(token: string): Promise<Actor | null> {
      const match = TOKEN_PATTERN.exec(token);
      if (!match) return null;
      const [, id, secret] = match;
      const account = await repo.findServiceAccount(db, id);
      if (!account || account.revokedAt) return null;
      if (!timingSafeEqual(hashSecret(secret), Buffer.from(account.tokenHash, 'hex'))) return null;
      await repo.touchLastUsed(db, id, clock.now(), LAST_USED_INTERVAL_MS);
      return {
        id: `sa:${account.id}`,
        type: 'SERVICE',
        roles: [],
        orgs: account.organizationId ? [{ id: account.organizationId, role: 'MEMBER' }] : [],
        teams: [],
        projects: [],
        permissions: account.permissions,
        via: 'service-account',
      };
    },
  };
}
