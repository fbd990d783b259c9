// The real RabbitMQ the event tests publish to (127.0.0.1:5672, guest/guest; TEST_AMQP_URL overrides). Like
// PostgreSQL: suites skip locally when it does not answer, but fail in CI (CI=true).
//
//   const capture = await captureEvents({ exchange: uniqueExchange() });   // queue bound with secret.#
//   ... await capture.waitFor((m) => m.length >= 3);
import { randomBytes } from 'node:crypto';
import amqp, { type Channel, type ChannelModel } from 'amqplib';

export const AMQP_TEST_URL = process.env.TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const isCI = process.env.CI === 'true';

async function probe(): Promise<string | undefined> {
  try {
    const connection = await amqp.connect(AMQP_TEST_URL, { timeout: 3000 });
    await connection.close();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message || error.name : String(error);
  }
}

const problem = await probe();

export const rabbitmq = {
  available: problem === undefined,
  /** Skip: unreachable and not in CI. In CI an unreachable broker makes the suites fail. */
  skip: problem !== undefined && !isCI,
  unavailableReason: problem,
};

/** A per-run exchange, so parallel test files never see each other's events. */
export const uniqueExchange = (): string => `coder.events.test.${randomBytes(5).toString('hex')}`;

export interface ReceivedMessage {
  routingKey: string;
  exchange: string;
  /** The raw body as text (what a plaintext scan must look at). */
  raw: string;
  body: any;
  messageId?: string;
  persistent: boolean;
  contentType?: string;
  type?: string;
}

export interface EventCapture {
  messages: ReceivedMessage[];
  /** Waits until `done(messages)` holds; fails with what arrived so far after `timeoutMs`. */
  waitFor(done: (messages: ReceivedMessage[]) => boolean, timeoutMs?: number): Promise<ReceivedMessage[]>;
  close(): Promise<void>;
}

/**
 * Declares the exchange (durable topic, as the relay does), binds a fresh exclusive queue with `pattern`, and
 * collects every message. `deleteExchange` removes a per-run exchange on close.
 */
export async function captureEvents(options: { exchange: string; pattern?: string; deleteExchange?: boolean }): Promise<EventCapture> {
  if (problem !== undefined) throw new Error(`RabbitMQ at 127.0.0.1:5672 is required (CI=true) but unreachable: ${problem}`);
  const connection: ChannelModel = await amqp.connect(AMQP_TEST_URL);
  const channel: Channel = await connection.createChannel();
  await channel.assertExchange(options.exchange, 'topic', { durable: true });
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  await channel.bindQueue(queue, options.exchange, options.pattern ?? 'secret.#');
  const messages: ReceivedMessage[] = [];
  await channel.consume(
    queue,
    (message) => {
      if (!message) return;
      const raw = message.content.toString('utf8');
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        body = undefined;
      }
      messages.push({
        routingKey: message.fields.routingKey,
        exchange: message.fields.exchange,
        raw,
        body,
        messageId: message.properties.messageId,
        persistent: message.properties.deliveryMode === 2,
        contentType: message.properties.contentType,
        type: message.properties.type,
      });
    },
    { noAck: true },
  );
  return {
    messages,
    async waitFor(done, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!done(messages)) {
        if (Date.now() > deadline) {
          throw new Error(`timed out waiting for events; got ${messages.length}: ${messages.map((m) => m.routingKey).join(', ')}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      return messages;
    },
    async close() {
      if (options.deleteExchange) await channel.deleteExchange(options.exchange).catch(() => undefined);
      await connection.close().catch(() => undefined);
    },
  };
}
