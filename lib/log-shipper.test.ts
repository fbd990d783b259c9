// The Logging Service shipper against a real local HTTP receiver: batching, retry with backoff while the
// service refuses connections, a bounded buffer that drops (and counts) while it hangs, delivery on recovery.
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { startLogReceiver, type LogReceiver } from '../tests/support/log-receiver.js';
import { createLogShipper, type LogShipperOptions, type LogShipperStatus } from './log-shipper.js';

let receiver: LogReceiver;
beforeAll(async () => {
  receiver = await startLogReceiver();
});
afterAll(() => receiver.close());

const line = (n: number) => `${JSON.stringify({ level: 30, msg: `line ${n}`, n })}\n`;
const shipper = (over: Partial<LogShipperOptions> = {}, statuses: LogShipperStatus[] = []) =>
  createLogShipper({
    url: receiver.url,
    service: 'secret-management',
    batchSize: 10,
    bufferSize: 1000,
    flushIntervalMs: 20,
    timeoutMs: 200,
    retryMaxMs: 100,
    onStatus: (s) => statuses.push(s),
    ...over,
  });

describe('log shipper', () => {
  test('ships lines in batches named for the service', async () => {
    receiver.mode = 'accept';
    receiver.batches = [];
    const s = shipper();
    for (let i = 0; i < 25; i++) s.stream.write(line(i));
    await vi.waitFor(() => expect(s.stats().sent).toBe(25), { timeout: 5000 });
    expect(receiver.batches.every((b) => b.service === 'secret-management' && b.logs.length <= 10)).toBe(true);
    expect(receiver.lines().map((l) => l.n)).toEqual([...Array(25).keys()]);
    await s.close();
  });

  test('while the service refuses connections it retries, and delivers everything once it is back', async () => {
    receiver.batches = [];
    await receiver.stop();
    const statuses: LogShipperStatus[] = [];
    const s = shipper({}, statuses);
    for (let i = 0; i < 15; i++) s.stream.write(line(i));
    await vi.waitFor(() => expect(s.stats().failedAttempts).toBeGreaterThanOrEqual(2), { timeout: 5000 });
    expect(s.stats()).toMatchObject({ sent: 0, dropped: 0, buffered: 15 });
    await receiver.start();
    await vi.waitFor(() => expect(s.stats().sent).toBe(15), { timeout: 5000 });
    expect(receiver.lines()).toHaveLength(15);
    expect(statuses.map((x) => x.kind)).toEqual(['failing', 'recovered']);
    await s.close();
  });

  test('while the service hangs, writes never block; beyond the buffer lines are dropped and counted; delivery resumes', async () => {
    receiver.batches = [];
    receiver.mode = 'hang';
    const s = shipper({ bufferSize: 20 });
    s.stream.write(line(0));
    await vi.waitFor(() => expect(receiver.hanging()).toBe(1), { timeout: 5000 });
    // The request is held open by the service; every write still returns at once.
    for (let i = 1; i < 50; i++) expect(s.stream.write(line(i))).toBe(true);
    expect(s.stats()).toMatchObject({ buffered: 20, dropped: 30, sent: 0 });
    receiver.mode = 'accept';
    await vi.waitFor(() => expect(s.stats().sent).toBe(20), { timeout: 5000 });
    expect(receiver.lines()).toHaveLength(20);
    expect(s.stats().failedAttempts).toBeGreaterThanOrEqual(1);
    await s.close();
  });

  test('a 5xx answer is retried; a batch the service rejects with 4xx is dropped and counted, not retried forever', async () => {
    receiver.batches = [];
    receiver.mode = 'fail';
    const retried = shipper({ batchSize: 5 });
    for (let i = 0; i < 5; i++) retried.stream.write(line(i));
    await vi.waitFor(() => expect(retried.stats().failedAttempts).toBeGreaterThanOrEqual(1), { timeout: 5000 });
    receiver.mode = 'accept';
    await vi.waitFor(() => expect(retried.stats().sent).toBe(5), { timeout: 5000 });
    await retried.close();

    const statuses: LogShipperStatus[] = [];
    const rejected = shipper({ url: receiver.url.replace('/logs', '/nowhere'), batchSize: 5 }, statuses);
    for (let i = 0; i < 7; i++) rejected.stream.write(line(i));
    await vi.waitFor(() => expect(rejected.stats().rejected).toBe(7), { timeout: 5000 });
    expect(rejected.stats()).toMatchObject({ sent: 0, buffered: 0, failedAttempts: 0 });
    expect(statuses.map((x) => x.kind)).toEqual(['rejected', 'rejected']);
    await rejected.close();
  });
});
