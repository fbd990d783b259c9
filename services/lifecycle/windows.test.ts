import { describe, expect, test } from 'vitest';
import { addDays, HOUR_MS } from '../../lib/clock.js';
import { daysUntil, planExpiryNotice } from './windows.js';

const expiresAt = new Date('2026-03-02T00:00:00Z');
const at = (daysBefore: number) => addDays(expiresAt, -daysBefore);
const DEFAULT = [30, 14, 7, 1];

describe('expiry notice plan', () => {
  test('outside every window nothing is owed', () => {
    expect(planExpiryNotice(expiresAt, DEFAULT, at(31))).toEqual({ claims: [] });
  });

  test('at exactly 30 days the 30-day window is owed, with 30 days left', () => {
    const plan = planExpiryNotice(expiresAt, DEFAULT, at(30));
    expect(plan.send).toEqual({ kind: 'EXPIRING_SOON', window: '30d@2026-03-02T00:00:00.000Z', days: 30, daysUntilExpiration: 30 });
    expect(plan.claims).toEqual([{ kind: 'EXPIRING_SOON', window: '30d@2026-03-02T00:00:00.000Z', outcome: 'SENT' }]);
  });

  test('a late run sends only the most urgent window and marks the superseded ones skipped', () => {
    const plan = planExpiryNotice(expiresAt, DEFAULT, at(6));
    expect(plan.send).toMatchObject({ kind: 'EXPIRING_SOON', days: 7, daysUntilExpiration: 6 });
    expect(plan.claims.map((c) => [c.window.split('@')[0], c.outcome])).toEqual([
      ['7d', 'SENT'],
      ['14d', 'SKIPPED'],
      ['30d', 'SKIPPED'],
    ]);
  });

  test('once expired, EXPIRED is owed and every window is skipped', () => {
    const plan = planExpiryNotice(expiresAt, DEFAULT, at(0));
    expect(plan.send).toEqual({ kind: 'EXPIRED', window: '@2026-03-02T00:00:00.000Z', daysUntilExpiration: 0 });
    expect(plan.claims.filter((c) => c.outcome === 'SKIPPED')).toHaveLength(4);
  });

  test('custom windows are honoured, in any order, duplicates ignored', () => {
    expect(planExpiryNotice(expiresAt, [3, 60, 3], at(45)).send).toMatchObject({ days: 60, daysUntilExpiration: 45 });
    expect(planExpiryNotice(expiresAt, [3, 60], at(2)).send).toMatchObject({ days: 3 });
    expect(planExpiryNotice(expiresAt, [], at(2))).toEqual({ claims: [] });
  });

  test('a new expiry date gets its own windows', () => {
    const later = addDays(expiresAt, 365);
    const first = planExpiryNotice(expiresAt, DEFAULT, at(30)).send!.window;
    const second = planExpiryNotice(later, DEFAULT, addDays(later, -30)).send!.window;
    expect(second).not.toBe(first);
  });

  test('days left round up (3 hours left is 1 day)', () => {
    expect(daysUntil(expiresAt, new Date(expiresAt.getTime() - 3 * HOUR_MS))).toBe(1);
    expect(daysUntil(expiresAt, expiresAt)).toBe(0);
  });
});
