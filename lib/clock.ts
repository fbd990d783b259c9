// Time is injected so lifecycle code and tests never depend on the wall clock.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can move by hand. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string = '2026-01-01T00:00:00Z') {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * DAY_MS);
