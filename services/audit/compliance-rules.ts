// The compliance findings as pure rules over facts, so every rule reads (and is tested) on its own.
// Definitions and severities are documented in docs/audit.md ("Compliance report").
import { DAY_MS } from '../../lib/clock.js';
import type { DeniedBurst, SecretFacts } from '../../models/compliance.repo.js';

export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FINDING_CODES = [
  'NO_EXPIRATION',
  'ROTATION_OVERDUE',
  'EXPIRED_NOT_REMOVED',
  'EXPIRING_SOON',
  'UNUSED',
  'EXCESSIVE_GRANTS',
  'ROLE_GRANT_ON_PRODUCTION',
  'DENIED_ACCESS_BURST',
  'AUDIT_UNSEALED',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export interface Finding {
  code: FindingCode;
  severity: Severity;
  secretId: string | null;
  secretName: string | null;
  message: string;
  details: Record<string, unknown> | null;
}

export interface ComplianceThresholds {
  /** Rotation interval assumed for secrets without one. */
  defaultRotationDays: number;
  expiringWithinDays: number;
  unusedDays: number;
  maxGrantsPerSecret: number;
  burstWindowMinutes: number;
  burstThreshold: number;
}

export const DEFAULT_THRESHOLDS: Omit<ComplianceThresholds, 'maxGrantsPerSecret'> = {
  defaultRotationDays: 90,
  expiringWithinDays: 30,
  unusedDays: 90,
  burstWindowMinutes: 5,
  burstThreshold: 10,
};

/** `production`, `prod`, `env:production`, `environment=prod` (any case) mark a production secret. */
export const isProductionTag = (tag: string): boolean => /^((env|environment)[:=])?prod(uction)?$/i.test(tag.trim());

const days = (ms: number) => Math.floor(ms / DAY_MS);

export function secretFindings(s: SecretFacts, now: Date, t: ComplianceThresholds): Finding[] {
  const found: Finding[] = [];
  const add = (code: FindingCode, severity: Severity, message: string, details: Record<string, unknown> | null = null) =>
    found.push({ code, severity, secretId: s.id, secretName: s.name, message, details });
  const nowMs = now.getTime();

  if (!s.expiresAt) add('NO_EXPIRATION', 'LOW', 'Secret has no expiration date');
  else if (s.expiresAt.getTime() <= nowMs) {
    add('EXPIRED_NOT_REMOVED', 'HIGH', `Secret expired ${days(nowMs - s.expiresAt.getTime())} days ago and is still present`, {
      expiresAt: s.expiresAt.toISOString(),
    });
  } else if (s.expiresAt.getTime() <= nowMs + t.expiringWithinDays * DAY_MS) {
    add('EXPIRING_SOON', 'MEDIUM', `Secret expires within ${t.expiringWithinDays} days`, { expiresAt: s.expiresAt.toISOString() });
  }

  const interval = s.rotationIntervalDays ?? t.defaultRotationDays;
  const sinceChange = nowMs - s.lastValueChangeAt.getTime();
  if (sinceChange > interval * DAY_MS) {
    add('ROTATION_OVERDUE', 'MEDIUM', `Value not rotated for ${days(sinceChange)} days (interval ${interval} days)`, {
      lastValueChangeAt: s.lastValueChangeAt.toISOString(),
      intervalDays: interval,
      intervalIsDefault: s.rotationIntervalDays === null,
    });
  }

  const unusedSince = nowMs - t.unusedDays * DAY_MS;
  if (s.createdAt.getTime() <= unusedSince && (!s.lastReadAt || s.lastReadAt.getTime() <= unusedSince)) {
    add('UNUSED', 'LOW', `Value not read in the last ${t.unusedDays} days`, { lastReadAt: s.lastReadAt?.toISOString() ?? null });
  }

  if (s.activeGrants > t.maxGrantsPerSecret) {
    add('EXCESSIVE_GRANTS', 'MEDIUM', `${s.activeGrants} active grants (more than ${t.maxGrantsPerSecret})`, { activeGrants: s.activeGrants });
  }

  if (s.roleGrants > 0 && s.tags.some(isProductionTag)) {
    add('ROLE_GRANT_ON_PRODUCTION', 'HIGH', `Production secret granted to ${s.roleGrants} whole role(s)`, { roleGrants: s.roleGrants });
  }
  return found;
}

export function burstFinding(burst: DeniedBurst, t: ComplianceThresholds): Finding {
  return {
    code: 'DENIED_ACCESS_BURST',
    severity: 'HIGH',
    secretId: null,
    secretName: null,
    message: `${burst.count} denied accesses by ${burst.actorId} within ${t.burstWindowMinutes} minutes`,
    details: { actorId: burst.actorId, count: burst.count, windowStart: burst.windowStart.toISOString() },
  };
}

export function unsealedFinding(count: number, alertSeconds: number): Finding {
  return {
    code: 'AUDIT_UNSEALED',
    severity: 'HIGH',
    secretId: null,
    secretName: null,
    message: `${count} audit entries have stayed unsealed for more than ${alertSeconds} seconds (is the sealer running?)`,
    details: { count },
  };
}

const rank = (s: Severity) => SEVERITIES.indexOf(s);

/** Most severe first, then by code and secret name, so reports are stable and diffable. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      rank(b.severity) - rank(a.severity) ||
      a.code.localeCompare(b.code) ||
      (a.secretName ?? '').localeCompare(b.secretName ?? '') ||
      (a.secretId ?? '').localeCompare(b.secretId ?? '') ||
      a.message.localeCompare(b.message),
  );
}
