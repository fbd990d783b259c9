// Parses process.env once into a frozen, typed configuration. Every variable is declared in CONFIG_VARIABLES
// (name, default, meaning); the README's table is generated from that list (scripts/env-table.ts) and a test
// checks it is current. Nothing else in the code base reads process.env.
import { resolve } from 'node:path';
import { z } from 'zod';

export interface ConfigVariable {
  name: string;
  default: string;
  description: string;
}

export const CONFIG_VARIABLES: readonly ConfigVariable[] = [
  { name: 'NODE_ENV', default: 'development', description: '`production` turns off the landing page and dev conveniences (generated master key and admin token) and makes a missing `SECRETS_MASTER_KEY` fatal.' },
  { name: 'PORT', default: '4000', description: 'HTTP port for `/graphql` (HTTP and graphql-ws), `/healthz`, `/readyz`.' },
  { name: 'HOST', default: '0.0.0.0', description: 'Interface to listen on.' },
  { name: 'DATABASE_URL', default: '(unset)', description: 'PostgreSQL connection string. When unset, the embedded PGlite database in `SECRETS_DATA_DIR` is used.' },
  { name: 'DATABASE_POOL_MAX', default: '10', description: 'Maximum PostgreSQL connections per process.' },
  { name: 'SECRETS_DATA_DIR', default: './data', description: 'Directory for the embedded database, and (outside production) the generated `master.key` and `admin-token`.' },
  { name: 'SECRETS_MASTER_KEY', default: '(generated outside production)', description: 'Key-encryption key: 32 random bytes, base64 (`openssl rand -base64 32`). Required in production.' },
  { name: 'SECRETS_PREVIOUS_MASTER_KEYS', default: '(empty)', description: 'Comma-separated earlier master keys. At start-up every data key wrapped by one of them is rewrapped with `SECRETS_MASTER_KEY`.' },
  { name: 'SECRETS_ADMIN_TOKEN', default: '(generated outside production)', description: 'Bootstrap super-admin bearer token (at least 32 characters). Outside production a token is generated into `SECRETS_DATA_DIR/admin-token` when unset. Unset it once real identities are configured.' },
  { name: 'SECRETS_RECOVERY_DAYS', default: '30', description: 'Days a soft-deleted secret stays restorable (`recoveryDeadline`).' },
  { name: 'SECRETS_MAX_VALUE_BYTES', default: '65536', description: 'Largest accepted secret value (bytes of its JSON form).' },
  { name: 'SECRETS_ALLOW_EXPIRED_READ', default: 'false', description: 'When `true`, values of expired secrets can still be read.' },
  { name: 'GRAPHQL_INTROSPECTION', default: 'true outside production', description: 'Allow GraphQL introspection queries.' },
  { name: 'LOG_LEVEL', default: 'info', description: 'pino log level (`fatal`, `error`, `warn`, `info`, `debug`, `trace`, `silent`).' },
  { name: 'SHUTDOWN_TIMEOUT_MS', default: '10000', description: 'On SIGTERM, how long to wait for in-flight requests before closing connections.' },
];

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const masterKeyList = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean));

export const ENV_SCHEMA = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  SECRETS_DATA_DIR: z.string().min(1).default('./data'),
  SECRETS_MASTER_KEY: z.string().min(1).optional(),
  SECRETS_PREVIOUS_MASTER_KEYS: masterKeyList.default(''),
  SECRETS_ADMIN_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  SECRETS_RECOVERY_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  SECRETS_MAX_VALUE_BYTES: z.coerce.number().int().min(1024).max(16 * 1024 * 1024).default(65536),
  SECRETS_ALLOW_EXPIRED_READ: bool.default('false'),
  GRAPHQL_INTROSPECTION: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
});

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly isProduction: boolean;
  readonly http: { readonly port: number; readonly host: string; readonly introspection: boolean; readonly shutdownTimeoutMs: number };
  readonly database: { readonly url?: string; readonly poolMax: number; readonly dataDir: string };
  readonly crypto: { readonly masterKey?: string; readonly previousMasterKeys: readonly string[] };
  readonly identity: { readonly adminToken?: string };
  readonly secrets: { readonly recoveryDays: number; readonly maxValueBytes: number; readonly allowExpiredRead: boolean };
  readonly log: { readonly level: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

/** Parses an environment (default: process.env); collects every problem before failing. Never echoes key values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.fromEntries(
    CONFIG_VARIABLES.map((v) => [v.name, env[v.name] === '' ? undefined : env[v.name]]),
  );
  const parsed = ENV_SCHEMA.safeParse(known);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const isProduction = e.NODE_ENV === 'production';
  if (isProduction && !e.SECRETS_MASTER_KEY) problems.push('SECRETS_MASTER_KEY: required when NODE_ENV=production');
  if (problems.length) throw new ConfigError(problems);
  return deepFreeze({
    env: e.NODE_ENV,
    isProduction,
    http: {
      port: e.PORT,
      host: e.HOST,
      introspection: e.GRAPHQL_INTROSPECTION ?? !isProduction,
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    },
    database: { url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX, dataDir: resolve(e.SECRETS_DATA_DIR) },
    crypto: { masterKey: e.SECRETS_MASTER_KEY, previousMasterKeys: e.SECRETS_PREVIOUS_MASTER_KEYS },
    identity: { adminToken: e.SECRETS_ADMIN_TOKEN },
    secrets: {
      recoveryDays: e.SECRETS_RECOVERY_DAYS,
      maxValueBytes: e.SECRETS_MAX_VALUE_BYTES,
      allowExpiredRead: e.SECRETS_ALLOW_EXPIRED_READ,
    },
    log: { level: e.LOG_LEVEL },
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
