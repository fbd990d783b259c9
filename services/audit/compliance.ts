// complianceReport: summary statistics of a period plus findings with severity, for one organization (its
// audit readers) or the whole installation (global audit readers). Secrets are judged as of now; activity
// and denial bursts over [from, to]. The report is also available as one JSON document.
import type { Actor } from '../../identity/actor.js';
import type { Clock } from '../../lib/clock.js';
import { AccessDeniedError, ValidationError } from '../../lib/errors.js';
import { activityCounts, deniedBursts, liveSecretFacts, secretCounts, staleUnsealedCount } from '../../models/compliance.repo.js';
import type { Database } from '../../models/db.js';
import { secrets } from '../../models/schema.js';
import type { DenialReporter } from '../access/policy.js';
import { canReadAllAudit, canReadOrganizationAudit } from './audit-access.js';
import { UNSEALED_ALERT_MS } from './chain-verify.js';
import {
  burstFinding,
  DEFAULT_THRESHOLDS,
  secretFindings,
  SEVERITIES,
  sortFindings,
  unsealedFinding,
  type ComplianceThresholds,
  type Finding,
} from './compliance-rules.js';
import { WRITE_EVENT_TYPES } from './event-types.js';
import { eq } from 'drizzle-orm';

export interface ComplianceReport {
  organizationId: string | null;
  periodStart: Date;
  periodEnd: Date;
  generatedAt: Date;
  summary: Record<string, unknown>;
  findings: Finding[];
}

export function createComplianceReporter(deps: {
  db: Database;
  clock: Clock;
  reportDenial: DenialReporter;
  maxGrantsPerSecret: number;
}) {
  const thresholds: ComplianceThresholds = { ...DEFAULT_THRESHOLDS, maxGrantsPerSecret: deps.maxGrantsPerSecret };

  return {
    thresholds,
    async report(actor: Actor, args: { organizationId?: string | null; from: Date; to: Date }): Promise<ComplianceReport> {
      const organizationId = args.organizationId ?? null;
      const allowed = organizationId ? canReadOrganizationAudit(actor, organizationId) : canReadAllAudit(actor);
      if (!allowed) {
        await deps.reportDenial({ actor, organizationId, permission: 'secrets.audit.read', reason: 'compliance report' });
        throw new AccessDeniedError('Not allowed to read the compliance report of this scope');
      }
      if (args.from.getTime() > args.to.getTime()) throw new ValidationError([{ path: 'from', message: 'must not be after to' }]);
      const now = deps.clock.now();
      return deps.db.transaction(
        async (tx) => {
          const facts = await liveSecretFacts(tx, organizationId, now);
          const counts = await secretCounts(tx, organizationId ? eq(secrets.organizationId, organizationId) : undefined, now);
          const activity = await activityCounts(tx, { organizationId, from: args.from, to: args.to, writeEventTypes: WRITE_EVENT_TYPES });
          const bursts = await deniedBursts(tx, {
            organizationId,
            from: args.from,
            to: args.to,
            windowMinutes: thresholds.burstWindowMinutes,
            threshold: thresholds.burstThreshold,
          });
          const stale = await staleUnsealedCount(tx, organizationId, new Date(now.getTime() - UNSEALED_ALERT_MS));
          const findings = sortFindings([
            ...facts.flatMap((f) => secretFindings(f, now, thresholds)),
            ...bursts.map((b) => burstFinding(b, thresholds)),
            ...(stale > 0 ? [unsealedFinding(stale, UNSEALED_ALERT_MS / 1000)] : []),
          ]);
          const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length]));
          const byCode: Record<string, number> = {};
          for (const f of findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
          return {
            organizationId,
            periodStart: args.from,
            periodEnd: args.to,
            generatedAt: now,
            summary: {
              secrets: {
                total: counts.total,
                deleted: counts.deleted,
                expired: counts.expired,
                expiringWithin30Days: counts.expiringWithin30Days,
                rotationDue: counts.rotationDue,
                byType: counts.byType,
                byScope: counts.byScope,
              },
              activity,
              findings: { total: findings.length, bySeverity, byCode },
              thresholds,
            },
            findings,
          };
        },
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      );
    },
  };
}

/** The report as one JSON document (for download and archiving). */
export function complianceReportJson(report: ComplianceReport): string {
  return JSON.stringify(
    {
      organizationId: report.organizationId,
      periodStart: report.periodStart.toISOString(),
      periodEnd: report.periodEnd.toISOString(),
      generatedAt: report.generatedAt.toISOString(),
      summary: report.summary,
      findings: report.findings,
    },
    null,
    2,
  );
}

export type ComplianceReporter = ReturnType<typeof createComplianceReporter>;
