// Which expiry notification a secret is owed at a given moment (pure; the expiration check applies it).
//
// Rule (docs/lifecycle.md): each window in expiryNotificationDays fires once per expiry date, when the time
// left is at most that many days; EXPIRED fires once when the expiry date passes. A run that finds several
// windows owed at once (the job was down, or the secret was created close to its expiry) sends only the most
// urgent one and records the others as SKIPPED: a late "expires in 30 days" that arrives when 6 days are left
// is wrong information, and one accurate notice beats a burst of stale ones. Once expired, no window is sent.
import { DAY_MS } from '../../lib/clock.js';

export type ExpiryNoticeKind = 'EXPIRING_SOON' | 'EXPIRED';

export interface ExpiryClaim {
  kind: ExpiryNoticeKind;
  window: string;
  outcome: 'SENT' | 'SKIPPED';
}

export interface ExpiryPlan {
  /** The notice to send now (if its claim is new), with the facts that go into the event. */
  send?: { kind: ExpiryNoticeKind; window: string; days?: number; daysUntilExpiration: number };
  /** Every claim to insert (the one to send first), all idempotent. */
  claims: ExpiryClaim[];
}

/** `@2026-03-01T00:00:00.000Z`: the occurrence key of one expiry date (a new expiry date gets new windows). */
export const expiryKey = (expiresAt: Date): string => `@${expiresAt.toISOString()}`;
export const windowKey = (days: number, expiresAt: Date): string => `${days}d${expiryKey(expiresAt)}`;

/** Whole days left, rounded up: 30 at exactly 30 days, 1 with 3 hours left, 0 once expired. */
export const daysUntil = (expiresAt: Date, now: Date): number => Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / DAY_MS));

export function planExpiryNotice(expiresAt: Date, notificationDays: readonly number[], now: Date): ExpiryPlan {
  const left = expiresAt.getTime() - now.getTime();
  const windows = [...new Set(notificationDays.filter((d) => d > 0))].sort((a, b) => a - b);
  if (left <= 0) {
    const window = expiryKey(expiresAt);
    return {
      send: { kind: 'EXPIRED', window, daysUntilExpiration: 0 },
      claims: [
        { kind: 'EXPIRED', window, outcome: 'SENT' },
        ...windows.map((d) => ({ kind: 'EXPIRING_SOON' as const, window: windowKey(d, expiresAt), outcome: 'SKIPPED' as const })),
      ],
    };
  }
  const owed = windows.filter((d) => left <= d * DAY_MS);
  if (owed.length === 0) return { claims: [] };
  const [mostUrgent, ...superseded] = owed;
  const window = windowKey(mostUrgent, expiresAt);
  return {
    send: { kind: 'EXPIRING_SOON', window, days: mostUrgent, daysUntilExpiration: daysUntil(expiresAt, now) },
    claims: [
      { kind: 'EXPIRING_SOON', window, outcome: 'SENT' },
      ...superseded.map((d) => ({ kind: 'EXPIRING_SOON' as const, window: windowKey(d, expiresAt), outcome: 'SKIPPED' as const })),
    ],
  };
}
