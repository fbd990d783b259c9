// Read-only aggregates for the compliance report and secret statistics: per-secret facts (last value change,
// last read, active grants), activity counts over a period, and bursts of denied access.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from './db.js';

type Rows<T> = { rows: T[] };
const rowsOf = <T>(result: unknown): T[] => (result as Rows<T>).rows;
const ts = (date: Date) => sql`${date.toISOString()}::timestamptz`;
const asDate = (value: unknown): Date | null => (value === null || value === undefined ? null : new Date(value as string | Date));

export interface SecretFacts {
  id: string;
  name: string;
  type: string;
  scope: string;
  tags: string[];
  expiresAt: Date | null;
  createdAt: Date;
  rotationIntervalDays: number | null;
  /** Newest version's creation (creation, update, rollback or rotation). */
  lastValueChangeAt: Date;
  lastReadAt: Date | null;
  activeGrants: number;
  roleGrants: number;
}

/** Facts about every live secret of an organization (or all, when organizationId is null). */
export async function liveSecretFacts(tx: Executor, organizationId: string | null, now: Date): Promise<SecretFacts[]> {
  const org = organizationId === null ? sql`true` : sql`s.organization_id = ${organizationId}`;
  const activeGrant = sql`g.secret_id = s.id and g.revoked_at is null and (g.expires_at is null or g.expires_at > ${ts(now)})`;
  const rows = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`
      select s.id, s.name, s.type, s.scope, s.tags, s.expires_at, s.created_at, s.rotation_interval_days,
             coalesce((select max(v.created_at) from secret_versions v where v.secret_id = s.id), s.created_at) as last_value_change_at,
             (select max(a.created_at) from secret_audit_log a
               where a.secret_id = s.id and a.event_type = 'SECRET_VALUE_READ' and a.outcome = 'SUCCESS') as last_read_at,
             (select count(*) from secret_access_grants g where ${activeGrant}) as active_grants,
             (select count(*) from secret_access_grants g where ${activeGrant} and g.grantee_type = 'ROLE') as role_grants
        from secrets s
       where s.deleted_at is null and ${org}
       order by s.name, s.id`),
  );
  return rows.map((r) => ({
    id: r.id as string,
    name: r.name as string,
    type: r.type as string,
    scope: r.scope as string,
    tags: (r.tags as string[] | null) ?? [],
    expiresAt: asDate(r.expires_at),
    createdAt: asDate(r.created_at)!,
    rotationIntervalDays: r.rotation_interval_days === null ? null : Number(r.rotation_interval_days),
    lastValueChangeAt: asDate(r.last_value_change_at)!,
    lastReadAt: asDate(r.last_read_at),
    activeGrants: Number(r.active_grants),
    roleGrants: Number(r.role_grants),
  }));
}

export interface SecretCounts {
  total: number;
  deleted: number;
  expired: number;
  expiringWithin30Days: number;
  rotationDue: number;
  byType: Record<string, number>;
  byScope: Record<string, number>;
}

/** Counts over secrets matching `where` (a condition on `secrets` aliased as the table itself). */
export async function secretCounts(tx: Executor, where: SQL | undefined, now: Date): Promise<SecretCounts> {
  const live = sql`secrets.deleted_at is null`;
  const expired = sql`secrets.expires_at is not null and secrets.expires_at <= ${ts(now)}`;
  const condition = where ?? sql`true`;
  const [totals] = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`
      select count(*) filter (where ${live}) as total,
             count(*) filter (where not (${live})) as deleted,
             count(*) filter (where ${live} and ${expired}) as expired,
             count(*) filter (where ${live} and secrets.expires_at > ${ts(now)} and secrets.expires_at <= ${ts(now)} + interval '30 days') as expiring,
             count(*) filter (where ${live} and not (${expired}) and secrets.next_rotation_at is not null and secrets.next_rotation_at <= ${ts(now)}) as rotation_due
        from secrets where ${condition}`),
  );
  const groups = rowsOf<{ type: string; scope: string; n: unknown }>(
    await tx.execute(sql`select type, scope, count(*) as n from secrets where ${condition} and ${live} group by type, scope`),
  );
  const byType: Record<string, number> = {};
  const byScope: Record<string, number> = {};
  for (const g of groups) {
    byType[g.type] = (byType[g.type] ?? 0) + Number(g.n);
    byScope[g.scope] = (byScope[g.scope] ?? 0) + Number(g.n);
  }
  return {
    total: Number(totals.total),
    deleted: Number(totals.deleted),
    expired: Number(totals.expired),
    expiringWithin30Days: Number(totals.expiring),
    rotationDue: Number(totals.rotation_due),
    byType,
    byScope,
  };
}

