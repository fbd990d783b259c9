import { describe, expect, test } from 'vitest';
import { HOUR_MS } from '../../lib/clock.js';
import { backoffHours } from './scheduled-rotation.js';
import { versionsToPrune } from './retention.js';

const now = new Date('2026-01-10T00:00:00Z');
const versions = (n: number, inGrace: number[] = []) =>
  Array.from({ length: n }, (_, i) => ({ version: i + 1, validUntil: inGrace.includes(i + 1) ? new Date(now.getTime() + HOUR_MS) : null }));

describe('version retention', () => {
  test('removes the oldest beyond the limit', () => {
    expect(versionsToPrune(versions(6), 6, 3, now)).toEqual([1, 2, 3]);
    expect(versionsToPrune(versions(3), 3, 3, now)).toEqual([]);
  });

  test('never the current version nor one inside its grace period', () => {
    expect(versionsToPrune(versions(6, [2]), 6, 3, now)).toEqual([1, 3, 4]);
    // After a rollback-like state where an old version is current.
    expect(versionsToPrune(versions(5), 1, 2, now)).toEqual([2, 3, 4]);
    // Everything protected: keeps more than the limit rather than break the grace period.
    expect(versionsToPrune(versions(3, [1, 2]), 3, 1, now)).toEqual([]);
  });

  test('a grace period that has passed no longer protects', () => {
    const stored = [{ version: 1, validUntil: new Date(now.getTime() - 1) }, { version: 2, validUntil: null }];
    expect(versionsToPrune(stored, 2, 1, now)).toEqual([1]);
  });
});

describe('rotation retry backoff', () => {
  test('doubles from one hour up to a day', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(backoffHours)).toEqual([1, 2, 4, 8, 16, 24, 24, 24]);
  });
});
