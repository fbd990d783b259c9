// Opens the database: real PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite persisted in
// the data dir. Both are handed out as the same drizzle PgDatabase type, so everything above this file
// runs one SQL code path.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { schema, type Schema } from './schema.js';

export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; repositories accept either a Database or a Tx (a Tx is a Database too). */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Tx;

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));
/** Serializes migrations across replicas starting at the same time. */
const MIGRATION_LOCK_ID = 7_263_411_001;

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolMax?: number }
  | { kind: 'pglite'; dataDir?: string /* undefined = in memory */ };

export interface DatabaseHandle {
  kind: 'postgres' | 'pglite';
  db: Database;
  /** The underlying client, for LISTEN/NOTIFY, pg-boss and raw test access. */
  pool?: pg.Pool;
  pglite?: PGlite;
  /** Runs raw SQL (tests, health checks); returns rows. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  migrate(): Promise<void>;
  isMigrated(): Promise<boolean>;
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.kind === 'postgres' ? openPostgres(options.url, options.poolMax ?? 10) : openPglite(options.dataDir);
}

function openPostgres(url: string, poolMax: number): DatabaseHandle {
  // Sessions in UTC, whatever the server's default: date arithmetic in SQL must match the code's.
  const pool = new pg.Pool({ connectionString: url, max: poolMax, options: '-c TimeZone=UTC' });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = drizzlePg({ client: pool, schema }) as unknown as Database;
  return {
    kind: 'postgres',
    db,
    pool,
    async query(text, params) {
      const result = await pool.query(text, params as unknown[]);
      return result.rows;
    },
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
        try {
          await migratePg(drizzlePg({ client, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
        }
      } finally {
        client.release();
      }
    },
    isMigrated: () => hasAllMigrations(db),
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  await pglite.exec("set time zone 'UTC'");
  const db = drizzlePglite({ client: pglite, schema }) as unknown as Database;
  return {
    kind: 'pglite',
    db,
    pglite,
    async query(text, params) {
      const result = await pglite.query(text, params as unknown[]);
      return result.rows as never[];
    },
    migrate: () => migratePglite(drizzlePglite({ client: pglite, schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
    isMigrated: () => hasAllMigrations(db),
    close: () => pglite.close(),
  };
}

async function hasAllMigrations(db: Database): Promise<boolean> {
  const { readMigrationFiles } = await import('drizzle-orm/migrator');
  const expected = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).length;
  try {
    const rows = await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const n = Number((rows as unknown as { rows: { n: number }[] }).rows?.[0]?.n ?? 0);
    return n >= expected;
  } catch {
    return false;
  }
}
