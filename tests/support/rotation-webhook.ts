// A real HTTP rotation webhook on 127.0.0.1 for tests, switchable between behaviours: answer a fresh value,
// hang (never answer), answer garbage, or fail with HTTP 500. It records every request body it receives.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type WebhookMode = 'ok' | 'hang' | 'garbage' | 'wrong-shape' | 'error';

export interface RotationWebhook {
  /** `http://127.0.0.1:<port><path>` */
  url(path: string): string;
  mode: WebhookMode;
  /** Parsed JSON bodies received, oldest first. */
  requests: { path: string; body: any }[];
  /** Values handed out in `ok` mode, oldest first. */
  issued: string[];
  close(): Promise<void>;
}

export async function startRotationWebhook(): Promise<RotationWebhook> {
  const sockets = new Set<Socket>();
  const state: Pick<RotationWebhook, 'mode' | 'requests' | 'issued'> = { mode: 'ok', requests: [], issued: [] };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      let body: unknown = raw;
      try {
        body = JSON.parse(raw);
      } catch {
        // recorded as text
      }
      state.requests.push({ path: req.url ?? '', body });
      switch (state.mode) {
        case 'hang':
          return; // never answers; the socket is destroyed on close()
        case 'garbage':
          res.writeHead(200, { 'content-type': 'text/html' }).end('<html>GARBAGE-BODY-7f3a</html>');
          return;
        case 'wrong-shape':
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ value: { nope: 'GARBAGE-BODY-7f3a' } }));
          return;
        case 'error':
          res.writeHead(500).end('internal');
          return;
        case 'ok': {
          const key = `hook-key-${randomBytes(12).toString('hex')}`;
          state.issued.push(key);
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ value: { key } }));
        }
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
