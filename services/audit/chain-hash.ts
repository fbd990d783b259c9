// The chain formula on the Node side (the sealer computes links; verification recomputes the same formula in
// SQL, models/audit-chain.repo.ts): hash = sha256_hex(`${prevSequence}|${prevHash}|${contentHash}`), with
// empty strings for the first entry. Including prevSequence is what lets a deleted entry be named exactly.
import { createHash } from 'node:crypto';

export interface ChainLink {
  sequence: number;
  prevSequence: number | null;
  prevHash: string | null;
  hash: string;
}

export function chainHash(prevSequence: number | null, prevHash: string | null, contentHash: string): string {
  return createHash('sha256')
    .update(`${prevSequence ?? ''}|${prevHash ?? ''}|${contentHash}`, 'utf8')
    .digest('hex');
}

/** Links entries (already in sequence order) onto the chain whose last link is `head`. */
export function linkEntries(
  head: { lastSequence: number; lastHash: string } | undefined,
  entries: readonly { sequence: number; contentHash: string }[],
): ChainLink[] {
  let prevSequence = head?.lastSequence ?? null;
  let prevHash = head?.lastHash ?? null;
  return entries.map((entry) => {
    const hash = chainHash(prevSequence, prevHash, entry.contentHash);
    const link = { sequence: entry.sequence, prevSequence, prevHash, hash };
    prevSequence = entry.sequence;
    prevHash = hash;
    return link;
  });
}
