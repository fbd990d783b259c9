// A stand-in for the platform Logging Service: a local HTTP server on 127.0.0.1 that records the batches it
// accepts, and can be switched to refusing connections (stopped), failing (HTTP 503) or hanging (never answers).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ReceivedBatch {
  service: string;
  logs: Record<string, unknown>[];
}

export interface LogReceiver {
  readonly url: string;
  mode: 'accept' | 'fail' | 'hang';
  /** Batches answered with 200. */
  batches: ReceivedBatch[];
  /** Every accepted line. */
  lines(): Record<string, unknown>[];
  /** Raw bodies of every request received, answered or not (for leak scans). */
  rawBodies: string[];
  /** Requests currently held open in `hang` mode. */
  hanging(): number;
  /** Stop listening: connections are refused until start(). */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startLogReceiver(): Promise<LogReceiver> {
  let server: Server | undefined;
  let port = 0;
  const sockets = new Set<Socket>();
  const held = new Set<ServerResponse>();
  const receiver: LogReceiver = {
    get url() {
      return `http://127.0.0.1:${port}/logs`;
    },
    mode: 'accept',
    batches: [],
    rawBodies: [],
    lines: () => receiver.batches.flatMap((b) => b.logs),
    hanging: () => held.size,
    async start() {
      server = createServer((req: IncomingMessage, res: ServerResponse) => {
        let body = '';
        req.setEncoding('utf8');
        req.on('data', (chunk) => (body += chunk));
        req.on('end', () => {
          receiver.rawBodies.push(body);
          if (req.url !== '/logs') {
            res.writeHead(404).end();
            return;
          }
          if (receiver.mode === 'hang') {
            held.add(res);
            res.on('close', () => held.delete(res));
            return;
          }
          if (receiver.mode === 'fail') {
            res.writeHead(503).end();
            return;
          }
          receiver.batches.push(JSON.parse(body) as ReceivedBatch);
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        });
      });
      server.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(port, '127.0.0.1', () => resolve());
      });
      port = (server.address() as AddressInfo).port;
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server = undefined;
    },
    close: () => receiver.stop(),
  };
  await receiver.start();
  return receiver;
}
