// A secret's status, defined once in two forms that must agree: a TypeScript function for a loaded row and
// a SQL expression for filtering lists. Precedence: DELETED > EXPIRED > ROTATION_DUE > EXPIRING > ACTIVE.
// EXPIRING means "inside the largest expiry-notification window". Windows are whole 24-hour days in SQL too
// (interval days would follow daylight-saving changes of the session time zone and disagree with the code).
import { sql, type SQL } from 'drizzle-orm';
import { DAY_MS } from '../lib/clock.js';
import { secrets, type SecretRow } from '../models/schema.js';

export const SECRET_STATUSES = ['ACTIVE', 'EXPIRING', 'EXPIRED', 'ROTATION_DUE', 'DELETED'] as const;
export type SecretStatus = (typeof SECRET_STATUSES)[number];

type StatusFields = Pick<SecretRow, 'deletedAt' | 'expiresAt' | 'nextRotationAt' | 'expiryNotificationDays'>;

export function secretStatus(row: StatusFields, now: Date): SecretStatus {
  const t = now.getTime();
  if (row.deletedAt) return 'DELETED';
  if (row.expiresAt && row.expiresAt.getTime() <= t) return 'EXPIRED';
  if (row.nextRotationAt && row.nextRotationAt.getTime() <= t) return 'ROTATION_DUE';
  const window = Math.max(0, ...(row.expiryNotificationDays ?? []));
  if (row.expiresAt && window > 0 && row.expiresAt.getTime() <= t + window * DAY_MS) return 'EXPIRING';
  return 'ACTIVE';
}

export function secretStatusSql(now: Date): SQL<SecretStatus> {
  const n = sql`${now.toISOString()}::timestamptz`;
  return sql<SecretStatus>`(case
    when ${secrets.deletedAt} is not null then 'DELETED'
    when ${secrets.expiresAt} is not null and ${secrets.expiresAt} <= ${n} then 'EXPIRED'
    when ${secrets.nextRotationAt} is not null and ${secrets.nextRotationAt} <= ${n} then 'ROTATION_DUE'
    when ${secrets.expiresAt} is not null
      and ${secrets.expiresAt} <= ${n} + make_interval(hours => 24 * coalesce((select max(d) from unnest(${secrets.expiryNotificationDays}) as d where d > 0), 0))
      and coalesce((select max(d) from unnest(${secrets.expiryNotificationDays}) as d), 0) > 0 then 'EXPIRING'
    else 'ACTIVE' end)`;
}
