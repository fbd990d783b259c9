// The server with LOGGING_ENABLED against a local Logging Service that refuses connections, then hangs: every
// request still completes (shipping never blocks), the process keeps serving, lines beyond the buffer are
// dropped and counted, and what was buffered is delivered once the service answers again. (Latency figures
// for the same situations: `npm run bench`, docs/logging.md.)
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { pgliteEngine } from '../support/engines.js';
import { startLogReceiver, type LogReceiver } from '../support/log-receiver.js';
import { startTestServer, type TestServer } from '../support/server.js';

const BUFFER = 150;

describe('Logging Service outages', () => {
  let receiver: LogReceiver;
  let app: TestServer;

  beforeAll(async () => {
    receiver = await startLogReceiver();
    app = await startTestServer(pgliteEngine, {
      env: {
        SECRETS_JOBS_ENABLED: 'false',
        LOGGING_ENABLED: 'true',
        LOGGING_SERVICE_URL: receiver.url,
        LOGGING_FLUSH_INTERVAL_MS: '50',
        LOGGING_BATCH_SIZE: '50',
        LOGGING_BUFFER_SIZE: String(BUFFER),
        LOGGING_TIMEOUT_MS: '1000',
        LOGGING_RETRY_MAX_MS: '200',
      },
    });
    await vi.waitFor(() => expect(app.server.logShipper!.stats().buffered).toBe(0), { timeout: 10_000 });
  });
  afterAll(async () => {
    await app?.dispose();
    await receiver?.close();
  });

  const burst = async (label: string, count: number) => {
    const results = await Promise.all(
      Array.from({ length: count }, (_, i) => app.gql(`{ secrets(filter: {search: "${label}-${i}"}) { totalCount } }`, undefined, { headers: { 'x-request-id': `${label}-${i}` } })),
    );
    for (const r of results) expect(r.data?.secrets.totalCount).toBe(0);
  };
  const deliveredRequestIds = () => new Set(receiver.lines().map((l) => l.requestId));

  test('refused connections: requests complete, lines wait in the buffer and arrive when the service is back', async () => {
    await receiver.stop();
    const failedBefore = app.server.logShipper!.stats().failedAttempts;
    await burst('refused', 10);
    await vi.waitFor(() => expect(app.server.logShipper!.stats().failedAttempts).toBeGreaterThan(failedBefore), { timeout: 10_000 });
    expect(app.server.logShipper!.stats().buffered).toBeGreaterThan(0);
    await receiver.start();
    await vi.waitFor(() => expect(app.server.logShipper!.stats().buffered).toBe(0), { timeout: 10_000 });
    const ids = deliveredRequestIds();
    for (let i = 0; i < 10; i++) expect(ids.has(`refused-${i}`), `refused-${i}`).toBe(true);
    // The shipper's own complaints stay local: they are in the captured log, not sent to the service.
    expect(app.logs.some((l) => l.includes('Logging Service unreachable'))).toBe(true);
    expect(receiver.lines().some((l) => String(l.msg).includes('Logging Service unreachable'))).toBe(false);
  });

  test('a hanging service: requests complete while it holds connections, the overflow is dropped and counted, the rest delivered', async () => {
    const before = app.server.logShipper!.stats();
    receiver.mode = 'hang';
    await burst('warmup', 1);
    await vi.waitFor(() => expect(receiver.hanging()).toBeGreaterThan(0), { timeout: 10_000 });
    await burst('hanging', 100);
    const during = app.server.logShipper!.stats();
    expect(during.dropped).toBeGreaterThan(before.dropped);
    expect(during.buffered).toBeLessThanOrEqual(BUFFER);
    receiver.mode = 'accept';
    await vi.waitFor(() => expect(app.server.logShipper!.stats().buffered).toBe(0), { timeout: 15_000 });
    const after = app.server.logShipper!.stats();
    // Delivered after recovery: at most what the buffer held.
    expect(after.sent - during.sent).toBeLessThanOrEqual(BUFFER);
    expect(after.sent - during.sent).toBeGreaterThan(0);
    // Still serving.
    expect((await app.admin(`{ secrets { totalCount } }`)).secrets.totalCount).toBe(0);
  });
});
