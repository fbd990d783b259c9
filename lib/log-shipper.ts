// Ships log lines to the platform Logging Service in batches, as a pino destination. Writing only appends to a
// bounded in-memory buffer, so a slow or dead Logging Service never slows a request: batches go out in the
// background, failures are retried with exponential backoff and jitter, and when the buffer is full new lines
// are dropped and counted. Nothing here throws into the caller or crashes the process.

export interface LogShipperOptions {
  url: string;
  service: string;
  batchSize: number;
  bufferSize: number;
  flushIntervalMs: number;
  timeoutMs: number;
  retryMaxMs: number;
  /** Delivery state changes (first failure, recovery with the count dropped meanwhile); never written to this shipper. */
  onStatus?: (status: LogShipperStatus) => void;
}

export type LogShipperStatus =
  | { kind: 'failing'; error: string }
  | { kind: 'recovered'; droppedMeanwhile: number; failedAttempts: number }
  | { kind: 'rejected'; status: number; lines: number };

export interface LogShipperStats {
  buffered: number;
  sent: number;
  dropped: number;
  rejected: number;
  failedAttempts: number;
}

export interface LogShipper {
  /** The pino destination. */
  stream: { write(chunk: string): boolean };
  stats(): LogShipperStats;
  /** Tries to deliver everything buffered now; resolves when done or after `timeoutMs` (never rejects). */
  flush(timeoutMs?: number): Promise<void>;
  /** Flushes (bounded by `timeoutMs`) and stops. */
  close(timeoutMs?: number): Promise<void>;
}

export function createLogShipper(options: LogShipperOptions): LogShipper {
  const buffer: string[] = [];
  /** The batch being sent or waiting for a retry; kept apart so a retry resends exactly it. */
  let batch: string[] | null = null;
  let sending = false;
  let timer: NodeJS.Timeout | undefined;
  let failures = 0;
  let failing = false;
  let closed = false;
  const counters = { sent: 0, dropped: 0, rejected: 0, failedAttempts: 0 };
  let droppedAtFailure = 0;

  const report = (status: LogShipperStatus) => {
    try {
      options.onStatus?.(status);
    } catch {
      // a broken reporter must not stop shipping
    }
  };

  function schedule(delayMs: number): void {
    if (timer || closed) return;
    timer = setTimeout(() => {
      timer = undefined;
      void pump();
    }, delayMs);
    timer.unref();
  }

  function backoffMs(): number {
    const exponential = Math.min(options.retryMaxMs, options.flushIntervalMs * 2 ** Math.min(failures, 20));
    return Math.round(exponential * (0.8 + Math.random() * 0.4));
  }

  async function pump(): Promise<void> {
    if (sending) return;
    batch ??= buffer.length ? buffer.splice(0, options.batchSize) : null;
    if (!batch) return;
    sending = true;
    const lines = batch;
    let retry = false;
    try {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"service":${JSON.stringify(options.service)},"logs":[${lines.join(',')}]}`,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      await response.body?.cancel().catch(() => undefined);
      if (response.ok) {
        counters.sent += lines.length;
        if (failing) report({ kind: 'recovered', droppedMeanwhile: counters.dropped - droppedAtFailure, failedAttempts: failures });
        failing = false;
        failures = 0;
        batch = null;
      } else if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
        // The service will never accept this batch; retrying would block every later line.
        counters.rejected += lines.length;
        report({ kind: 'rejected', status: response.status, lines: lines.length });
        batch = null;
      } else {
        retry = true;
        noteFailure(`HTTP ${response.status}`);
      }
    } catch (error) {
      retry = true;
      noteFailure(error instanceof Error ? error.name === 'TimeoutError' ? 'timeout' : error.message : String(error));
    } finally {
      sending = false;
    }
    if (closed) return;
    if (retry) schedule(backoffMs());
    else if (batch || buffer.length >= options.batchSize) setImmediate(() => void pump());
    else if (buffer.length) schedule(options.flushIntervalMs);
  }

  function noteFailure(error: string): void {
    counters.failedAttempts += 1;
    failures += 1;
    if (!failing) {
      failing = true;
      droppedAtFailure = counters.dropped;
      report({ kind: 'failing', error });
    }
  }

  const pendingLines = () => buffer.length + (batch?.length ?? 0);

  async function flush(timeoutMs = options.timeoutMs): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (pendingLines() > 0 && Date.now() < deadline) {
      // While failing, the backoff timer decides when to try again; flushing must not hammer the service.
      if (!sending && !failing) void pump();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  return {
    stream: {
      write(chunk: string) {
        for (const line of chunk.split('\n')) {
          if (!line) continue;
          if (closed || pendingLines() >= options.bufferSize) {
            counters.dropped += 1;
            continue;
          }
          buffer.push(line);
        }
        // A full batch goes at once unless the service is failing (then the backoff timer decides).
        if (!failing && buffer.length >= options.batchSize) setImmediate(() => void pump());
        else schedule(options.flushIntervalMs);
        return true;
      },
    },
    stats: () => ({ buffered: pendingLines(), ...counters }),
    flush,
    async close(timeoutMs = options.timeoutMs) {
      await flush(timeoutMs);
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
