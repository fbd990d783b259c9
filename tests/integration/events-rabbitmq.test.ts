// Acceptance of the event catalogue against the real RabbitMQ: a queue bound to `coder.events` with `secret.#`
// receives every event type, produced through the real code paths (GraphQL mutations for what the API does;
// the outbox recorder, as the lifecycle jobs call it, for job-driven kinds; emitEvent for the administrative
// types), with the catalogue's routing key, criticality and recipients, a payload that passes the schema, and
// none of the test's plaintexts anywhere.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createOutboxRecorder } from '../../events/outbox-recorder.js';
import { OutboxPayloadSchema } from '../../events/payload.js';
import { criticalityOf, routingKeyOf, SECRET_EVENT_TYPES, type SecretEventType } from '../../events/catalogue.js';
import { SYSTEM_ACTOR, type Actor } from '../../identity/actor.js';
import { systemClock } from '../../lib/clock.js';
import type { SecretChangeKind } from '../../services/changes.js';
import { findSecretById } from '../../models/secrets.repo.js';
import { describeEachEngine } from '../support/engines.js';
import { AMQP_TEST_URL, captureEvents, rabbitmq, type EventCapture, type ReceivedMessage } from '../support/rabbitmq.js';
import { useTestServer } from '../support/server.js';

const run = randomBytes(4).toString('hex');
const plaintexts = [`evt-plain-${run}-one`, `evt-plain-${run}-two`, `evt-plain-${run}-three`];

