// Two replicas on one PostgreSQL database: exactly one publishes (advisory lock), so each event reaches RabbitMQ
// once; both buses see every committed event (subscriptions on either replica); when the publisher stops, the
// other takes over.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BusEvent } from '../../events/bus.js';
import { postgresEngine } from '../support/engines.js';
import { captureEvents, rabbitmq, uniqueExchange, AMQP_TEST_URL, type EventCapture } from '../support/rabbitmq.js';
import { startTestServer, type TestServer } from '../support/server.js';

describe.skipIf(postgresEngine.skip || rabbitmq.skip)('two replicas publishing the outbox [postgres]', () => {
  const exchange = uniqueExchange();
  const env = { AMQP_URL: AMQP_TEST_URL, AMQP_EXCHANGE: exchange, OUTBOX_POLL_INTERVAL_MS: '200', SECRETS_JOBS_ENABLED: 'false' };
  let capture: EventCapture;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    capture = await captureEvents({ exchange, deleteExchange: true });
    a = await startTestServer(postgresEngine, { env });
    // Same database and keys as replica a.
    b = await startTestServer(postgresEngine, {
      env: { ...env, DATABASE_URL: a.env.DATABASE_URL, SECRETS_MASTER_KEY: a.env.SECRETS_MASTER_KEY, SECRETS_ADMIN_TOKEN: a.env.SECRETS_ADMIN_TOKEN },
    });
  });
  afterAll(async () => {
    await b?.dispose();
    await a?.dispose();
    await capture?.close();
  });

  test('each event is published once, whichever replica committed it; both buses deliver all of them', async () => {
    await expect.poll(() => [a.server.relay!.isLeader, b.server.relay!.isLeader].filter(Boolean).length).toBe(1);
    const onA: BusEvent[] = [];
    const onB: BusEvent[] = [];
    a.server.events.subscribe((e) => onA.push(e));
    b.server.events.subscribe((e) => onB.push(e));

    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const replica = i % 2 === 0 ? a : b;
      const { createSecret } = await replica.admin(
        `mutation($n: String!) { createSecret(input: { name: $n, type: GENERIC, scope: ORGANIZATION, organizationId: "org-replicas", value: { value: "replica-plain" } }) { id } }`,
        { n: `replica-${i}` },
      );
      ids.push(createSecret.id);
    }
    await capture.waitFor((m) => m.length >= 20);
    await expect.poll(async () => (await a.sql(`select count(*)::int as n from outbox_events where published_at is null`))[0].n).toBe(0);
    await new Promise((r) => setTimeout(r, 500)); // a duplicate would arrive within the poll interval
    const messageIds = capture.messages.map((m) => m.messageId);
    expect(messageIds).toHaveLength(20);
    expect(new Set(messageIds).size).toBe(20);
    expect(new Set(capture.messages.map((m) => m.body.resourceId))).toEqual(new Set(ids));

    await expect.poll(() => [onA.length, onB.length]).toEqual([20, 20]);
    expect(onB.map((e) => e.id).sort()).toEqual([...messageIds].sort());
  });

  test('when the publishing replica stops, the other one takes over', async () => {
    const [leader, standby] = a.server.relay!.isLeader ? [a, b] : [b, a];
    await leader.server.stop();
    await standby.admin(
      `mutation { createSecret(input: { name: "after-failover", type: GENERIC, scope: ORGANIZATION, organizationId: "org-replicas", value: { value: "x" } }) { id } }`,
    );
    const messages = await capture.waitFor((m) => m.some((x) => x.body.resourceName === 'after-failover'));
    expect(messages.filter((m) => m.body.resourceName === 'after-failover')).toHaveLength(1);
    expect(standby.server.relay!.isLeader).toBe(true);
    await leader.restart(); // so dispose() finds it running
  });
});
