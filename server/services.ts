// Wires the domain services together from their dependencies (called by the composition root).
import type { Logger } from 'pino';
import { inertEventBus, type EventBus } from '../events/bus.js';
import type { Clock } from '../lib/clock.js';
import type { Database } from '../models/db.js';
import { createAccessPolicy, type AccessPolicy, type DenialReporter } from '../services/access/policy.js';
import { createGrantService, type GrantService } from '../services/access/grants.js';
import { createSecretResolver } from '../services/resolve-secrets.js';
import { createServiceAccountService, type AdministrationAuditor, type ServiceAccountService } from '../services/service-accounts.js';
import { combineRecorders, type ChangeRecorder } from '../services/changes.js';
import { createEncryptionKeyService, type DataKeyRotator, type EncryptionKeyService } from '../services/encryption-keys.js';
import { createLifecycleServices, type LifecycleServices } from '../services/lifecycle/index.js';
import { createWebhookAllowlist } from '../services/lifecycle/webhook-allowlist.js';
import { createEventSubscriptions, type EventSubscriptions } from '../services/event-subscriptions.js';
import { createOutboxEventService, type OutboxEventService } from '../services/outbox-events.js';
import { createSecretService, type SecretService } from '../services/secrets.js';
import type { ValueCipher } from '../services/value-cipher.js';
import { createVersionService, type VersionService } from '../services/versions.js';
import { createAuditService, type AuditService, type AuditTrail } from '../services/audit/index.js';
import { createSecretStats, type SecretStatsService } from '../services/secret-stats.js';
import { createOutboxRecorder } from '../events/outbox-recorder.js';
import { createExportService, type ExportService } from '../services/import-export/export.js';

export type SecretResolver = ReturnType<typeof createSecretResolver>;

export interface Services {
  clock: Clock;
  access: AccessPolicy;
  secrets: SecretService;
  versions: VersionService;
  encryptionKeys: EncryptionKeyService;
  grants: GrantService;
  serviceAccounts: ServiceAccountService;
  resolver: SecretResolver;
  /** Committed secret events on every replica (GraphQL subscriptions read this). */
  events: EventBus;
  /** The outbox view (super admins). */
  outbox: OutboxEventService;
  /** Expiration, rotation, retention, purge (jobs and rotateSecret). */
  lifecycle: LifecycleServices;
  /** Per-subscriber event streams (visibility re-checked per event). */
  eventStream: EventSubscriptions;
  /** Audit queries, chain verification, compliance report (the writing side is `audit.trail`). */
  audit: AuditService;
  /** Organization.secretStats. */
  secretStats: SecretStatsService;
  /** exportSecrets (JSON / dotenv, metadata only or with values). */
  exports: ExportService;
}

export function createServices(deps: {
  db: Database;
  keys: ValueCipher & DataKeyRotator;
  clock: Clock;
  log: Logger;
  settings: { recoveryDays: number; maxValueBytes: number; allowExpiredRead: boolean };
  recorders?: ChangeRecorder[];
  /** The audit trail; its recorder belongs in `recorders` and its `denials.report` in `onDenied`. */
  auditTrail: AuditTrail;
  /** Compliance finding EXCESSIVE_GRANTS above this many active grants (default 10). */
  maxGrantsPerSecret?: number;
  onDenied?: DenialReporter;
  events?: EventBus;
  /** AMQP routing-key prefix, to show routing keys in the outbox view. */
  routingPrefix?: string;
  /** Retention and rotation-webhook settings (default: 20 versions, no webhook allowed). */
  lifecycle?: { maxVersions: number; rotationWebhook: { allowlist: readonly string[]; timeoutMs: number; retries: number } };
}): Services {
  const access = createAccessPolicy({ db: deps.db, clock: deps.clock, onDenied: deps.onDenied });
  const recorder = combineRecorders(...(deps.recorders ?? []));
  const common = { db: deps.db, cipher: deps.keys, clock: deps.clock, access, recorder, settings: deps.settings };
  const lifecycleSettings = deps.lifecycle ?? { maxVersions: 20, rotationWebhook: { allowlist: [], timeoutMs: 10_000, retries: 2 } };
  const secrets = createSecretService({ ...common, webhookAllowlist: createWebhookAllowlist(lifecycleSettings.rotationWebhook.allowlist) });
  const versions = createVersionService({ ...common, secrets });
  // Administrative actions that are not changes of one secret get their own ADMINISTRATION audit entries.
  const auditAdministration: AdministrationAuditor = (tx, event) =>
    deps.auditTrail.recorder.recordEvent(tx, { ...event, category: 'ADMINISTRATION', outcome: 'SUCCESS' });
  const encryptionKeys = createEncryptionKeyService({ keys: deps.keys, log: deps.log, db: deps.db, audit: auditAdministration });
  const grants = createGrantService({ db: deps.db, clock: deps.clock, access, recorder, secrets });
  const serviceAccounts = createServiceAccountService({ db: deps.db, clock: deps.clock, audit: auditAdministration });
  const resolver = createSecretResolver({ db: deps.db, access, versions });
  const events = deps.events ?? inertEventBus;
  const outbox = createOutboxEventService({ db: deps.db, routingPrefix: deps.routingPrefix });
  const lifecycle = createLifecycleServices({
    db: deps.db,
    cipher: deps.keys,
    clock: deps.clock,
    recorder,
    secrets,
    settings: { ...lifecycleSettings, maxValueBytes: deps.settings.maxValueBytes },
  });
  const eventStream = createEventSubscriptions({ bus: events, db: deps.db, access });
  const audit = createAuditService({ db: deps.db, clock: deps.clock, access, trail: deps.auditTrail, maxGrantsPerSecret: deps.maxGrantsPerSecret ?? 10 });
  const secretStats = createSecretStats({ db: deps.db, clock: deps.clock, access });
  // The outbox recorder is stateless: this instance emits the export's standalone event in the export's own transaction.
  const exports = createExportService({
    db: deps.db,
    clock: deps.clock,
    access,
    secrets,
    versions,
    emitEvent: createOutboxRecorder({ clock: deps.clock }).emitEvent,
    recordAudit: deps.auditTrail.recorder.recordEvent,
    settings: { allowExpiredRead: deps.settings.allowExpiredRead },
  });
  return { clock: deps.clock, access, secrets, versions, encryptionKeys, grants, serviceAccounts, resolver, events, outbox, lifecycle, eventStream, audit, secretStats, exports };
}
