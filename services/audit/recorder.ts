// The audit ChangeRecorder: every change, value read, grant and lifecycle step recorded through
// services/changes.ts becomes one audit entry in the same transaction, so a failed audit write fails the
// operation (fail closed). Also writes entries that are not secret changes (denials, summaries) on request.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../identity/actor.js';
import type { Clock } from '../../lib/clock.js';
import { requestContext } from '../../lib/request-context.js';
import { insertAuditEntry } from '../../models/audit.repo.js';
import type { Tx } from '../../models/db.js';
import type { ChangeRecorder, SecretChange } from '../changes.js';
import { AUDIT_EVENT_OF_CHANGE, VALUE_READ_EVENT, type AuditCategory, type AuditOutcome } from './event-types.js';
import { sanitizeDetails, type AuditHmac } from './sanitize.js';

export interface AuditEvent {
  eventType: string;
  category: AuditCategory;
  outcome: AuditOutcome;
  actor: Pick<Actor, 'id' | 'type' | 'via'>;
  secretId?: string | null;
  organizationId?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditRecorder extends ChangeRecorder {
  /** Writes an entry that is not a secret change (denial, key rotation, summary) inside `tx`. */
  recordEvent(tx: Tx, event: AuditEvent): Promise<void>;
}

export function createAuditRecorder(deps: { clock: Clock; hmac: AuditHmac }): AuditRecorder {
  async function recordEvent(tx: Tx, event: AuditEvent): Promise<void> {
    const request = requestContext.getStore();
    // Log lines of the rest of the request name the organization it acted on.
    if (request && event.organizationId && !request.organizationId) request.organizationId = event.organizationId;
    await insertAuditEntry(tx, {
      id: randomUUID(),
      eventType: event.eventType,
      category: event.category,
      outcome: event.outcome,
      actorId: event.actor.id,
      actorType: event.actor.type,
      secretId: event.secretId ?? null,
      organizationId: event.organizationId ?? null,
      details: sanitizeDetails({ ...event.details, via: event.actor.via }, deps.hmac),
      ip: request?.ip ?? null,
      userAgent: request?.userAgent ? request.userAgent.slice(0, 512) : null,
      requestId: request?.requestId ?? null,
      createdAt: deps.clock.now(),
    });
  }

  return {
    recordEvent,
    async record(tx, change: SecretChange) {
      const kind = AUDIT_EVENT_OF_CHANGE[change.kind];
      const details: Record<string, unknown> = { ...change.data, secretName: change.secret.name, secretType: change.secret.type, scope: change.secret.scope };
      if (kind.eventType === VALUE_READ_EVENT && typeof details.operation !== 'string') details.operation = 'value';
      await recordEvent(tx, {
        ...kind,
        actor: change.actor,
        secretId: change.secret.id,
        organizationId: change.secret.organizationId,
        details,
      });
    },
  };
}
