// Full scenario with logs shipped to a (local) Logging Service: 20 secrets of every type are created, read
// (Secret.value, resolveSecrets and exports with values), rotated, rolled back, granted and deleted, with failures carrying plaintext
// on the way. Afterwards no plaintext appears in any audit entry, in the captured logs, or in anything the
// Logging Service received — while the trail did record every step.
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { TEST_JWT_SECRET } from '../support/identities.js';
import { startLogReceiver, type LogReceiver } from '../support/log-receiver.js';
import { secretSamples } from '../support/secret-samples.js';
import { startTestServer, type TestServer } from '../support/server.js';

const PER_TYPE = 20;
const samples = secretSamples();
const plaintexts = samples.flatMap((s) => s.plaintexts);

/** One request running `count` aliased copies of a mutation (keeps 180 secrets cheap). */
const aliased = (count: number, body: (i: number) => string) => `mutation { ${Array.from({ length: count }, (_, i) => `m${i}: ${body(i)}`).join('\n')} }`;

describeEachEngine('no plaintext in the audit trail, the logs or the Logging Service', (engine) => {
  let receiver: LogReceiver;
  let app: TestServer;

  beforeAll(async () => {
    receiver = await startLogReceiver();
    app = await startTestServer(engine, {
      env: {
        AUTH_JWT_SECRET: TEST_JWT_SECRET,
        SECRETS_JOBS_ENABLED: 'false',
        LOGGING_ENABLED: 'true',
        LOGGING_SERVICE_URL: receiver.url,
        LOGGING_FLUSH_INTERVAL_MS: '50',
        LOGGING_BATCH_SIZE: '500',
      },
    });
  });
  afterAll(async () => {
    await app?.dispose();
    await receiver?.close();
  });

  test(`create ${PER_TYPE} secrets of each of the 9 types, read, export, rotate, roll back, grant, delete: nothing leaks`, async () => {
    const ids: string[] = [];
    for (const sample of samples) {
      const created = await app.admin(
        aliased(PER_TYPE, (i) => `createSecret(input: {name: "scan-${sample.type.toLowerCase()}-${i}", type: ${sample.type}, scope: ORGANIZATION, organizationId: "org-scan", value: $value}) { id }`).replace(
          'mutation {',
          'mutation($value: JSON!) {',
        ),
        { value: sample.value },
      );
      ids.push(...Object.values(created).map((c: any) => c.id));
    }
    expect(ids).toHaveLength(PER_TYPE * samples.length);

    const listed = await app.admin(`{ secrets(filter: {organizationId: "org-scan"}, first: 500) { edges { node { type value { data } } } } }`);
    expect(listed.secrets.edges).toHaveLength(ids.length);
    for (const { node } of listed.secrets.edges) expect(node.value.data).toEqual(samples.find((s) => s.type === node.type)!.value);
    const resolved = await app.admin(`query($refs: [SecretRefInput!]!) { resolveSecrets(refs: $refs) { value { version } error { code } } }`, {
      refs: ids.slice(0, 100).map((ref) => ({ ref })),
    });
    expect(resolved.resolveSecrets.every((r: any) => r.value && !r.error)).toBe(true);
    // Exports with values: the whole organization as JSON, logins and connection strings as dotenv.
    const EXPORT = `query($input: ExportInput!) { exportSecrets(input: $input) { count includesValues content } }`;
    const json = await app.admin(EXPORT, { input: { format: 'JSON', includeValues: true, filter: { organizationId: 'org-scan' } } });
    expect(json.exportSecrets).toMatchObject({ count: ids.length, includesValues: true });
    // The export response itself carries every value.
    for (const secret of JSON.parse(json.exportSecrets.content).secrets) expect(secret.value).toEqual(samples.find((s) => s.type === secret.type)!.value);
    const env = await app.admin(EXPORT, { input: { format: 'ENV', includeValues: true, filter: { organizationId: 'org-scan', types: ['USERNAME_PASSWORD', 'CONNECTION_STRING'] } } });
    expect(env.exportSecrets.count).toBe(2 * PER_TYPE);
    expect(env.exportSecrets.content).toContain(samples.find((s) => s.type === 'USERNAME_PASSWORD')!.plaintexts[0]);

    // Rotate (a new version with the same plaintext), roll back, grant, per type.
    for (const [t, sample] of samples.entries()) {
      const ofType = ids.slice(t * PER_TYPE, (t + 1) * PER_TYPE);
      await app.admin(
        aliased(PER_TYPE, (i) => `rotateSecret(id: "${ofType[i]}", value: $value) { currentVersion }`).replace('mutation {', 'mutation($value: JSON!) {'),
        { value: sample.value },
      );
      await app.admin(aliased(2, (i) => `rollbackSecret(id: "${ofType[i]}", version: 1) { currentVersion }`));
      await app.admin(`mutation($id: ID!) { grantSecretAccess(input: {secretId: $id, granteeType: USER, granteeId: "reader-1", permissions: [READ]}) { id } }`, { id: ofType[0] });
    }
    // Failures that carry plaintext in their input.
    const failures = await Promise.all([
      app.gql(`mutation($v: JSON!) { updateSecretValue(id: "${ids[0]}", value: $v) { id } }`, { v: { value: plaintexts[0], extra: plaintexts[1] } }),
      app.gql(`mutation($v: JSON!) { createSecret(input: {name: "bad", type: USERNAME_PASSWORD, scope: GLOBAL, value: $v}) { id } }`, { v: { username: plaintexts[2] } }),
    ]);
    for (const failure of failures) expect(failure.errors?.length).toBeGreaterThan(0);
    for (let t = 0; t < samples.length; t++) {
      await app.admin(aliased(PER_TYPE, (i) => `deleteSecret(id: "${ids[t * PER_TYPE + i]}") { id }`));
    }
    await app.admin(aliased(5, (i) => `purgeSecret(id: "${ids[i]}")`));

    // The trail recorded every step.
    const counts = Object.fromEntries(
      (await app.sql<{ event_type: string; n: number }>(`select event_type, count(*)::int as n from secret_audit_log where organization_id = 'org-scan' group by event_type`)).map((r) => [r.event_type, r.n]),
    );
    expect(counts).toMatchObject({
      SECRET_CREATED: 180,
      SECRET_VALUE_READ: 280 + 180 + 2 * PER_TYPE,
      SECRET_EXPORT_COMPLETED: 2,
      SECRET_ROTATED: 180,
      SECRET_ROLLED_BACK: 18,
      SECRET_ACCESS_GRANTED: 9,
      SECRET_DELETED: 180,
      SECRET_PERMANENTLY_DELETED: 5,
    });
    const operations = await app.sql(`select details->>'operation' as op, count(*)::int as n from secret_audit_log where event_type = 'SECRET_VALUE_READ' group by 1 order by 1`);
    expect(operations).toEqual([
      { op: 'exportSecrets', n: 180 + 2 * PER_TYPE },
      { op: 'resolveSecrets', n: 100 },
      { op: 'value', n: 180 },
    ]);

    await app.server.logShipper!.flush(10_000);
    await vi.waitFor(() => expect(app.server.logShipper!.stats().buffered).toBe(0), { timeout: 10_000 });
    const shipped = receiver.lines();
    expect(shipped.length).toBeGreaterThan(0);
    expect(receiver.batches.every((b) => b.service === 'secret-management')).toBe(true);
    expect(shipped.some((l) => l.msg === 'request completed' && typeof l.requestId === 'string')).toBe(true);

    const trail = (await app.sql<{ row: string }>(`select t::text as row from secret_audit_log t`)).map((r) => r.row).join('\n');
    const logs = app.logs.join('\n');
    const outbox = (await app.sql<{ row: string }>(`select t::text as row from outbox_events t`)).map((r) => r.row).join('\n');
    const delivered = receiver.rawBodies.join('\n');
    for (const plaintext of plaintexts) {
      expect(trail, 'audit trail').not.toContain(plaintext);
      expect(outbox, 'outbox events').not.toContain(plaintext);
      expect(logs, 'captured logs').not.toContain(plaintext);
      expect(delivered, 'Logging Service payloads').not.toContain(plaintext);
    }
    expect((await app.admin(`{ verifyAuditChain { valid } }`)).verifyAuditChain.valid).toBe(true);
  });
});
