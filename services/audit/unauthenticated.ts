// Requests without valid credentials are counted, not audited one by one, so anonymous traffic cannot flood
// the trail or the logs: the first attempt of each window is logged, and at the end of the window one
// UNAUTHENTICATED_ATTEMPTS entry (and one log line) summarizes the count and the busiest addresses.
import type { Logger } from 'pino';
import { SYSTEM_ACTOR } from '../../identity/actor.js';
import type { Clock } from '../../lib/clock.js';
import type { Database } from '../../models/db.js';
import { UNAUTHENTICATED_EVENT } from './event-types.js';
import type { AuditRecorder } from './recorder.js';

export interface UnauthenticatedTracker {
  /** Counts one refused anonymous or badly authenticated request. */
  note(ip: string | undefined): void;
  /** Writes the summary of the current window now (if anything was counted). */
  flush(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
  /** Attempts counted since start. */
  total(): number;
}

/** Distinct addresses remembered per window; beyond that they are counted under "other". */
const MAX_TRACKED_IPS = 1000;
const TOP_IPS = 10;

export function createUnauthenticatedTracker(deps: {
  db: Database;
  recorder: AuditRecorder;
  log: Logger;
  clock: Clock;
  windowMs: number;
}): UnauthenticatedTracker {
  let total = 0;
  let windowStart = deps.clock.now();
  let attempts = 0;
  let byIp = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> = Promise.resolve();

  async function writeSummary(): Promise<void> {
    if (attempts === 0) return;
    const summary = {
      attempts,
      distinctIps: byIp.size,
      topIps: [...byIp.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, TOP_IPS)
        .map(([ip, count]) => ({ ip, count })),
      windowStart: windowStart.toISOString(),
      windowEnd: deps.clock.now().toISOString(),
    };
    attempts = 0;
    byIp = new Map();
    windowStart = deps.clock.now();
    deps.log.warn({ attempts: summary.attempts, distinctIps: summary.distinctIps }, 'unauthenticated requests refused in the last window');
    try {
      await deps.db.transaction((tx) =>
        deps.recorder.recordEvent(tx, {
          eventType: UNAUTHENTICATED_EVENT,
          category: 'SECURITY',
          outcome: 'DENIED',
          actor: SYSTEM_ACTOR,
          details: summary,
        }),
      );
    } catch (error) {
      deps.log.error({ err: error }, 'could not write the unauthenticated-attempts audit entry');
    }
  }

  const flush = () => (flushing = flushing.then(writeSummary));

  return {
    note(ip) {
      total += 1;
      attempts += 1;
      if (attempts === 1) deps.log.warn({ ip }, 'unauthenticated request refused (further ones this window are counted, not logged)');
      const key = ip && (byIp.has(ip) || byIp.size < MAX_TRACKED_IPS) ? ip : 'other';
      byIp.set(key, (byIp.get(key) ?? 0) + 1);
    },
    flush,
    start() {
      timer ??= setInterval(() => void flush(), deps.windowMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await flush();
    },
    total: () => total,
  };
}
