// Runs the real server in-process for integration tests, on a fresh database of the chosen engine
// (PGlite in a temporary data dir, or a new PostgreSQL database), with logs captured for leak scans.
//
//   describeEachEngine('secrets', (engine) => {
//     const app = useTestServer(engine);
//     test('...', async () => { const data = await app().admin(`{ secrets { totalCount } }`); });
//   });
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { GraphQLFormattedError } from 'graphql';
import { afterAll, beforeAll } from 'vitest';
import type { Clock } from '../../lib/clock.js';
import { startServer, type RunningServer } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createPostgresDatabase, type Engine, type EngineName } from './engines.js';

export interface GqlResponse<T> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: GraphQLFormattedError[];
}

export interface TestServer {
  engine: EngineName;
  url: string;
  adminToken: string;
  server: RunningServer;
  /** Every log line written so far (raw JSON text). */
  logs: string[];
  /** Environment the server was started with (tests may restart with overrides). */
  env: Record<string, string>;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string | null; headers?: Record<string, string> },
  ): Promise<GqlResponse<T>>;
  /** Runs as the bootstrap admin and fails the test on any GraphQL error. */
  admin<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Raw SQL on the server's database. */
  sql<T = Record<string, any>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Stops and starts again on the same storage, optionally with changed environment. */
  restart(envOverrides?: Record<string, string | undefined>): Promise<void>;
  dispose(): Promise<void>;
}

export const newMasterKey = (): string => randomBytes(32).toString('base64');

export async function startTestServer(
  engine: Engine,
  options: { env?: Record<string, string>; clock?: Clock; replicaOf?: TestServer } = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'secrets-test-'));
  const pgDatabase = engine.name === 'postgres' && !options.replicaOf ? await createPostgresDatabase('srv') : undefined;
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  let env: Record<string, string> = {
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    SECRETS_DATA_DIR: dataDir,
    SECRETS_MASTER_KEY: newMasterKey(),
    SECRETS_ADMIN_TOKEN: `test-admin-${randomBytes(24).toString('hex')}`,
    LOG_LEVEL: 'debug',
    ...(pgDatabase ? { DATABASE_URL: pgDatabase.url, DATABASE_POOL_MAX: '20' } : {}),
    // A second replica (PostgreSQL only): the first server's database, master key and admin token.
    ...(options.replicaOf
      ? Object.fromEntries(['DATABASE_URL', 'DATABASE_POOL_MAX', 'SECRETS_MASTER_KEY', 'SECRETS_ADMIN_TOKEN'].map((k) => [k, options.replicaOf!.env[k]]))
      : {}),
    ...options.env,
  };
  const boot = () => startServer(loadConfig(env), { clock: options.clock, logDestination: sink });
  let server = await boot();

  const testServer: TestServer = {
    engine: engine.name,
    get url() {
      return server.url;
    },
    get adminToken() {
      return env.SECRETS_ADMIN_TOKEN;
    },
    get server() {
      return server;
    },
    get env() {
      return env;
    },
    logs,
    async gql(query, variables, opts = {}) {
      const token = opts.token === undefined ? env.SECRETS_ADMIN_TOKEN : opts.token;
      const response = await fetch(server.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...opts.headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: GraphQLFormattedError[] };
      return { status: response.status, headers: response.headers, data: body.data ?? undefined, errors: body.errors };
    },
    async admin(query, variables) {
      const result = await testServer.gql(query, variables);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data as any;
    },
    sql: (text, params) => server.database.query(text, params),
    async restart(overrides = {}) {
      await server.stop();
      const next = { ...env };
      for (const [key, value] of Object.entries(overrides)) {
        if (value === undefined) delete next[key];
        else next[key] = value;
      }
      env = next;
      server = await boot();
    },
    async dispose() {
      await server.stop();
      await pgDatabase?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return testServer;
}

/** One server for the enclosing describe block. */
export function useTestServer(engine: Engine, options: { env?: Record<string, string>; clock?: Clock } = {}): () => TestServer {
  let app: TestServer | undefined;
  beforeAll(async () => {
    app = await startTestServer(engine, options);
  });
  afterAll(async () => {
    await app?.dispose();
  });
  return () => {
    if (!app) throw new Error(`The ${engine.name} test server did not start (did beforeAll fail?)`);
    return app;
  };
}
