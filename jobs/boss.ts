// Starts pg-boss on the service's own database: on PostgreSQL with its own small pool from the connection
// string (or, without one, through the service's pool); on embedded PGlite through pg-boss's `db` adapter (PGlite runs one statement stream, so pg-boss
// shares it; multi-statement scripts without parameters go through `exec`, which returns one result per
// statement, of which pg-boss wants the last).
import type { PGlite } from '@electric-sql/pglite';
import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../models/db.js';

export function pgliteAdapter(pglite: PGlite): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values?.length) return pglite.query(text, values as never[]) as Promise<{ rows: any[] }>;
      const results = await pglite.exec(text);
      return results.at(-1) ?? { rows: [] };
    },
  };
}

export interface BossOptions {
  database: Pick<DatabaseHandle, 'kind' | 'pglite' | 'pool'>;
  /** PostgreSQL connection string (required for kind postgres). */
  connectionString?: string;
  /** pg-boss's pool size on PostgreSQL. */
  poolMax?: number;
}

export function createBoss(options: BossOptions): PgBoss {
  const common = { application_name: 'secrets-subgraph-jobs' } as const;
  if (options.database.kind === 'pglite') {
    if (!options.database.pglite) throw new Error('PGlite handle missing');
    return new PgBoss({ ...common, db: pgliteAdapter(options.database.pglite) });
  }
  if (!options.connectionString) {
    const pool = options.database.pool;
    if (!pool) throw new Error('pg-boss on PostgreSQL needs the connection string or the pool');
    return new PgBoss({ ...common, db: { executeSql: (text: string, values?: unknown[]) => pool.query(text, values as unknown[]) } });
  }
  return new PgBoss({ ...common, connectionString: options.connectionString, max: options.poolMax ?? 2 });
}
