// verifyAuditChain: checks every sealed entry against its hash and its predecessor, the sealer's head record
// against the newest sealed entry, and reports the unsealed tail (an old unsealed entry is a finding: the
// sealer is not running or is held back). One consistent snapshot, read-only.
import type { Clock } from '../../lib/clock.js';
import { readSealHead, scanChain } from '../../models/audit-chain.repo.js';
import type { Database } from '../../models/db.js';

export interface ChainVerification {
  valid: boolean;
  /** Sealed entries verified. */
  checked: number;
  /** Lowest sequence where the chain is broken (a changed, inserted or deleted entry), null when valid. */
  firstBrokenSequence: number | null;
  /** The newest sealed entry according to the sealer's head record. */
  sealedThroughSequence: number | null;
  headHash: string | null;
  /** Entries not yet sealed (normal for under a second after commit). */
  unsealed: number;
  oldestUnsealedSequence: number | null;
  oldestUnsealedAt: Date | null;
  /** An unsealed entry is older than the alert threshold. */
  unsealedStale: boolean;
}

/** Unsealed entries older than this are a finding (the sealer targets < 1 s). */
export const UNSEALED_ALERT_MS = 10_000;

export async function verifyChain(db: Database, clock: Clock): Promise<ChainVerification> {
  return db.transaction(
    async (tx) => {
      const head = await readSealHead(tx);
      const scan = await scanChain(tx, head?.lastSequence ?? 0);
      const breaks: (number | null)[] = [scan.firstBrokenLink, scan.firstUnsealedBelowHead, scan.firstSealedAfterHead];
      if (head) {
        // The newest sealed entries were deleted, or the newest one altered along with its own hash.
        if (scan.maxSealedSequence === null || scan.maxSealedSequence < head.lastSequence) breaks.push(head.lastSequence);
        else if (scan.maxSealedSequence === head.lastSequence && scan.maxSealedHash !== head.lastHash) breaks.push(head.lastSequence);
      }
      const found = breaks.filter((b): b is number => b !== null);
      const firstBrokenSequence = found.length ? Math.min(...found) : null;
      const now = clock.now().getTime();
      return {
        valid: firstBrokenSequence === null,
        checked: scan.checked,
        firstBrokenSequence,
        sealedThroughSequence: head?.lastSequence ?? null,
        headHash: head?.lastHash ?? null,
        unsealed: scan.unsealed,
        oldestUnsealedSequence: scan.oldestUnsealedSequence,
        oldestUnsealedAt: scan.oldestUnsealedAt,
        unsealedStale: scan.oldestUnsealedAt !== null && now - scan.oldestUnsealedAt.getTime() > UNSEALED_ALERT_MS,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