export interface ActivityCounts {
  reads: number;
  writes: number;
  denials: number;
  exportsWithValues: number;
  unauthenticatedAttempts: number;
}

/** Audit activity in [from, to] for one organization (or everything). */
export async function activityCounts(
  tx: Executor,
  q: { organizationId: string | null; from: Date; to: Date; writeEventTypes: readonly string[] },
): Promise<ActivityCounts> {
  const org = q.organizationId === null ? sql`true` : sql`organization_id = ${q.organizationId}`;
  const writes = sql.join(q.writeEventTypes.map((t) => sql`${t}`), sql`, `);
  const [row] = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`
      select count(*) filter (where event_type = 'SECRET_VALUE_READ' and outcome = 'SUCCESS') as reads,
             count(*) filter (where event_type in (${writes}) and outcome = 'SUCCESS') as writes,
             count(*) filter (where outcome = 'DENIED' and event_type = 'SECRET_ACCESS_DENIED') as denials,
             count(distinct coalesce(request_id, id::text)) filter (
               where (event_type = 'SECRET_VALUE_READ' and outcome = 'SUCCESS' and details->>'operation' = 'exportSecrets')
                  or (event_type = 'SECRET_EXPORT_COMPLETED' and details->>'includesValues' = 'true')) as exports_with_values,
             coalesce(sum((details->>'attempts')::int) filter (where event_type = 'UNAUTHENTICATED_ATTEMPTS'), 0) as unauthenticated
        from secret_audit_log
       where created_at >= ${ts(q.from)} and created_at <= ${ts(q.to)} and ${org}`),
  );
  return {
    reads: Number(row.reads),
    writes: Number(row.writes),
    denials: Number(row.denials),
    exportsWithValues: Number(row.exports_with_values),
    unauthenticatedAttempts: Number(row.unauthenticated),
  };
}

export interface DeniedBurst {
  actorId: string;
  /** Most denials inside one window. */
  count: number;
  windowStart: Date;
}

/** Actors with at least `threshold` denials inside any `windowMinutes`-minute window of [from, to]. */
export async function deniedBursts(
  tx: Executor,
  q: { organizationId: string | null; from: Date; to: Date; windowMinutes: number; threshold: number },
): Promise<DeniedBurst[]> {
  const org = q.organizationId === null ? sql`true` : sql`organization_id = ${q.organizationId}`;
  const rows = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`
      select distinct on (actor_id) actor_id, in_window, created_at
        from (select actor_id, created_at,
                     count(*) over (partition by actor_id order by created_at
                                    range between current row and make_interval(mins => ${q.windowMinutes}) following) as in_window
                from secret_audit_log
               where outcome = 'DENIED' and event_type = 'SECRET_ACCESS_DENIED'
                 and created_at >= ${ts(q.from)} and created_at <= ${ts(q.to)} and ${org}) w
       where in_window >= ${q.threshold}
       order by actor_id, in_window desc, created_at`),
  );
  return rows.map((r) => ({ actorId: r.actor_id as string, count: Number(r.in_window), windowStart: asDate(r.created_at)! }));
}

/** Unsealed entries older than `before` (the sealer is not keeping up or not running). */
export async function staleUnsealedCount(tx: Executor, organizationId: string | null, before: Date): Promise<number> {
  const org = organizationId === null ? sql`true` : sql`organization_id = ${organizationId}`;
  const [row] = rowsOf<{ n: unknown }>(
    await tx.execute(sql`select count(*) as n from secret_audit_log where hash is null and created_at < ${ts(before)} and ${org}`),
  );
  return Number(row.n);
}
