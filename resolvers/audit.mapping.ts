// Maps audit rows and service results to their GraphQL shapes, and the per-request loaders the audit fields
// batch through (kept here, keyed by the request context, so listings of 50 secrets make one query, not 50).
import DataLoader from 'dataloader';
import type { AuditLogRow } from '../models/audit.tables.js';
import type { AuditPage } from '../services/audit/audit-queries.js';
import type { GraphQLContext } from './context.js';

export interface AuditLogNode {
  id: string;
  sequence: number;
  eventType: string;
  category: string;
  outcome: string;
  actorId: string;
  actorType: string;
  secretId: string | null;
  organizationId: string | null;
  details: unknown;
  ipAddress: string | null;
  userAgent: string | null;
  requestId: string | null;
  createdAt: Date;
  /** Null while unsealed (the field resolver shows the content hash then). */
  storedHash: string | null;
  previousHash: string | null;
  sealed: boolean;
}

export function toAuditLogNode(row: AuditLogRow): AuditLogNode {
  return {
    id: row.id,
    sequence: row.sequence,
    eventType: row.eventType,
    category: row.category,
    outcome: row.outcome,
    actorId: row.actorId,
    actorType: row.actorType,
    secretId: row.secretId,
    organizationId: row.organizationId,
    details: row.details,
    ipAddress: row.ip,
    userAgent: row.userAgent,
    requestId: row.requestId,
    createdAt: row.createdAt,
    storedHash: row.hash,
    previousHash: row.prevHash,
    sealed: row.hash !== null,
  };
}

export function toAuditConnection(page: AuditPage) {
  return {
    edges: page.rows.map((row) => ({ cursor: page.cursorOf(row), node: toAuditLogNode(row) })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    totalCount: page.totalCount,
  };
}

interface AuditLoaders {
  lastAccessedAt: DataLoader<string, Date | null>;
  contentHash: DataLoader<number, string | null>;
}

const loaders = new WeakMap<GraphQLContext, AuditLoaders>();

export function auditLoaders(ctx: GraphQLContext): AuditLoaders {
  let found = loaders.get(ctx);
  if (!found) {
    found = {
      lastAccessedAt: new DataLoader(async (ids) => {
        const byId = await ctx.services.audit.lastAccessedAt(ids);
        return ids.map((id) => byId.get(id) ?? null);
      }),
      contentHash: new DataLoader(async (sequences) => {
        const bySequence = await ctx.services.audit.contentHashes(sequences);
        return sequences.map((s) => bySequence.get(s) ?? null);
      }),
    };
    loaders.set(ctx, found);
  }
  return found;
}
