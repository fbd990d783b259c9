// SQL of the audit hash chain: the canonical content of an entry, the sealer's reads and writes, and the
// set-based verification (one pass with window functions, so 100,000 entries verify in one query).
// The formula is documented in docs/audit.md and mirrored by services/audit/chain-hash.ts.
import { sql } from 'drizzle-orm';
import type { Executor } from './db.js';

/**
 * The canonical text an entry's content hash covers: every content column, in a fixed order, rendered by
 * jsonb (deterministic key order and spacing) with the timestamp as UTC microseconds text.
 */
const CONTENT_TEXT = sql.raw(`jsonb_build_array(a.sequence, a.id, a.event_type, a.category, a.outcome, a.actor_id, a.actor_type,
  a.secret_id, a.organization_id, a.details, a.ip, a.user_agent, a.request_id,
  to_char(a.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text`);
const CONTENT_HASH = sql`encode(sha256(convert_to(${CONTENT_TEXT}, 'UTF8')), 'hex')`;
/** hash = sha256(prevSequence | prevHash | contentHash), hex; empty strings for the first entry. */
const CHAIN_HASH = sql`encode(sha256(convert_to(coalesce(a.prev_sequence::text, '') || '|' || coalesce(a.prev_hash, '') || '|' || ${CONTENT_HASH}, 'UTF8')), 'hex')`;

/** Serializes sealers across replicas for the length of one transaction. */
const SEAL_LOCK_ID = 7_263_411_005;

type Rows<T> = { rows: T[] };
const rowsOf = <T>(result: unknown): T[] => (result as Rows<T>).rows;

export interface SealHead {
  lastSequence: number;
  lastHash: string;
}

export interface SequenceSnapshot {
  /** Highest sequence number handed out so far (0 when none). */
  lastSequence: number;
  /** First transaction id not yet assigned when the snapshot was taken. */
  xmax: bigint;
}

