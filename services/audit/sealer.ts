// The audit sealer: links committed audit entries into the hash chain shortly after commit, so audited
// operations never wait on a chain head (ARCHITECTURE.md, "Audit without a global bottleneck").
//
// Safety rule: entries are sealed in sequence order, and only through a sequence number L once every
// transaction that could still commit an entry numbered <= L has ended. A round reads L (the sequence's
// high-water mark) and *then* a snapshot's xmax; every transaction holding a number <= L got its transaction
// id before drawing the number (models/audit.repo.ts), hence before that snapshot, hence below xmax. Once the
// oldest running transaction (snapshot xmin) is >= that xmax, all of them have committed or rolled back, and
// the entries <= L that exist are exactly those that will ever exist. One replica seals at a time
// (transaction-scoped advisory lock); the others keep their pending mark and try again.
import type { Logger } from 'pino';
import type { Clock } from '../../lib/clock.js';
import type { Database, Tx } from '../../models/db.js';
import {
  applySeals,
  readLastSequence,
  readSealHead,
  readSnapshotXmax,
  readSnapshotXmin,
  selectUnsealed,
  tryLockSealer,
  writeSealHead,
  type SequenceSnapshot,
} from '../../models/audit-chain.repo.js';
import { linkEntries } from './chain-hash.js';

export interface AuditSealer {
  start(): void;
  /** Stops the loop and waits for a round in progress. */
  stop(): Promise<void>;
  /** Seals everything committed before the call (waiting for transactions running now); returns entries sealed. */
  sealNow(options?: { timeoutMs?: number }): Promise<number>;
}

export interface AuditSealerDeps {
  db: Database;
  clock: Clock;
  log: Logger;
  intervalMs: number;
  batchSize?: number;
}

/** How long a pending mark may wait for old transactions before the sealer warns (they delay sealing). */
const HELD_BACK_WARNING_MS = 10_000;

export function createAuditSealer(deps: AuditSealerDeps): AuditSealer {
  const batchSize = deps.batchSize ?? 5000;
  let pending: (SequenceSnapshot & { since: number; warned?: boolean }) | undefined;
  /** Everything <= this is sealed (or never existed); avoids work when idle. */
  let sealedThrough = 0;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let exclusive: Promise<unknown> = Promise.resolve();

  /** Rounds never overlap within a process (the background loop and sealNow share `pending`). */
  const runExclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const next = exclusive.then(work, work);
    exclusive = next.catch(() => undefined);
    return next;
  };

  /** Links the unsealed entries through `target` onto the chain inside `tx`; returns how many. */
  async function sealThrough(tx: Tx, target: number): Promise<number> {
    let head = await readSealHead(tx);
    let total = 0;
    for (;;) {
      const batch = await selectUnsealed(tx, head?.lastSequence ?? 0, target, batchSize);
      if (batch.length === 0) break;
      const links = linkEntries(head, batch);
      await applySeals(tx, links);
      const last = links[links.length - 1];
      head = { lastSequence: last.sequence, lastHash: last.hash };
      total += links.length;
      if (batch.length < batchSize) break;
    }
    if (total > 0 && head) await writeSealHead(tx, head, deps.clock.now());
    return total;
  }

  /**
   * One step: take a mark if there is new work, seal through it once it is safe. Returns entries sealed.
   * It runs in a transaction even when it only reads, because on PGlite a query outside one would run inside
   * whatever request transaction is open on the single connection.
   */
  async function round(): Promise<number> {
    const outcome = await deps.db.transaction(async (tx) => {
      if (!pending) {
        const lastSequence = await readLastSequence(tx);
        if (lastSequence <= sealedThrough) return undefined;
        // Order matters: the sequence first, then the snapshot (separate statements; see the header).
        const xmax = await readSnapshotXmax(tx);
        pending = { lastSequence, xmax, since: Date.now() };
      }
      const xmin = await readSnapshotXmin(tx);
      if (xmin < pending.xmax) {
        if (!pending.warned && Date.now() - pending.since > HELD_BACK_WARNING_MS) {
          pending.warned = true;
          deps.log.warn({ heldBackMs: Date.now() - pending.since }, 'audit sealing is held back by a long-running database transaction');
        }
        return undefined;
      }
      // Another replica holds the sealer lock: keep the mark and retry next round.
      if (!(await tryLockSealer(tx))) return undefined;
      const target = pending.lastSequence;
      return { target, sealed: await sealThrough(tx, target) };
    });
    if (!outcome) return 0;
    // Only once committed: the mark is done.
    pending = undefined;
    sealedThrough = Math.max(sealedThrough, outcome.target);
    return outcome.sealed;
  }

  const schedule = () => {
    if (!running) return;
    timer = setTimeout(() => {
      void runExclusive(round)
        .catch((error) => deps.log.error({ err: error }, 'audit sealing round failed; retrying'))
        .finally(schedule);
    }, deps.intervalMs);
    timer.unref();
  };

  return {
    start() {
      if (running) return;
      running = true;
      schedule();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      await exclusive;
    },
    async sealNow(options = {}) {
      const deadline = Date.now() + (options.timeoutMs ?? 10_000);
      const target = await deps.db.transaction((tx) => readLastSequence(tx));
      let total = 0;
      while (sealedThrough < target) {
        total += await runExclusive(round);
        if (sealedThrough >= target) break;
        if (Date.now() > deadline) throw new Error('audit entries could not be sealed in time (a transaction is still running)');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return total;
    },
  };
}
