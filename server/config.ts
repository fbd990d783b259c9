// Parses process.env once into a frozen, typed configuration. Every variable is declared in CONFIG_VARIABLES
// (name, default, meaning); the README's table is generated from that list (scripts/env-table.ts) and a test
// checks it is current. Nothing else in the code base reads process.env.
import { resolve } from 'node:path';
import { z } from 'zod';
import { parseTrustedProxies } from '../lib/client-ip.js';

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
  { name: 'AUTH_JWT_SECRET', default: '(unset)', description: 'Shared secret (at least 32 characters) for HS256 user JWTs.' },
  { name: 'AUTH_JWKS_URL', default: '(unset)', description: 'JWKS URL for asymmetric user JWTs (RS/PS/ES/EdDSA); takes precedence over `AUTH_JWT_SECRET`.' },
  { name: 'AUTH_ISSUER', default: '(unset: not checked)', description: 'Required `iss` of user JWTs.' },
  { name: 'AUTH_AUDIENCE', default: '(unset: not checked)', description: 'Required `aud` of user JWTs.' },
  { name: 'AUTH_CLOCK_TOLERANCE_SECONDS', default: '30', description: 'Clock skew tolerated when checking `exp`, `nbf` and `iat`.' },
  { name: 'USER_MANAGEMENT_URL', default: '(unset)', description: 'User Management service; when set, `GET <url>/users/<id>/permissions` adds roles, memberships and permission codes to a user\'s token claims.' },
  { name: 'USER_MANAGEMENT_CACHE_SECONDS', default: '30', description: 'How long a User Management answer is reused.' },
  { name: 'SHUTDOWN_TIMEOUT_MS', default: '10000', description: 'On SIGTERM, how long to wait for in-flight requests before closing connections.' },
  { name: 'AMQP_URL', default: '(unset: events stay in the outbox)', description: 'RabbitMQ URL (`amqp://user:pass@host:5672/vhost`). When set, the outbox relay publishes every committed event to `AMQP_EXCHANGE`; when unset, events still reach GraphQL subscriptions and wait, unpublished, in `outbox_events`.' },
  { name: 'AMQP_EXCHANGE', default: 'coder.events', description: 'Topic exchange the events are published to (declared durable if missing).' },
  { name: 'AMQP_ROUTING_PREFIX', default: 'secret', description: 'First word of the routing keys: `<prefix>.created`, `<prefix>.expiring_soon`, ...' },
  { name: 'OUTBOX_POLL_INTERVAL_MS', default: '1000', description: 'How often the outbox relay looks for unpublished events besides being woken by commits (also how often a standby replica tries to take over publishing).' },
  { name: 'SECRETS_JOBS_ENABLED', default: 'true', description: 'Run the background jobs (pg-boss: expiration-check, rotation-check, purge-deleted, version-retention) in this process. `false` makes an API-only replica; at least one replica should run them.' },
  { name: 'SECRETS_MAX_VERSIONS', default: '20', description: 'Versions kept per secret by the daily version-retention job (never the current one nor one inside its rotation grace period).' },
  { name: 'SECRETS_ROTATION_WEBHOOK_ALLOWLIST', default: '(empty: no webhook allowed)', description: 'Comma-separated URL prefixes a rotation webhook (`metadata.rotation.webhookUrl`) must match, e.g. `https://rotator.internal/hooks/,https://*.example.com/rotate`. Scheme, host (`*.` = any subdomain) and port must be equal and the path must start with the prefix\'s path.' },
  { name: 'SECRETS_ROTATION_WEBHOOK_TIMEOUT_MS', default: '10000', description: 'Timeout of one rotation webhook call.' },
  { name: 'SECRETS_ROTATION_WEBHOOK_RETRIES', default: '2', description: 'Further attempts of a failed rotation webhook call within one rotation (the rotation-check job also retries later with backoff).' },
  { name: 'TRUSTED_PROXIES', default: '(empty: X-Forwarded-For ignored)', description: 'Comma-separated addresses or CIDRs of reverse proxies (e.g. `10.0.0.0/8,::1`). Only a connection from one of them may set the client IP through `X-Forwarded-For` (audit entries and logs).' },
  { name: 'SECRETS_AUDIT_HMAC_KEY', default: '(derived from the master key)', description: 'Key (at least 32 characters) of the HMAC that replaces value-like strings in audit details. Set it to keep HMACs comparable across master-key rotations.' },
  { name: 'SECRETS_AUDIT_SEAL_INTERVAL_MS', default: '250', description: 'How often the audit sealer links new entries into the hash chain (one replica at a time; entries are sealed within about two intervals of commit).' },
  { name: 'SECRETS_MAX_GRANTS_PER_SECRET', default: '10', description: 'The compliance report flags a secret with more active grants than this (EXCESSIVE_GRANTS).' },
  { name: 'LOGGING_ENABLED', default: 'false', description: 'Ship logs to the platform Logging Service (`LOGGING_SERVICE_URL`) besides stdout, as service `secret-management`.' },
  { name: 'LOGGING_SERVICE_URL', default: '(unset)', description: 'Endpoint receiving log batches: `POST` of `{"service":"secret-management","logs":[...pino lines]}`. Required when `LOGGING_ENABLED=true`.' },
  { name: 'LOGGING_BATCH_SIZE', default: '200', description: 'Most log lines per request to the Logging Service.' },
  { name: 'LOGGING_BUFFER_SIZE', default: '10000', description: 'Log lines kept while the Logging Service is slow or down; beyond it new lines are dropped (and counted) rather than blocking requests.' },
  { name: 'LOGGING_FLUSH_INTERVAL_MS', default: '1000', description: 'Longest time a log line waits before being shipped.' },
  { name: 'LOGGING_TIMEOUT_MS', default: '5000', description: 'Timeout of one request to the Logging Service.' },
  { name: 'LOGGING_RETRY_MAX_MS', default: '30000', description: 'Longest wait between retries while the Logging Service fails (exponential backoff with jitter from `LOGGING_FLUSH_INTERVAL_MS`).' },
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
  AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  AUTH_JWKS_URL: z.string().url().optional(),
  AUTH_ISSUER: z.string().min(1).optional(),
  AUTH_AUDIENCE: z.string().min(1).optional(),
  AUTH_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(600).default(30),
  USER_MANAGEMENT_URL: z.string().url().optional(),
  USER_MANAGEMENT_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  AMQP_URL: z.string().regex(/^amqps?:\/\/[^\s]+$/, 'must be an amqp:// or amqps:// URL').optional(),
  AMQP_EXCHANGE: z.string().regex(/^[A-Za-z0-9_.:-]{1,255}$/, 'letters, digits, - _ . :').default('coder.events'),
  AMQP_ROUTING_PREFIX: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'one routing-key word: letters, digits, - _').default('secret'),
  OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(600_000).default(1000),
  SECRETS_JOBS_ENABLED: bool.default('true'),
  SECRETS_MAX_VERSIONS: z.coerce.number().int().min(1).max(10_000).default(20),
  SECRETS_ROTATION_WEBHOOK_ALLOWLIST: z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.string().refine(isWebhookPrefix, 'each entry must be an http(s) URL prefix without credentials, query or fragment')))
    .default(''),
  SECRETS_ROTATION_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
  SECRETS_ROTATION_WEBHOOK_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  TRUSTED_PROXIES: z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.string().refine(isAddressOrCidr, 'each entry must be an IP address or CIDR')))
    .default(''),
  SECRETS_AUDIT_HMAC_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  SECRETS_AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
  SECRETS_MAX_GRANTS_PER_SECRET: z.coerce.number().int().min(0).max(100_000).default(10),
  LOGGING_ENABLED: bool.default('false'),
  LOGGING_SERVICE_URL: z.string().url().refine((u) => /^https?:/.test(u), 'must be an http(s) URL').optional(),
  LOGGING_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(200),
  LOGGING_BUFFER_SIZE: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  LOGGING_FLUSH_INTERVAL_MS: z.coerce.number().int().min(10).max(600_000).default(1000),
  LOGGING_TIMEOUT_MS: z.coerce.number().int().min(50).max(600_000).default(5000),
  LOGGING_RETRY_MAX_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
});

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly isProduction: boolean;
  readonly http: { readonly port: number; readonly host: string; readonly introspection: boolean; readonly shutdownTimeoutMs: number };
  readonly database: { readonly url?: string; readonly poolMax: number; readonly dataDir: string };
  readonly crypto: { readonly masterKey?: string; readonly previousMasterKeys: readonly string[] };
  readonly identity: {
    readonly adminToken?: string;
    readonly jwt: { readonly secret?: string; readonly jwksUrl?: string; readonly issuer?: string; readonly audience?: string; readonly clockToleranceSeconds: number };
    readonly userManagement?: { readonly url: string; readonly cacheTtlMs: number };
  };
  readonly secrets: { readonly recoveryDays: number; readonly maxValueBytes: number; readonly allowExpiredRead: boolean };
  readonly log: { readonly level: string };
  readonly events: { readonly amqpUrl?: string; readonly exchange: string; readonly routingPrefix: string; readonly pollIntervalMs: number };
  readonly lifecycle: {
    readonly jobsEnabled: boolean;
    readonly maxVersions: number;
    readonly rotationWebhook: { readonly allowlist: readonly string[]; readonly timeoutMs: number; readonly retries: number };
  };
  readonly requests: { readonly trustedProxies: readonly string[] };
  readonly audit: { readonly hmacKey?: string; readonly sealIntervalMs: number; readonly maxGrantsPerSecret: number };
  readonly logging: {
    readonly enabled: boolean;
    readonly serviceUrl?: string;
    readonly batchSize: number;
    readonly bufferSize: number;
    readonly flushIntervalMs: number;
    readonly timeoutMs: number;
    readonly retryMaxMs: number;
  };
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
  if (e.LOGGING_ENABLED && !e.LOGGING_SERVICE_URL) problems.push('LOGGING_SERVICE_URL: required when LOGGING_ENABLED=true');
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
    identity: {
      adminToken: e.SECRETS_ADMIN_TOKEN,
      jwt: {
        secret: e.AUTH_JWT_SECRET,
        jwksUrl: e.AUTH_JWKS_URL,
        issuer: e.AUTH_ISSUER,
        audience: e.AUTH_AUDIENCE,
        clockToleranceSeconds: e.AUTH_CLOCK_TOLERANCE_SECONDS,
      },
      userManagement: e.USER_MANAGEMENT_URL ? { url: e.USER_MANAGEMENT_URL, cacheTtlMs: e.USER_MANAGEMENT_CACHE_SECONDS * 1000 } : undefined,
    },
    secrets: {
      recoveryDays: e.SECRETS_RECOVERY_DAYS,
      maxValueBytes: e.SECRETS_MAX_VALUE_BYTES,
      allowExpiredRead: e.SECRETS_ALLOW_EXPIRED_READ,
    },
    log: { level: e.LOG_LEVEL },
    events: {
      amqpUrl: e.AMQP_URL,
      exchange: e.AMQP_EXCHANGE,
      routingPrefix: e.AMQP_ROUTING_PREFIX,
      pollIntervalMs: e.OUTBOX_POLL_INTERVAL_MS,
    },
    lifecycle: {
      jobsEnabled: e.SECRETS_JOBS_ENABLED,
      maxVersions: e.SECRETS_MAX_VERSIONS,
      rotationWebhook: {
        allowlist: e.SECRETS_ROTATION_WEBHOOK_ALLOWLIST,
        timeoutMs: e.SECRETS_ROTATION_WEBHOOK_TIMEOUT_MS,
        retries: e.SECRETS_ROTATION_WEBHOOK_RETRIES,
      },
    },
    requests: { trustedProxies: e.TRUSTED_PROXIES },
    audit: {
      hmacKey: e.SECRETS_AUDIT_HMAC_KEY,
      sealIntervalMs: e.SECRETS_AUDIT_SEAL_INTERVAL_MS,
      maxGrantsPerSecret: e.SECRETS_MAX_GRANTS_PER_SECRET,
    },
    logging: {
      enabled: e.LOGGING_ENABLED,
      serviceUrl: e.LOGGING_SERVICE_URL,
      batchSize: e.LOGGING_BATCH_SIZE,
      bufferSize: e.LOGGING_BUFFER_SIZE,
      flushIntervalMs: e.LOGGING_FLUSH_INTERVAL_MS,
      timeoutMs: e.LOGGING_TIMEOUT_MS,
      retryMaxMs: e.LOGGING_RETRY_MAX_MS,
    },
  });
}

/** A TRUSTED_PROXIES entry: an IP address or a CIDR. */
function isAddressOrCidr(entry: string): boolean {
  try {
    parseTrustedProxies([entry]);
    return true;
  } catch {
    return false;
  }
}

/** A rotation-webhook allowlist entry: an http(s) URL (host may start with `*.`), no credentials/query/fragment. */
function isWebhookPrefix(entry: string): boolean {
  try {
    const url = new URL(entry.replace('://*.', '://wildcard.'));
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password && !url.search && !url.hash;
  } catch {
    return false;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
