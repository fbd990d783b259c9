import { openDatabase } from '/work/main/models/db.js';
import { systemClock } from '/work/main/lib/clock.js';
import { createLogger } from '/work/main/lib/logger.js';
import { createAuditSealer } from '/work/main/services/audit/sealer.js';
const log = createLogger({ level: 'warn' });
for (const bs of [5000, 20000]) {
  const db = await openDatabase({ kind: 'pglite' });
  await db.migrate();
  await db.query(`insert into secret_audit_log (id, event_type, category, outcome, actor_id, actor_type, organization_id, details, created_at)
   select gen_random_uuid(), 'SECRET_VALUE_READ', 'ACCESS', 'SUCCESS', 'u', 'USER', 'org', jsonb_build_object('v', g), now() from generate_series(1,100000) g`);
  let t = Date.now();
  await db.query(`select count(*) from (select encode(sha256(convert_to(jsonb_build_array(a.sequence, a.id, a.event_type, a.category, a.outcome, a.actor_id, a.actor_type,
  a.secret_id, a.organization_id, a.details, a.ip, a.user_agent, a.request_id,
  to_char(a.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text, 'UTF8')), 'hex') from secret_audit_log a) x`);
  console.log('hash only', Date.now() - t);
  const s = createAuditSealer({ db: db.db, clock: systemClock, log, intervalMs: 250, batchSize: bs });
  t = Date.now();
  await s.sealNow({ timeoutMs: 100000 });
  console.log(bs, 'seal', Date.now() - t);
  await db.close();
}
