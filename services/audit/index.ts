// The audit trail, assembled: the writing side (recorder, denials, unauthenticated summaries, sealer), created
// by the composition root before the other services, and the reading side (queries, chain verification,
// compliance report), created with them.
import type { Logger } from 'pino';
import type { Actor } from '../../identity/actor.js';
import type { Clock } from '../../lib/clock.js';
import { AccessDeniedError } from '../../lib/errors.js';
import type { Database } from '../../models/db.js';
import type { AccessPolicy } from '../access/policy.js';
import { canReadAllAudit, canReadOrganizationAudit } from './audit-access.js';
import { createAuditQueries } from './audit-queries.js';
import { verifyChain, type ChainVerification } from './chain-verify.js';
import { createComplianceReporter } from './compliance.js';
import { createDenialAuditor, type DenialAuditor } from './denials.js';
import { createAuditRecorder, type AuditRecorder } from './recorder.js';
import { createAuditHmac } from './sanitize.js';
import { createAuditSealer, type AuditSealer } from './sealer.js';
import { createUnauthenticatedTracker, type UnauthenticatedTracker } from './unauthenticated.js';

export interface AuditTrail {
  /** The ChangeRecorder for createServices' `recorders`. */
  recorder: AuditRecorder;
  /** The DenialReporter for createServices' `onDenied`. */
  denials: DenialAuditor;
  unauthenticated: UnauthenticatedTracker;
  sealer: AuditSealer;
  /** Starts the sealer loop and the unauthenticated-attempt summaries. */
  start(): void;
  /** Writes pending summaries and denials, seals what it can, stops the sealer (call before closing the database). */
  stop(): Promise<void>;
}

export function createAuditTrail(deps: {
  db: Database;
  clock: Clock;
  log: Logger;
  hmacKey: Buffer;
  sealIntervalMs: number;
  unauthenticatedWindowMs?: number;
}): AuditTrail {
  const recorder = createAuditRecorder({ clock: deps.clock, hmac: createAuditHmac(deps.hmacKey) });
  const denials = createDenialAuditor({ db: deps.db, recorder, log: deps.log });
  const unauthenticated = createUnauthenticatedTracker({
    db: deps.db,
    recorder,
    log: deps.log,
    clock: deps.clock,
    windowMs: deps.unauthenticatedWindowMs ?? 60_000,
  });
  const sealer = createAuditSealer({ db: deps.db, clock: deps.clock, log: deps.log, intervalMs: deps.sealIntervalMs });
  return {
    recorder,
    denials,
    unauthenticated,
    sealer,
    start() {
      sealer.start();
      unauthenticated.start();
    },
    async stop() {
      await unauthenticated.stop();
      await denials.whenIdle();
      // Seal what is committed now, briefly; anything left is sealed by the next sealer to run.
      await sealer.sealNow({ timeoutMs: 2000 }).catch(() => undefined);
      await sealer.stop();
    },
  };
}

export function createAuditService(deps: {
  db: Database;
  clock: Clock;
  access: AccessPolicy;
  trail: AuditTrail;
  maxGrantsPerSecret: number;
}) {
  const reportDenial = deps.access.reportDenial;
  const queries = createAuditQueries({ db: deps.db, access: deps.access, reportDenial });
  const compliance = createComplianceReporter({ db: deps.db, clock: deps.clock, reportDenial, maxGrantsPerSecret: deps.maxGrantsPerSecret });
  return {
    trail: deps.trail,
    ...queries,
    complianceReport: compliance.report,
    /**
     * The chain is one for the whole installation (a deletion cannot be attributed to an organization), so an
     * organization's audit readers verify the whole chain; the answer reveals only counts and sequence numbers.
     */
    async verifyChain(actor: Actor, organizationId?: string | null): Promise<ChainVerification> {
      const allowed = organizationId ? canReadOrganizationAudit(actor, organizationId) : canReadAllAudit(actor);
      if (!allowed) {
        await reportDenial({ actor, organizationId: organizationId ?? null, permission: 'secrets.audit.read', reason: 'verify audit chain' });
        throw new AccessDeniedError('Not allowed to verify this audit trail');
      }
      return verifyChain(deps.db, deps.clock);
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
