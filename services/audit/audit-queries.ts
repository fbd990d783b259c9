// Reading the audit trail: pages with filters, one entry, a secret's value-read usage and last access.
// Permissions per audit-access.ts; refusals of authenticated callers are themselves audited.
import { and } from 'drizzle-orm';
import type { Actor } from '../../identity/actor.js';
import { AccessDeniedError } from '../../lib/errors.js';
import { checkPageSize, decodeCursor, encodeCursor } from '../../lib/pagination.js';
import { findAuditEntry, lastValueReadAt, listAuditPage, listValueReads } from '../../models/audit.repo.js';
import { contentHashes } from '../../models/audit-chain.repo.js';
import type { AuditLogRow } from '../../models/audit.tables.js';
import type { Database } from '../../models/db.js';
import type { SecretRow } from '../../models/schema.js';
import { assertPermission, type AccessPolicy, type DenialReporter } from '../access/policy.js';
import { canReadAllAudit, canReadOrganizationAudit, readableAuditScope } from './audit-access.js';
import { auditFilterSql, auditScopeSql, type AuditFilterInput } from './audit-filter.js';
import { VALUE_READ_EVENT } from './event-types.js';

export interface AuditPage {
  rows: AuditLogRow[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
  cursorOf(row: AuditLogRow): string;
}

export interface SecretUsageEntry {
  accessedAt: Date;
  actorId: string;
  actorType: string;
  operation: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const cursorOf = (row: AuditLogRow) => encodeCursor([row.sequence]);

export function createAuditQueries(deps: { db: Database; access: AccessPolicy; reportDenial: DenialReporter }) {
  const { db } = deps;

  async function deny(actor: Actor, organizationId: string | null | undefined, reason: string): Promise<never> {
    await deps.reportDenial({ actor, organizationId: organizationId ?? null, permission: 'secrets.audit.read', reason });
    throw new AccessDeniedError('Not allowed to read this audit trail');
  }

  return {
    /** Newest first. Without organizationId: every organization the caller may audit (all for global readers). */
    async list(
      actor: Actor,
      args: { organizationId?: string | null; filter?: AuditFilterInput | null; first: number; after?: string | null },
    ): Promise<AuditPage> {
      const first = checkPageSize(args.first);
      const before = args.after ? Number(decodeCursor(args.after, 1)[0]) : undefined;
      const scope = readableAuditScope(actor, args.organizationId);
      if (scope !== 'ALL' && scope.length === 0) return deny(actor, args.organizationId, 'audit read');
      const page = await listAuditPage(db, { where: and(auditScopeSql(scope), auditFilterSql(args.filter)), beforeSequence: before, limit: first });
      const last = page.rows.at(-1);
      return { ...page, endCursor: last ? cursorOf(last) : null, cursorOf };
    },

    /** One entry, or null when missing or outside what the caller may read (indistinguishable). */
    async get(actor: Actor, id: string): Promise<AuditLogRow | null> {
      if (!UUID.test(id)) return null;
      const row = await findAuditEntry(db, id);
      if (!row) return null;
      const readable = canReadAllAudit(actor) || (row.organizationId !== null && canReadOrganizationAudit(actor, row.organizationId));
      if (!readable) {
        await deps.reportDenial({ actor, organizationId: row.organizationId, permission: 'secrets.audit.read', reason: 'not visible' });
        return null;
      }
      return row;
    },

    /** Who read the value, newest first: for those who govern the secret (GRANT, or audit readers of its organization). */
    async usage(actor: Actor, secret: SecretRow, first: number): Promise<SecretUsageEntry[]> {
      const limit = checkPageSize(first);
      const auditReader = secret.organizationId ? canReadOrganizationAudit(actor, secret.organizationId) : canReadAllAudit(actor);
      if (!auditReader) await assertPermission(deps.access, actor, secret, 'GRANT');
      const rows = await listValueReads(db, secret.id, VALUE_READ_EVENT, limit);
      return rows.map((row) => ({
        accessedAt: row.createdAt,
        actorId: row.actorId,
        actorType: row.actorType,
        operation: typeof (row.details as { operation?: unknown } | null)?.operation === 'string' ? (row.details as { operation: string }).operation : 'value',
      }));
    },

    /** Content hashes of unsealed entries (what their `hash` shows until sealed). */
    contentHashes(sequences: readonly number[]): Promise<Map<number, string>> {
      return contentHashes(db, sequences);
    },

    /** Last successful value read per secret, from the trail (value reads never write to the secret row). */
    lastAccessedAt(secretIds: readonly string[]): Promise<Map<string, Date>> {
      return lastValueReadAt(db, secretIds, VALUE_READ_EVENT);
    },
  };
}

export type AuditQueries = ReturnType<typeof createAuditQueries>;
