// The ChangeRecorder that turns recorded secret changes into outbox events: maps the change kind to its event
// type, builds the payload from whitelisted non-secret facts, validates it, inserts it in the causing
// transaction and NOTIFYs the event bus (delivered only on commit). `emitEvent` does the same for events that
// are not about one secret (vaults, import/export, migrations).
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Actor } from '../identity/actor.js';
import { DAY_MS, type Clock } from '../lib/clock.js';
import type { Tx } from '../models/db.js';
import { insertOutboxEvent } from '../models/outbox.repo.js';
import type { ChangeRecorder, SecretChange, SecretChangeKind } from '../services/changes.js';
import { EVENTS_CHANNEL } from './bus.js';
import { criticalityOf, EVENT_CATALOGUE, EVENT_CATEGORY, type SecretEventType } from './catalogue.js';
import { OutboxPayloadSchema, type EventData, type OutboxPayload } from './payload.js';
import { recipientsFor } from './recipients.js';
import { sanitizeErrorMessage } from './sanitize.js';

/** Which event a change produces; null = recorded for audit only, no notification. */
export const EVENT_OF_CHANGE: Readonly<Record<SecretChangeKind, SecretEventType | null>> = Object.freeze({
  CREATED: 'SECRET_CREATED',
  UPDATED: 'SECRET_UPDATED',
  VALUE_UPDATED: 'SECRET_UPDATED',
  ROLLED_BACK: 'SECRET_UPDATED',
  MOVED: 'SECRET_UPDATED',
  DELETED: 'SECRET_DELETED',
  RESTORED: 'SECRET_RESTORED',
  PURGED: 'SECRET_PERMANENTLY_DELETED',
  VALUE_READ: null,
  ACCESS_GRANTED: 'SECRET_ACCESS_GRANTED',
  ACCESS_REVOKED: 'SECRET_ACCESS_REVOKED',
  EXPIRING_SOON: 'SECRET_EXPIRING_SOON',
  EXPIRED: 'SECRET_EXPIRED',
  ROTATED: 'SECRET_ROTATED',
  ROTATION_DUE: 'SECRET_ROTATION_DUE',
  ROTATION_FAILED: 'SECRET_ROTATION_FAILED',
  VERSIONS_PRUNED: null,
  CERTIFICATE_EXPIRING: 'SECRET_CERTIFICATE_EXPIRING',
  CERTIFICATE_EXPIRED: 'SECRET_CERTIFICATE_EXPIRED',
});

/** An event that is not about one secret (vault, import, export, migration). */
export interface StandaloneEvent {
  type: SecretEventType;
  actor: Actor;
  organizationId: string | null;
  /** The vault / import run / migration id (default: the event id). */
  resourceId?: string;
  resourceName?: string;
  data?: Omit<EventData, 'secretId' | 'secretName' | 'secretType' | 'secretScope'>;
}

export interface OutboxRecorder extends ChangeRecorder {
  emitEvent(tx: Tx, event: StandaloneEvent): Promise<OutboxPayload>;
}

/** A payload that fails the schema is a bug; the message names paths and codes only, never the offending data. */
export class InvalidEventError extends Error {
  constructor(type: string, issues: { path: (string | number)[]; code: string }[]) {
    super(`Event ${type} does not match the payload schema: ${issues.map((i) => `${i.path.join('.') || '(root)'} ${i.code}`).join('; ')}`);
    this.name = 'InvalidEventError';
  }
}

