// The audit hash chain: the sealer links entries shortly after commit (an unsealed entry shows its content
// hash until then), verifyAuditChain accepts an untouched chain of 100,000 entries, and any change, deletion
// or erased hash made directly in SQL is reported at exactly that sequence.
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { BOOTSTRAP_ADMIN } from '../../identity/actor.js';
import { describeEachEngine } from '../support/engines.js';
import { useTestServer, type TestServer } from '../support/server.js';

const VERIFY = `{ verifyAuditChain { valid checked firstBrokenSequence sealedThroughSequence headHash unsealed unsealedStale } }`;
const verify = async (app: TestServer) => (await app.admin(VERIFY)).verifyAuditChain;

/** Runs `tamper`, checks the chain breaks at `expected`, then runs `repair` and checks it verifies again. */
async function expectBreakAt(app: TestServer, expected: () => Promise<number>, tamper: string, repair: string) {
  const sequence = await expected();
  await app.sql(tamper, [sequence]);
  const broken = await verify(app);
  expect(broken).toMatchObject({ valid: false, firstBrokenSequence: sequence });
  await app.sql(repair, [sequence]);
  expect(await verify(app)).toMatchObject({ valid: true, firstBrokenSequence: null });
}

describeEachEngine('audit hash chain', (engine) => {
  const app = useTestServer(engine, { env: { SECRETS_JOBS_ENABLED: 'false', SECRETS_AUDIT_SEAL_INTERVAL_MS: '50' } });
  const ids: string[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 4; i++) {
      const created = await app().admin(
        `mutation($name: String!) { createSecret(input: {name: $name, type: GENERIC, scope: ORGANIZATION, organizationId: "org-1", value: {value: "x"}}) { id } }`,
        { name: `chain-${i}` },
      );
      ids.push(created.createSecret.id);
      await app().admin(`query($id: ID!) { secret(id: $id) { value { data } } }`, { id: created.createSecret.id });
    }
  });

  test('the running sealer links new entries within moments of commit', async () => {
    await vi.waitFor(async () => expect(await verify(app())).toMatchObject({ valid: true, unsealed: 0 }), { timeout: 10_000, interval: 50 });
    const { auditLogs } = await app().admin(`{ auditLogs(first: 3) { edges { node { sequence hash previousHash sealed } } } }`);
    const [newest, previous] = auditLogs.edges.map((e: any) => e.node);
    expect(newest.sealed).toBe(true);
    expect(newest.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(newest.previousHash).toBe(previous.hash);
  });

  test('before sealing an entry shows `unsealed:<content hash>`; verification reports the unsealed tail, then the seal', async () => {
    const trail = app().server.auditTrail;
    await trail.sealer.stop();
    try {
      await app().admin(`mutation($id: ID!) { updateSecret(id: $id, input: {description: "unsealed"}) { id } }`, { id: ids[0] });
      const { auditLogs } = await app().admin(`{ auditLogs(first: 1) { edges { node { sequence hash previousHash sealed } } } }`);
      const entry = auditLogs.edges[0].node;
      expect(entry).toMatchObject({ sealed: false, previousHash: null, hash: expect.stringMatching(/^unsealed:[0-9a-f]{64}$/) });
      expect(await verify(app())).toMatchObject({ valid: true, unsealed: 1, unsealedStale: false });
      expect(await trail.sealer.sealNow()).toBe(1);
      const sealed = await app().admin(`query($id: ID!) { auditLog(id: $id) { hash sealed } }`, { id: (await app().sql(`select id from secret_audit_log where sequence = $1`, [entry.sequence]))[0].id });
      expect(sealed.auditLog).toMatchObject({ sealed: true, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(await verify(app())).toMatchObject({ valid: true, unsealed: 0, sealedThroughSequence: entry.sequence });
    } finally {
      trail.sealer.start();
    }
  });

  // Needs two connections at once, which only PostgreSQL has (PGlite runs one transaction at a time).
  test.runIf(engine.name === 'postgres')('an entry committed late with a lower sequence is never skipped: sealing waits for it', async () => {
    const sealer = app().server.auditTrail.sealer;
    await sealer.stop();
    const client = await app().server.database.pool!.connect();
    try {
      await client.query('begin');
      const [slow] = (
        await client.query(
          `insert into secret_audit_log (id, event_type, category, outcome, actor_id, actor_type, created_at)
           values (gen_random_uuid(), 'SECRET_VALUE_READ', 'ACCESS', 'SUCCESS', 'slow-writer', 'USER', now()) returning sequence`,
        )
      ).rows;
      // A later transaction draws a higher number and commits first.
      await app().admin(`mutation($id: ID!) { updateSecret(id: $id, input: {description: "overtakes"}) { id } }`, { id: ids[1] });
      const [fast] = await app().sql(`select sequence, hash from secret_audit_log order by sequence desc limit 1`);
      expect(Number(fast.sequence)).toBeGreaterThan(Number(slow.sequence));
      await expect(sealer.sealNow({ timeoutMs: 600 })).rejects.toThrow(/could not be sealed in time/);
      expect((await app().sql(`select hash from secret_audit_log where sequence = $1`, [fast.sequence]))[0].hash).toBeNull();
      await client.query('commit');
      await sealer.sealNow();
      const [linked] = await app().sql(`select prev_sequence from secret_audit_log where sequence = $1`, [fast.sequence]);
      expect(Number(linked.prev_sequence)).toBe(Number(slow.sequence));
      expect(await verify(app())).toMatchObject({ valid: true, unsealed: 0 });
    } finally {
      await client.query('rollback').catch(() => undefined);
      client.release();
      sealer.start();
    }
  });

  describe('tampering directly in SQL is reported at that sequence', () => {
    const middle = async () => Number((await app().sql(`select sequence from secret_audit_log where hash is not null order by sequence offset 3 limit 1`))[0].sequence);
    const newest = async () => Number((await app().sql(`select max(sequence) as s from secret_audit_log where hash is not null`))[0].s);
    beforeAll(() => app().server.auditTrail.sealer.sealNow());

    test('changing one column of one entry', async () => {
      for (const [column, change] of [
        ['actor_id', `'someone-else'`],
        ['details', `details || '{"version": 99}'`],
        ['created_at', `created_at + interval '1 microsecond'`],
        ['outcome', `'DENIED'`],
        ['prev_hash', `md5(prev_hash)`],
      ]) {
        await app().sql(`create table if not exists original as select * from secret_audit_log where false`);
        await expectBreakAt(
          app(),
          middle,
          `with saved as (insert into original select * from secret_audit_log where sequence = $1 returning 1)
           update secret_audit_log set ${column} = ${change} where sequence = $1`,
          `with restored as (select * from original where sequence = $1)
           update secret_audit_log a set ${column} = r.${column} from restored r where a.sequence = r.sequence`,
        );
        await app().sql(`delete from original`);
      }
    });

    test('deleting an entry in the middle or the newest sealed one, or erasing a hash', async () => {
      await app().sql(`create table if not exists deleted_entries as select * from secret_audit_log where false`);
      const remove = `with gone as (delete from secret_audit_log where sequence = $1 returning *) insert into deleted_entries select * from gone`;
      const putBack = `with back as (delete from deleted_entries where sequence = $1 returning *) insert into secret_audit_log select * from back`;
      await expectBreakAt(app(), middle, remove, putBack);
      await app().server.auditTrail.sealer.stop();
      try {
        await expectBreakAt(app(), newest, remove, putBack);
        // Erasing an entry's seal (as if it had slipped in unsealed) breaks the chain at it too.
        await expectBreakAt(
          app(),
          middle,
          `with saved as (insert into deleted_entries select * from secret_audit_log where sequence = $1 returning 1)
           update secret_audit_log set hash = null, prev_hash = null, prev_sequence = null where sequence = $1`,
          `with saved as (delete from deleted_entries where sequence = $1 returning *)
           update secret_audit_log a set hash = s.hash, prev_hash = s.prev_hash, prev_sequence = s.prev_sequence from saved s where a.sequence = s.sequence`,
        );
      } finally {
        app().server.auditTrail.sealer.start();
      }
    });
  });

  test('an untouched chain of 100,000 entries verifies; one changed entry among them is found', async () => {
    await app().sql(
      `insert into secret_audit_log (id, event_type, category, outcome, actor_id, actor_type, organization_id, details, request_id, created_at)
       select gen_random_uuid(), 'SECRET_VALUE_READ', 'ACCESS', 'SUCCESS', 'user-' || (g % 50), 'USER', 'org-' || (g % 5),
              jsonb_build_object('operation', 'value', 'version', g % 7), 'bulk-' || g, now()
         from generate_series(1, 100000) g`,
    );
    await app().server.auditTrail.sealer.sealNow({ timeoutMs: 120_000 });
    // Through the service rather than HTTP: on PGlite the long synchronous queries stall the event loop past the
    // keep-alive timeout of the test client's pooled connection, which then resets (a harness artifact).
    const verifyDirect = () => app().server.services.audit.verifyChain(BOOTSTRAP_ADMIN);
    const result = await verifyDirect();
    expect(result).toMatchObject({ valid: true, firstBrokenSequence: null, unsealed: 0 });
    expect(result.checked).toBeGreaterThanOrEqual(100_000);
    const [{ sequence }] = await app().sql(`select sequence from secret_audit_log where request_id = 'bulk-50000'`);
    await app().sql(`update secret_audit_log set actor_id = 'forged' where sequence = $1`, [sequence]);
    expect(await verifyDirect()).toMatchObject({ valid: false, firstBrokenSequence: Number(sequence) });
  });
});
