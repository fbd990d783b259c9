// Broker outage: the connection to RabbitMQ is cut and refused (a proxy in between) while 100 mutations run.
// They all succeed; the relay records its failed attempts, reconnects by itself when the broker is back, and
// every one of the 100 events arrives at least once, byte-for-byte the stored payload.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { OutboxPayloadSchema } from '../../events/payload.js';
import { describeEachEngine } from '../support/engines.js';
import { captureEvents, rabbitmq, uniqueExchange, type EventCapture } from '../support/rabbitmq.js';
import { useTestServer } from '../support/server.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

describeEachEngine('broker outage', (engine) => {
  if (rabbitmq.skip) {
    test.skip(`RabbitMQ unreachable: ${rabbitmq.unavailableReason}`, () => undefined);
    return;
  }
  const exchange = uniqueExchange();
  let proxy: TcpProxy;
  let capture: EventCapture;
  const env: Record<string, string> = { AMQP_EXCHANGE: exchange, OUTBOX_POLL_INTERVAL_MS: '200' };
  beforeAll(async () => {
    proxy = await startTcpProxy({ host: '127.0.0.1', port: 5672 });
    env.AMQP_URL = `amqp://guest:guest@127.0.0.1:${proxy.port}`;
    capture = await captureEvents({ exchange, deleteExchange: true });
  });
  afterAll(async () => {
    await capture?.close();
    await proxy?.close();
  });
  const app = useTestServer(engine, { env });

  test('100 mutations succeed while the broker is unreachable; after it returns all 100 events arrive uncorrupted', async () => {
    const { createSecret } = await app().admin(
      `mutation { createSecret(input: { name: "outage", type: GENERIC, scope: ORGANIZATION, organizationId: "org-outage", value: { value: "outage-plain" } }) { id } }`,
    );
    await capture.waitFor((m) => m.length === 1); // connected and publishing

    await proxy.cut();
    for (let i = 0; i < 100; i++) {
      const result = await app().gql(`mutation($id: ID!, $d: String!) { updateSecret(id: $id, input: { description: $d }) { id } }`, {
        id: createSecret.id,
        d: `outage change ${i}`,
      });
      expect(result.errors).toBeUndefined();
    }
    const stored = await app().sql<{ id: string; payload: unknown }>(
      `select id, payload from outbox_events where published_at is null order by sequence`,
    );
    expect(stored).toHaveLength(100);
    // The relay kept trying: the failures are visible in the dead-letter view, with a sanitized error.
    const failedView = async () =>
      (await app().admin(`{ outboxEvents(status: FAILED, first: 1) { totalCount edges { node { lastError attempts status } } } }`)).outboxEvents;
    await expect.poll(async () => (await failedView()).totalCount).toBeGreaterThan(0);
    const [{ node: failed }] = (await failedView()).edges;
    expect(failed).toMatchObject({ status: 'FAILED', lastError: expect.stringMatching(/\S/) });
    expect(failed.attempts).toBeGreaterThan(0);
    expect(failed.lastError).not.toContain('guest:guest');
    expect(capture.messages).toHaveLength(1);

    await proxy.restore();
    await capture.waitFor((messages) => {
      const ids = new Set(messages.map((m) => m.messageId));
      return stored.every((row) => ids.has(row.id));
    }, 60_000);
    for (const row of stored) {
      const message = capture.messages.find((m) => m.messageId === row.id)!;
      expect(OutboxPayloadSchema.parse(message.body)).toEqual(row.payload);
      expect(message.routingKey).toBe('secret.updated');
    }
    await expect.poll(async () => (await app().sql(`select count(*)::int as n from outbox_events where published_at is null`))[0].n).toBe(0);
    expect(app().logs.some((line) => line.includes('RabbitMQ unavailable'))).toBe(true);
    expect(app().logs.some((line) => line.includes('reconnected to RabbitMQ'))).toBe(true);
    expect(app().logs.join('\n')).not.toContain('guest:guest');
    expect(capture.messages.map((m) => m.raw).join('\n')).not.toContain('outage-plain');
  }, 120_000);
});
