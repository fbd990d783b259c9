// Crash between commit and publish: a server process (the real `npm start` command) commits a mutation while its
// broker is unreachable, is killed with SIGKILL, and restarts with a working broker: the committed event is
// published then, from the outbox.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createPostgresDatabase, describeEachEngine } from '../support/engines.js';
import { AMQP_TEST_URL, captureEvents, rabbitmq, uniqueExchange, type EventCapture } from '../support/rabbitmq.js';
import { newMasterKey } from '../support/server.js';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const [, ...startArgs] = JSON.parse(readFileSync('package.json', 'utf8')).scripts.start.split(' ') as string[];

async function startChild(env: Record<string, string>, output: string[]): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, startArgs, {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => output.push(d.toString()));
  child.stderr!.on('data', (d) => output.push(d.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (await fetch(`${base}/readyz`).then((r) => r.ok, () => false)) return { child, url: `${base}/graphql` };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become ready:\n${output.join('')}`);
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

describeEachEngine('crash between commit and publish', (engine) => {
  if (rabbitmq.skip) {
    test.skip(`RabbitMQ unreachable: ${rabbitmq.unavailableReason}`, () => undefined);
    return;
  }
  const exchange = uniqueExchange();
  const dataDir = mkdtempSync(join(tmpdir(), 'secrets-crash-'));
  const token = `test-admin-${randomBytes(24).toString('hex')}`;
  const children: ChildProcess[] = [];
  let capture: EventCapture;
  let dropDatabase: (() => Promise<void>) | undefined;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    SECRETS_DATA_DIR: dataDir,
    SECRETS_MASTER_KEY: newMasterKey(),
    SECRETS_ADMIN_TOKEN: token,
    SECRETS_JOBS_ENABLED: 'false',
    AMQP_EXCHANGE: exchange,
    OUTBOX_POLL_INTERVAL_MS: '200',
  };
  beforeAll(async () => {
    capture = await captureEvents({ exchange, deleteExchange: true });
    if (engine.name === 'postgres') {
      const database = await createPostgresDatabase('crash');
      env.DATABASE_URL = database.url;
      dropDatabase = database.drop;
    }
  });
  afterAll(async () => {
    await Promise.all(children.map(killed));
    await capture?.close();
    await dropDatabase?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('an event committed before a SIGKILL is published after the restart', async () => {
    const output: string[] = [];
    const deadBroker = `amqp://guest:guest@127.0.0.1:${await freePort()}`; // nothing listens: connection refused
    const first = await startChild({ ...env, AMQP_URL: deadBroker }, output);
    children.push(first.child);
    const gql = async (url: string, query: string) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as any;
    };
    const created = await gql(
      first.url,
      `mutation { createSecret(input: { name: "crash", type: GENERIC, scope: ORGANIZATION, organizationId: "org-crash", value: { value: "crash-plain" } }) { id } }`,
    );
    expect(created.errors).toBeUndefined();
    const unpublished = await gql(first.url, `{ outboxEvents(first: 5) { edges { node { id type status publishedAt } } } }`);
    const [event] = unpublished.data.outboxEvents.edges.map((e: any) => e.node);
    expect(event).toMatchObject({ type: 'SECRET_CREATED', publishedAt: null });

    await killed(first.child);
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(capture.messages).toHaveLength(0);

    const second = await startChild({ ...env, AMQP_URL: AMQP_TEST_URL }, output);
    children.push(second.child);
    const [message] = await capture.waitFor((m) => m.length >= 1);
    expect(message).toMatchObject({ messageId: event.id, routingKey: 'secret.created', persistent: true });
    expect(message.body.resourceId).toBe(created.data.createSecret.id);
    await expect
      .poll(async () => (await gql(second.url, `{ outboxEvents(status: PUBLISHED, first: 5) { totalCount } }`)).data.outboxEvents.totalCount)
      .toBe(1);
    expect(output.join('')).not.toContain('crash-plain');
    await killed(second.child);
  }, 90_000);
});
