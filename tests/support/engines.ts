// The database engines storage tests run against: embedded PGlite always, and a real PostgreSQL server
// (a fresh database per open) when one answers. Without PostgreSQL its suites are skipped locally but
// fail in CI (CI=true), so a broken CI database can never turn into silently green builds.
//
//   describeEachEngine('secret versions', (engine) => {
//     const database = useTestDatabase(engine);          // opened once per file and engine, migrated
//     test('...', async () => { await database().db.select()... });
//   });
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../models/db.js';

export type EngineName = 'pglite' | 'postgres';

export interface TestDatabase extends DatabaseHandle {
  /** Closes the handle and, for PostgreSQL, drops the database it created. */
  dispose(): Promise<void>;
}

export interface OpenTestDatabaseOptions {
  /** Apply migrations before returning (default true). */
  migrate?: boolean;
  /** PostgreSQL database name prefix; a random suffix is added (default `test`). */
  prefix?: string;
  /** PostgreSQL pool size (default 10). */
  poolMax?: number;
}

export interface Engine {
  name: EngineName;
  /** The engine answered when this module loaded. */
  available: boolean;
  /** Skip its suites: unavailable and not in CI. In CI an unavailable engine runs and fails loudly. */
  skip: boolean;
  /** Why it is unavailable (connection error), for messages. */
  unavailableReason?: string;
  open(options?: OpenTestDatabaseOptions): Promise<TestDatabase>;
}

/** Server to create test databases on; the path (database) part is ignored. */
export const POSTGRES_TEST_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/';
const isCI = process.env.CI === 'true';

function postgresUrl(database: string): string {
  const url = new URL(POSTGRES_TEST_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** host:port only, so a password in the URL never reaches a test report. */
const postgresServer = new URL(POSTGRES_TEST_URL).host;

async function withAdminClient<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresUrl('postgres'), connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function probePostgres(): Promise<string | undefined> {
  try {
    await withAdminClient((client) => client.query('select 1'));
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message || error.name : String(error);
  }
}

const postgresProblem = await probePostgres();

async function migrated(handle: DatabaseHandle, options: OpenTestDatabaseOptions): Promise<void> {
  if (options.migrate ?? true) await handle.migrate();
}

export const pgliteEngine: Engine = {
  name: 'pglite',
  available: true,
  skip: false,
  async open(options = {}) {
    const handle = await openDatabase({ kind: 'pglite' });
    await migrated(handle, options);
    return Object.assign(handle, { dispose: () => handle.close() });
  },
};

export const postgresEngine: Engine = {
  name: 'postgres',
  available: postgresProblem === undefined,
  skip: postgresProblem !== undefined && !isCI,
  unavailableReason: postgresProblem,
  async open(options = {}) {
    if (postgresProblem !== undefined) {
      throw new Error(`PostgreSQL at ${postgresServer} is required (CI=true) but unreachable: ${postgresProblem}`);
    }
    const name = `${options.prefix ?? 'test'}_${randomBytes(6).toString('hex')}`;
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Invalid test database name ${name}`);
    await withAdminClient((client) => client.query(`create database "${name}"`));
    const handle = await openDatabase({ kind: 'postgres', url: postgresUrl(name), poolMax: options.poolMax });
    const dispose = async () => {
      await handle.close();
      await withAdminClient((client) => client.query(`drop database if exists "${name}" with (force)`));
    };
    try {
      await migrated(handle, options);
    } catch (error) {
      await dispose();
      throw error;
    }
    return Object.assign(handle, { dispose });
  },
};

export const engines: Engine[] = [pgliteEngine, postgresEngine];

/** One describe block per engine, titled `title [engine]`, skipped when the engine is skippable. */
export function describeEachEngine(title: string, body: (engine: Engine) => void): void {
  for (const engine of engines) {
    describe.skipIf(engine.skip)(`${title} [${engine.name}]`, () => body(engine));
  }
}

/**
 * Opens one database for the enclosing describe block (beforeAll) and disposes of it afterwards;
 * returns an accessor because the handle exists only once the hook has run.
 */
export function useTestDatabase(engine: Engine, options: OpenTestDatabaseOptions = {}): () => TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await engine.open(options);
  });
  afterAll(async () => {
    await database?.dispose();
  });
  return () => {
    if (!database) throw new Error(`The ${engine.name} test database is not open (did beforeAll fail?)`);
    return database;
  };
}

/**
 * A fresh, empty PostgreSQL database for a whole server under test (which migrates it itself).
 * Throws when PostgreSQL is unreachable, so CI fails loudly.
 */
export async function createPostgresDatabase(prefix = 'test'): Promise<{ url: string; drop(): Promise<void> }> {
  if (postgresProblem !== undefined) {
    throw new Error(`PostgreSQL at ${postgresServer} is required (CI=true) but unreachable: ${postgresProblem}`);
  }
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`create database "${name}"`));
  return {
    url: postgresUrl(name),
    drop: () => withAdminClient((client) => client.query(`drop database if exists "${name}" with (force)`)).then(() => undefined),
  };
}