export async function tryLockSealer(tx: Executor): Promise<boolean> {
  const [row] = rowsOf<{ locked: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${SEAL_LOCK_ID}) as locked`));
  return row.locked === true;
}

export async function readSealHead(tx: Executor): Promise<SealHead | undefined> {
  const [row] = rowsOf<{ last_sequence: string | number; last_hash: string }>(
    await tx.execute(sql`select last_sequence, last_hash from secret_audit_seal where id = 1`),
  );
  return row ? { lastSequence: Number(row.last_sequence), lastHash: row.last_hash } : undefined;
}

export async function writeSealHead(tx: Executor, head: SealHead, at: Date): Promise<void> {
  await tx.execute(sql`
    insert into secret_audit_seal (id, last_sequence, last_hash, sealed_at)
    values (1, ${head.lastSequence}, ${head.lastHash}, ${at.toISOString()}::timestamptz)
    on conflict (id) do update set last_sequence = excluded.last_sequence, last_hash = excluded.last_hash, sealed_at = excluded.sealed_at`);
}

/** The sequence's high-water mark. Must be read *before* the snapshot in takeSequenceSnapshot. */
export async function readLastSequence(tx: Executor): Promise<number> {
  const [row] = rowsOf<{ last_value: string | number; is_called: boolean }>(
    await tx.execute(sql`select last_value, is_called from secret_audit_log_sequence_seq`),
  );
  return row.is_called ? Number(row.last_value) : 0;
}

export async function readSnapshotXmax(tx: Executor): Promise<bigint> {
  const [row] = rowsOf<{ xmax: string }>(await tx.execute(sql`select pg_snapshot_xmax(pg_current_snapshot())::text as xmax`));
  return BigInt(row.xmax);
}

/** Oldest transaction still running (anywhere on the server) as of now. */
export async function readSnapshotXmin(tx: Executor): Promise<bigint> {
  const [row] = rowsOf<{ xmin: string }>(await tx.execute(sql`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`));
  return BigInt(row.xmin);
}

/** The next unsealed entries after `afterSequence` up to `throughSequence`, with their content hashes. */
export async function selectUnsealed(
  tx: Executor,
  afterSequence: number,
  throughSequence: number,
  limit: number,
): Promise<{ sequence: number; contentHash: string }[]> {
  const rows = rowsOf<{ sequence: string | number; content_hash: string }>(
    await tx.execute(sql`
      select a.sequence, ${CONTENT_HASH} as content_hash
        from secret_audit_log a
       where a.sequence > ${afterSequence} and a.sequence <= ${throughSequence} and a.hash is null
       order by a.sequence
       limit ${limit}`),
  );
  return rows.map((r) => ({ sequence: Number(r.sequence), contentHash: r.content_hash }));
}

export async function applySeals(
  tx: Executor,
  seals: { sequence: number; prevSequence: number | null; prevHash: string | null; hash: string }[],
): Promise<void> {
  if (seals.length === 0) return;
  const payload = JSON.stringify(seals.map((s) => ({ s: s.sequence, ps: s.prevSequence, ph: s.prevHash, h: s.hash })));
  await tx.execute(sql`
    update secret_audit_log a
       set prev_sequence = v.ps, prev_hash = v.ph, hash = v.h
      from jsonb_to_recordset(${payload}::jsonb) as v(s bigint, ps bigint, ph text, h text)
     where a.sequence = v.s and a.hash is null`);
}

export interface ChainScan {
  checked: number;
  /** Lowest sequence where a sealed entry does not verify or links to something other than its predecessor. */
  firstBrokenLink: number | null;
  maxSealedSequence: number | null;
  maxSealedHash: string | null;
  /** Lowest sealed sequence above `head` (sealed entries the sealer never recorded). */
  firstSealedAfterHead: number | null;
  /** Lowest unsealed sequence at or below `head` (entries slipped in, or whose hash was erased). */
  firstUnsealedBelowHead: number | null;
  unsealed: number;
  oldestUnsealedSequence: number | null;
  oldestUnsealedAt: Date | null;
}

/** Verifies every sealed entry against its stored hash and its predecessor, in one pass. */
export async function scanChain(tx: Executor, headSequence: number): Promise<ChainScan> {
  const [row] = rowsOf<Record<string, string | number | null>>(
    await tx.execute(sql`
      with sealed as (
        select a.sequence, a.prev_sequence, a.prev_hash, a.hash,
               lag(a.sequence) over (order by a.sequence) as actual_prev_sequence,
               lag(a.hash) over (order by a.sequence) as actual_prev_hash,
               ${CHAIN_HASH} as recomputed
          from secret_audit_log a
         where a.hash is not null
      ),
      broken as (
        select case
                 when recomputed <> hash then sequence
                 -- a deleted predecessor: this entry still names it
                 when prev_sequence is not null and (actual_prev_sequence is null or prev_sequence > actual_prev_sequence) then prev_sequence
                 else sequence
               end as at
          from sealed
         where recomputed <> hash
            or prev_sequence is distinct from actual_prev_sequence
            or prev_hash is distinct from actual_prev_hash
      ),
      tail as (
        select count(*) as unsealed, min(sequence) as oldest_sequence, min(created_at) as oldest_at
          from secret_audit_log where hash is null and sequence > ${headSequence}
      )
      select (select count(*) from sealed) as checked,
             (select min(at) from broken) as first_broken_link,
             (select max(sequence) from sealed) as max_sealed_sequence,
             (select hash from sealed order by sequence desc limit 1) as max_sealed_hash,
             (select min(sequence) from sealed where sequence > ${headSequence}) as first_sealed_after_head,
             (select min(sequence) from secret_audit_log where hash is null and sequence <= ${headSequence}) as first_unsealed_below_head,
             tail.unsealed, tail.oldest_sequence, to_char(tail.oldest_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as oldest_at
        from tail`),
  );
  const num = (v: string | number | null) => (v === null || v === undefined ? null : Number(v));
  return {
    checked: Number(row.checked),
    firstBrokenLink: num(row.first_broken_link),
    maxSealedSequence: num(row.max_sealed_sequence),
    maxSealedHash: (row.max_sealed_hash as string | null) ?? null,
    firstSealedAfterHead: num(row.first_sealed_after_head),
    firstUnsealedBelowHead: num(row.first_unsealed_below_head),
    unsealed: Number(row.unsealed),
    oldestUnsealedSequence: num(row.oldest_sequence),
    oldestUnsealedAt: row.oldest_at ? new Date(row.oldest_at as string) : null,
  };
}

/** Content hashes of the given entries (an unsealed entry shows `unsealed:<content hash>` as its hash). */
export async function contentHashes(tx: Executor, sequences: readonly number[]): Promise<Map<number, string>> {
  if (sequences.length === 0) return new Map();
  const rows = rowsOf<{ sequence: string | number; content_hash: string }>(
    await tx.execute(sql`
      select a.sequence, ${CONTENT_HASH} as content_hash
        from secret_audit_log a
       where a.sequence in (select jsonb_array_elements_text(${JSON.stringify(sequences)}::jsonb)::bigint)`),
  );
  return new Map(rows.map((r) => [Number(r.sequence), r.content_hash]));
}