export function createOutboxRecorder(deps: { clock: Clock }): OutboxRecorder {
  async function store(tx: Tx, candidate: OutboxPayload): Promise<OutboxPayload> {
    const parsed = OutboxPayloadSchema.safeParse(candidate);
    if (!parsed.success) throw new InvalidEventError(candidate.type, parsed.error.issues);
    const payload = parsed.data;
    await insertOutboxEvent(tx, {
      id: payload.id,
      type: payload.type,
      organizationId: payload.organizationId,
      payload,
      createdAt: new Date(payload.timestamp),
    });
    // Transactional: PostgreSQL (and PGlite) deliver it only if this transaction commits.
    await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${payload.id})`);
    return payload;
  }

  return {
    async record(tx, change) {
      const type = EVENT_OF_CHANGE[change.kind];
      if (!type) return;
      const now = deps.clock.now();
      const data = secretEventData(change, now);
      const { secret, actor } = change;
      const grantee = data.granteeType && data.granteeId ? { type: data.granteeType, id: data.granteeId } : undefined;
      await store(tx, {
        id: randomUUID(),
        type,
        category: EVENT_CATEGORY,
        actorId: actor.id,
        actorType: actor.type,
        recipientIds: recipientsFor(type, {
          actor,
          ownerId: secret.ownerUserId ?? secret.createdBy,
          organizationId: secret.organizationId,
          grantee,
        }),
        resourceType: 'secret',
        resourceId: secret.id,
        resourceName: secret.name,
        organizationId: secret.organizationId,
        ...(secret.teamId ? { teamId: secret.teamId } : {}),
        ...(secret.projectId ? { projectId: secret.projectId } : {}),
        data,
        suggestedCriticality: criticalityOf(type, data),
        timestamp: now.toISOString(),
      });
    },

    async emitEvent(tx, event) {
      const definition = EVENT_CATALOGUE[event.type];
      if (definition.resourceType === 'secret') {
        throw new Error(`${event.type} is about one secret: record it as a SecretChange instead`);
      }
      const now = deps.clock.now();
      const id = randomUUID();
      const data: EventData = { ...event.data };
      if (data.errorMessage !== undefined) data.errorMessage = sanitizeErrorMessage(data.errorMessage);
      return store(tx, {
        id,
        type: event.type,
        category: EVENT_CATEGORY,
        actorId: event.actor.id,
        actorType: event.actor.type,
        recipientIds: recipientsFor(event.type, { actor: event.actor, organizationId: event.organizationId }),
        resourceType: definition.resourceType,
        resourceId: event.resourceId ?? id,
        resourceName: event.resourceName ?? data.vaultName ?? '',
        organizationId: event.organizationId,
        data,
        suggestedCriticality: criticalityOf(event.type, data),
        timestamp: now.toISOString(),
      });
    },
  };
}

/** The payload's `data`: the secret's identity plus whitelisted facts of the change. Nothing else is copied. */
function secretEventData(change: SecretChange, now: Date): EventData {
  const { secret, kind } = change;
  const facts = change.data ?? {};
  const data: EventData = {
    secretId: secret.id,
    secretName: secret.name,
    secretType: secret.type,
    secretScope: secret.scope as EventData['secretScope'],
  };
  const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);
  const text = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);
  const version = int(facts.version);
  if (version !== undefined && version >= 1) data.version = version;
  const fromVersion = int(facts.fromVersion);
  if (fromVersion !== undefined && fromVersion >= 1) data.fromVersion = fromVersion;

  if (EVENT_OF_CHANGE[kind] === 'SECRET_UPDATED') {
    data.valueChanged = kind === 'VALUE_UPDATED' || kind === 'ROLLED_BACK' || facts.valueChanged === true;
    if (Array.isArray(facts.changedFields)) {
      data.changedFields = facts.changedFields.filter((f): f is string => typeof f === 'string' && /^[A-Za-z][A-Za-z0-9]{0,63}$/.test(f));
    } else if (kind === 'MOVED') {
      data.changedFields = ['scope', 'organizationId', 'teamId', 'projectId', 'ownerUserId', 'name'];
    }
  }
  if (kind === 'EXPIRING_SOON' || kind === 'EXPIRED' || kind === 'CERTIFICATE_EXPIRING' || kind === 'CERTIFICATE_EXPIRED') {
    const explicit = facts.expirationDate ?? facts.expiresAt;
    const expiry = explicit instanceof Date ? explicit : typeof explicit === 'string' && !Number.isNaN(Date.parse(explicit)) ? new Date(explicit) : secret.expiresAt;
    if (expiry) data.expirationDate = expiry.toISOString();
    const days = int(facts.daysUntilExpiration);
    if (days !== undefined) data.daysUntilExpiration = days;
    else if (expiry) data.daysUntilExpiration = Math.ceil((expiry.getTime() - now.getTime()) / DAY_MS);
  }
  if (kind === 'ROTATED' || kind === 'ROTATION_DUE' || kind === 'ROTATION_FAILED') {
    if (secret.rotationIntervalDays) data.rotationInterval = secret.rotationIntervalDays;
  }
  const error = facts.errorMessage ?? facts.error;
  if (kind === 'ROTATION_FAILED' || error !== undefined) {
    data.errorMessage = sanitizeErrorMessage(error ?? 'Rotation failed');
  }
  if (kind === 'ACCESS_GRANTED' || kind === 'ACCESS_REVOKED') {
    const granteeType = facts.granteeType;
    if (granteeType === 'USER' || granteeType === 'TEAM' || granteeType === 'ROLE') data.granteeType = granteeType;
    data.granteeId = text(facts.granteeId);
    data.grantId = text(facts.grantId);
    if (Array.isArray(facts.permissions)) data.permissions = facts.permissions.filter((p): p is string => typeof p === 'string' && /^[A-Z_]+$/.test(p));
    if (data.granteeId === undefined) delete data.granteeId;
    if (data.grantId === undefined) delete data.grantId;
  }
  if (secret.vaultId) data.vaultId = secret.vaultId;
  return data;
}