describeEachEngine('events published to RabbitMQ', (engine) => {
  if (rabbitmq.skip) {
    test.skip(`RabbitMQ unreachable: ${rabbitmq.unavailableReason}`, () => undefined);
    return;
  }
  const org = `org-evt-${engine.name}-${run}`;
  let capture: EventCapture;
  beforeAll(async () => {
    // Bound before the server starts, on the real exchange; other suites' events are told apart by organization.
    capture = await captureEvents({ exchange: 'coder.events' });
  });
  afterAll(async () => {
    await capture?.close();
  });
  const app = useTestServer(engine, { env: { AMQP_URL: AMQP_TEST_URL, OUTBOX_POLL_INTERVAL_MS: '200' } });
  const ours = (messages: ReceivedMessage[]) => messages.filter((m) => m.body?.organizationId === org);

  test('every event type reaches the bound queue with its routing key, criticality, recipients and a valid payload; no plaintext leaks', async () => {
    const admin = app().admin.bind(app());
    const created = await admin(
      `mutation($input: CreateSecretInput!) { createSecret(input: $input) { id } }`,
      { input: { name: `db-${run}`, type: 'USERNAME_PASSWORD', scope: 'ORGANIZATION', organizationId: org, value: { username: 'app', password: plaintexts[0] } } },
    );
    const id: string = created.createSecret.id;
    await admin(`mutation($id: ID!) { updateSecret(id: $id, input: { description: "primary database" }) { id } }`, { id });
    await admin(`mutation($id: ID!, $v: JSON!) { updateSecretValue(id: $id, value: $v, changeReason: "rotate") { id } }`, {
      id,
      v: { username: 'app', password: plaintexts[1] },
    });
    await admin(`query($id: ID!) { secret(id: $id) { value { data } } }`, { id }); // a read: no event
    await admin(`mutation($id: ID!) { rollbackSecret(id: $id, version: 1) { id } }`, { id });
    await admin(`mutation($id: ID!) { moveSecret(id: $id, input: { scope: TEAM, organizationId: "${org}", teamId: "team-${run}" }) { id } }`, { id });
    const grant = await admin(
      `mutation($id: ID!) { grantSecretAccess(input: { secretId: $id, granteeType: USER, granteeId: "user-grantee-${run}", permissions: [READ] }) { id } }`,
      { id },
    );
    await admin(`mutation($g: ID!) { revokeSecretAccess(grantId: $g) }`, { g: grant.grantSecretAccess.id });

    // Job-driven kinds, recorded exactly as the lifecycle jobs record them (same recorder, same transaction shape).
    const recorder = createOutboxRecorder({ clock: systemClock });
    const { db } = app().server.database;
    const jobKinds: [SecretChangeKind, Record<string, unknown>][] = [
      ['EXPIRING_SOON', { daysUntilExpiration: 7, expirationDate: new Date(Date.now() + 7 * 86_400_000).toISOString() }],
      ['EXPIRED', { daysUntilExpiration: 0 }],
      ['ROTATED', { version: 5, fromVersion: 4, valueChanged: true }],
      ['ROTATION_DUE', {}],
      ['ROTATION_FAILED', { errorMessage: `webhook said password=${plaintexts[2]} is wrong` }],
      ['CERTIFICATE_EXPIRING', { daysUntilExpiration: 45 }],
      ['CERTIFICATE_EXPIRED', { daysUntilExpiration: 0 }],
    ];
    for (const [kind, data] of jobKinds) {
      await db.transaction(async (tx) => {
        const secret = (await findSecretById(tx, id))!;
        await recorder.record(tx, { kind, actor: SYSTEM_ACTOR, secret, data });
      });
    }
    await admin(`mutation($id: ID!) { deleteSecret(id: $id) { id } }`, { id });
    await admin(`mutation($id: ID!) { restoreSecret(id: $id) { id } }`, { id });
    await admin(`mutation($id: ID!) { purgeSecret(id: $id) }`, { id });

    // The administrative types have no feature yet; emitEvent is what those features will call.
    const admins: [SecretEventType, Record<string, unknown>][] = [
      ['SECRET_VAULT_CONFIGURED', { vaultName: 'kv-prod' }],
      ['SECRET_VAULT_HEALTH_CHECK_FAILED', { vaultName: 'kv-prod', errorMessage: `401 from https://u:${plaintexts[2]}@kv/` }],
      ['SECRET_IMPORT_STARTED', {}],
      ['SECRET_IMPORT_COMPLETED', { importCount: 3 }],
      ['SECRET_IMPORT_FAILED', { errorMessage: 'row 2: invalid type' }],
      ['SECRET_EXPORT_COMPLETED', { exportCount: 3 }],
      ['SECRET_MIGRATION_STARTED', { migrationSource: 'local', migrationTarget: 'kv-prod' }],
      ['SECRET_MIGRATION_COMPLETED', { migrationSource: 'local', migrationTarget: 'kv-prod' }],
      ['SECRET_MIGRATION_FAILED', { migrationSource: 'local', migrationTarget: 'kv-prod', errorMessage: 'vault unreachable' }],
    ];
    const operator: Actor = { ...SYSTEM_ACTOR, id: `user-op-${run}`, type: 'USER', via: 'jwt' };
    for (const [type, data] of admins) {
      await db.transaction((tx) => recorder.emitEvent(tx, { type, actor: operator, organizationId: org, resourceId: `res-${type}`, data }));
    }

    // create, 4 updates (metadata, value, rollback, move), grant, revoke, the job kinds, delete/restore/purge, the admin types.
    const expectedCount = 1 + 4 + 2 + jobKinds.length + 3 + admins.length;
    await capture.waitFor((m) => ours(m).length >= expectedCount);
    await new Promise((r) => setTimeout(r, 300)); // nothing extra (e.g. for the value read) may follow
    const messages = ours(capture.messages);
    expect(messages).toHaveLength(expectedCount);

    const types = messages.map((m) => m.body.type as SecretEventType);
    expect(new Set(types)).toEqual(new Set(SECRET_EVENT_TYPES));
    expect(types.filter((t) => t === 'SECRET_UPDATED')).toHaveLength(4);

    for (const message of messages) {
      const payload = OutboxPayloadSchema.parse(message.body);
      expect(message.routingKey).toBe(routingKeyOf(payload.type));
      expect(message.messageId).toBe(payload.id);
      expect(message.persistent).toBe(true);
      expect(message.contentType).toBe('application/json');
      expect(payload.suggestedCriticality).toBe(criticalityOf(payload.type, payload.data));
      expect(payload.recipientIds).toContain(`org-admins:${org}`);
    }
    const byType = (t: SecretEventType) => messages.filter((m) => m.body.type === t).map((m) => m.body);
    expect(byType('SECRET_UPDATED').map((p) => [p.data.valueChanged, p.suggestedCriticality])).toEqual([
      [false, 'LOW'],
      [true, 'MEDIUM'],
      [true, 'MEDIUM'],
      [false, 'LOW'],
    ]);
    expect(byType('SECRET_CREATED')[0]).toMatchObject({ suggestedCriticality: 'LOW', actorId: 'bootstrap-admin', actorType: 'USER', resourceId: id });
    expect(byType('SECRET_CREATED')[0].recipientIds).toEqual(['bootstrap-admin', `org-admins:${org}`]);
    expect(byType('SECRET_ACCESS_GRANTED')[0].recipientIds).toContain(`user-grantee-${run}`);
    expect(byType('SECRET_ACCESS_REVOKED')[0]).toMatchObject({ suggestedCriticality: 'LOW', data: { granteeId: `user-grantee-${run}` } });
    expect(byType('SECRET_EXPIRING_SOON')[0]).toMatchObject({ suggestedCriticality: 'HIGH', actorType: 'SYSTEM', data: { daysUntilExpiration: 7 } });
    expect(byType('SECRET_CERTIFICATE_EXPIRING')[0].suggestedCriticality).toBe('MEDIUM');
    expect(byType('SECRET_CERTIFICATE_EXPIRED')[0]).toMatchObject({ suggestedCriticality: 'CRITICAL' });
    expect(byType('SECRET_CERTIFICATE_EXPIRED')[0].recipientIds).toContain(`org-members:${org}`);
    expect(byType('SECRET_PERMANENTLY_DELETED')[0]).toMatchObject({ suggestedCriticality: 'HIGH', resourceId: id });
    expect(byType('SECRET_MOVED' as SecretEventType)).toEqual([]);
    expect(byType('SECRET_UPDATED')[3]).toMatchObject({ teamId: `team-${run}`, data: { secretScope: 'TEAM' } });
    expect(byType('SECRET_ROTATION_FAILED')[0].data.errorMessage).toMatch(/^webhook said password=\*\*\* is wrong$/);
    expect(byType('SECRET_IMPORT_COMPLETED')[0]).toMatchObject({ resourceType: 'import', resourceId: 'res-SECRET_IMPORT_COMPLETED', data: { importCount: 3 } });

    // Published in commit order for one secret's history.
    const secretTypes = types.filter((t) => !t.match(/VAULT|IMPORT|EXPORT|MIGRATION/));
    expect(secretTypes[0]).toBe('SECRET_CREATED');
    expect(secretTypes.at(-1)).toBe('SECRET_PERMANENTLY_DELETED');

    // No plaintext in any message, the outbox table, or the logs.
    const everything = [...capture.messages.map((m) => m.raw), JSON.stringify(await app().sql('select * from outbox_events')), ...app().logs].join('\n');
    for (const plaintext of plaintexts) expect(everything).not.toContain(plaintext);
  });

  test('the outbox view shows them published to super admins only', async () => {
    const result = await app().admin(`{ outboxEvents(first: 100) { totalCount edges { node { id type routingKey criticality status attempts publishedAt } } } }`);
    const nodes = result.outboxEvents.edges.map((e: any) => e.node);
    expect(result.outboxEvents.totalCount).toBeGreaterThanOrEqual(SECRET_EVENT_TYPES.length);
    // The relay marks a row only after the broker's confirm; give it a moment after the consumer saw them.
    await expect.poll(async () => (await app().admin(`{ outboxEvents(status: PENDING, first: 1) { totalCount } }`)).outboxEvents.totalCount).toBe(0);
    expect(nodes.every((n: any) => n.routingKey === routingKeyOf(n.type))).toBe(true);
    const failed = await app().admin(`{ outboxEvents(status: FAILED, first: 10) { totalCount } }`);
    expect(failed.outboxEvents.totalCount).toBe(0);

    const member: Actor = { id: 'user-member', type: 'USER', roles: [], orgs: [{ id: org, role: 'ORG_ADMIN' }], teams: [], projects: [], permissions: [], via: 'jwt' };
    await expect(app().server.services.outbox.list(member, { first: 10 })).rejects.toMatchObject({ code: 'ACCESS_DENIED' });
  });
});
