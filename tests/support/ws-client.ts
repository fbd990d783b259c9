// A graphql-ws subscriber for tests: connects with a bearer token in connection_init, collects every result,
// and lets a test wait for a matching one.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Subscriber {
  /** Every `data` payload received so far, oldest first. */
  received: any[];
  errors: unknown[];
  /** The server ended the subscription. */
  readonly completed: boolean;
  /** Resolves with the first received payload matching `predicate` (already received ones count). */
  waitFor(predicate: (data: any) => boolean, timeoutMs?: number): Promise<any>;
  close(): Promise<void>;
}

export function subscribe(httpUrl: string, token: string | null, query: string, variables: Record<string, unknown> = {}): Subscriber {
  const client: Client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
  });
  const received: any[] = [];
  const errors: unknown[] = [];
  const waiters = new Set<() => void>();
  let completed = false;
  const notify = () => waiters.forEach((w) => w());
  client.subscribe(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        if (result.data) received.push(result.data);
        notify();
      },
      error: (error) => {
        errors.push(error);
        notify();
      },
      complete: () => {
        completed = true;
        notify();
      },
    },
  );
  return {
    received,
    errors,
    get completed() {
      return completed;
    },
    waitFor(predicate, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = received.find(predicate);
          if (found === undefined) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; received ${JSON.stringify(received)}; errors ${JSON.stringify(errors)}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    close: () => client.dispose() as Promise<void>,
  };
}
