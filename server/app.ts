// Composition root: configuration -> database -> keys -> services -> schema -> HTTP + WebSocket server.
// main.ts runs it for the process; tests start it in-process with their own config, clock and log sink.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import DataLoader from 'dataloader';
import express from 'express';
import type { GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { DestinationStream, Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { createKeyManager } from '../crypto/key-manager.js';
import { createEventBus, type EventBus } from '../events/bus.js';
import { createOutboxRecorder } from '../events/outbox-recorder.js';
import { createOutboxRelay, type OutboxRelay } from '../events/relay.js';
import { loadOrCreateDevMasterKey, parseMasterKey } from '../crypto/master-key.js';
import type { Actor } from '../identity/actor.js';
import { createAuthenticator } from '../identity/authenticate.js';
import { createJwtVerifier } from '../identity/jwt.js';
import { createUserManagementEnricher } from '../identity/user-management.js';
import { applyPermissions } from '../rules/index.js';
import { loadPersistedDocuments, persistedDocumentsMiddleware, resolvePersistedDocument } from './persisted-documents.js';
import { resolveBootstrapAdminToken } from '../identity/bootstrap-admin.js';
import { systemClock, type Clock } from '../lib/clock.js';
import { createLogger } from '../lib/logger.js';
import { createLogShipper, type LogShipper } from '../lib/log-shipper.js';
import { clientIp, parseTrustedProxies } from '../lib/client-ip.js';
import { createAuditTrail, type AuditTrail } from '../services/audit/index.js';
import { auditHmacKey } from '../services/audit/sanitize.js';
import { auditRequestPlugin } from './audit-plugin.js';
import { requestContext } from '../lib/request-context.js';
import { openDatabase, type DatabaseHandle } from '../models/db.js';
import { findSecretsByIds } from '../models/secrets.repo.js';
import type { GraphQLContext, Loaders } from '../resolvers/context.js';
import { buildFederatedSchema } from '../schema/build.js';
import type { Config } from './config.js';
import { createFormatError } from './format-error.js';
import { healthRoutes, jsonErrorHandler, requestIdMiddleware, requestLogMiddleware } from './http.js';
import { requireIdentityPlugin, type IdentityContext } from './identity-plugin.js';
import { createServices, type Services } from './services.js';
import { createJobRunner, registerLifecycleJobs, type JobRunner } from '../jobs/index.js';

export interface StartOptions {
  clock?: Clock;
  /** Where logs go (default stdout). */
  logDestination?: DestinationStream;
  logger?: Logger;
}

export interface RunningServer {
  url: string;
  port: number;
  httpServer: Server;
  database: DatabaseHandle;
  services: Services;
  log: Logger;
  /** Where the generated bootstrap admin token lives, if one was generated or read from the data dir. */
  adminTokenPath?: string;
  /** Committed secret events on this replica (GraphQL subscriptions read this; also `services.events`). */
  events: EventBus;
  /** The RabbitMQ outbox relay, when AMQP_URL is set. */
  relay?: OutboxRelay;
  /** Background jobs (pg-boss); started unless SECRETS_JOBS_ENABLED=false, `runNow` works either way. */
  jobs: JobRunner;
  /** The audit trail's writing side (sealer, denials, unauthenticated summaries); also `services.audit.trail`. */
  auditTrail: AuditTrail;
  /** Ships logs to the Logging Service when LOGGING_ENABLED=true. */
  logShipper?: LogShipper;
  stop(): Promise<void>;
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const clock = options.clock ?? systemClock;
  const logShipper = startLogShipper(config, options);
  const log = options.logger ?? createLogger({ level: config.log.level, destination: options.logDestination, alsoTo: logShipper?.stream });

  const database = await openDatabase(
    config.database.url
      ? { kind: 'postgres', url: config.database.url, poolMax: config.database.poolMax }
      : { kind: 'pglite', dataDir: config.database.dataDir },
  );
  // Events: the outbox recorder writes each change's event in the change's transaction; the bus delivers
  // committed events to this replica's subscribers; the relay publishes them to RabbitMQ (only with AMQP_URL).
  const events = createEventBus({ database, url: config.database.url, log });
  let relay: OutboxRelay | undefined;
  let auditTrail: AuditTrail | undefined;
  const jobs = createJobRunner({ database, connectionString: config.database.url, log, clock, stopTimeoutMs: config.http.shutdownTimeoutMs });
  try {
    await database.migrate();
    const { keys, kek } = await openKeyManager(config, database, clock, log);
    auditTrail = createAuditTrail({
      db: database.db,
      clock,
      log,
      hmacKey: auditHmacKey({ configuredKey: config.audit.hmacKey, masterKey: kek.key }),
      sealIntervalMs: config.audit.sealIntervalMs,
    });
    const bootstrapAdmin = resolveBootstrapAdminToken({
      configuredToken: config.identity.adminToken,
      dataDir: config.database.dataDir,
      isProduction: config.isProduction,
    });
    if (bootstrapAdmin?.generated) {
      log.warn({ path: bootstrapAdmin.path }, 'generated a bootstrap admin token (acts as SUPER_ADMIN); read it from this file');
    }
    const verifyJwt = createJwtVerifier({ ...config.identity.jwt, clock });
    const enrich = config.identity.userManagement
      ? createUserManagementEnricher({ url: config.identity.userManagement.url, cacheTtlMs: config.identity.userManagement.cacheTtlMs, log })
      : undefined;
    // Service-account lookups need the services, which are created next; the authenticator asks lazily.
    let serviceAccounts: Services['serviceAccounts'] | undefined;
    const authenticator = createAuthenticator({
      bootstrapAdmin,
      verifyJwt,
      enrich,
      serviceAccounts: { authenticate: (token) => serviceAccounts?.authenticate(token) ?? Promise.resolve(null) },
    });
    const persistedDocuments = loadPersistedDocuments();
    const services = createServices({
      db: database.db,
      keys,
      clock,
      log,
      settings: config.secrets,
      // The audit entry and the outbox event of a change commit with it (fail closed).
      recorders: [auditTrail.recorder, createOutboxRecorder({ clock })],
      onDenied: auditTrail.denials.report,
      auditTrail,
      maxGrantsPerSecret: config.audit.maxGrantsPerSecret,
      events,
      routingPrefix: config.events.routingPrefix,
      lifecycle: config.lifecycle,
    });
    serviceAccounts = services.serviceAccounts;
    auditTrail.start();
    registerLifecycleJobs(jobs, services.lifecycle);
    await events.start();
    if (config.events.amqpUrl) {
      relay = createOutboxRelay({
        database,
        databaseUrl: config.database.url,
        amqp: { url: config.events.amqpUrl, exchange: config.events.exchange, routingPrefix: config.events.routingPrefix },
        log,
        pollIntervalMs: config.events.pollIntervalMs,
        bus: events,
      });
      relay.start();
    } else {
      log.info('AMQP_URL is not set: events reach subscriptions and stay unpublished in the outbox');
    }
    services.encryptionKeys.reencryptInBackground();

    const schema = applyPermissions(await buildFederatedSchema());
    const app = express();
    const httpServer = createServer(app);
    const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
    const trustedProxies = parseTrustedProxies(config.requests.trustedProxies);
    const wsClientIp = (request: { socket: { remoteAddress?: string }; headers: Record<string, string | string[] | undefined> }) => {
      const forwarded = request.headers['x-forwarded-for'];
      return clientIp(request.socket.remoteAddress, Array.isArray(forwarded) ? forwarded.join(',') : forwarded, trustedProxies);
    };

    const newLoaders = (actor: Actor | null): Loaders => ({
      secretById: new DataLoader(async (ids) => {
        const rows = actor ? await findSecretsByIds(database.db, ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id))) : [];
        const visible = new Map<string, (typeof rows)[number]>();
        for (const row of rows) {
          if (actor && (await services.access.permissionsOn(actor, row)).length) visible.set(row.id, row);
        }
        return ids.map((id) => visible.get(id));
      }),
    });

    const wsCleanup = useServer(
      {
        schema,
        onConnect: async (ctx) => {
          const authorization = (ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization) as string | undefined;
          try {
            const actor = await authenticator.authenticate(authorization);
            if (!actor) {
              auditTrail?.unauthenticated.note(wsClientIp(ctx.extra.request));
              return false;
            }
            (ctx.extra as { actor?: Actor; authorization?: string }).actor = actor;
            (ctx.extra as { authorization?: string }).authorization = authorization;
            return true;
          } catch {
            auditTrail?.unauthenticated.note(wsClientIp(ctx.extra.request));
            return false;
          }
        },
        onSubscribe: (ctx, _id, payload) => {
          // Service accounts run persisted operations only, over WebSocket too.
          const error = resolvePersistedDocument(payload, (ctx.extra as { actor?: Actor }).actor ?? null, persistedDocuments);
          return error ? [error as GraphQLError] : undefined;
        },
        context: (ctx): GraphQLContext => {
          const { actor = null, authorization } = ctx.extra as { actor?: Actor; authorization?: string };
          const reauthenticate = () => authenticator.authenticate(authorization).catch(() => null);
          return { actor, services, loaders: newLoaders(actor), requestId: 'ws', log, reauthenticate };
        },
      },
      wsServer,
    );

    const apollo = new ApolloServer<GraphQLContext & IdentityContext>({
      schema,
      introspection: config.http.introspection,
      includeStacktraceInErrorResponses: false,
      // main.ts owns signal handling (drain HTTP + WebSocket, then close the database).
      stopOnTerminationSignals: false,
      formatError: createFormatError(log),
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer }),
        {
          async serverWillStart() {
            return {
              async drainServer() {
                await wsCleanup.dispose();
              },
            };
          },
        },
        requireIdentityPlugin(),
        auditRequestPlugin({ unauthenticated: auditTrail.unauthenticated }),
        // Inline traces would ship resolver timings and errors to the gateway; this service opts out.
        ApolloServerPluginInlineTraceDisabled(),
        ...(config.isProduction ? [ApolloServerPluginLandingPageDisabled()] : []),
      ],
    });
    await apollo.start();

    const health = healthRoutes({
      async isReady() {
        const migrated = await database.isMigrated();
        return { ok: migrated, details: { database: 'reachable', migrations: migrated ? 'applied' : 'pending' } };
      },
    });
    app.disable('x-powered-by');
    app.use(requestIdMiddleware({ trustedProxies }));
    app.get('/healthz', health.healthz);
    app.get('/readyz', health.readyz);
    app.use(requestLogMiddleware(log));
    app.use(
      '/graphql',
      express.json({ limit: Math.max(1024 * 1024, config.secrets.maxValueBytes * 4) }),
      // Identity first (failures are reported by the identity plugin, so `_service` still answers), then
      // persisted documents, which depend on who is calling.
      async (req, res, next) => {
        try {
          res.locals.actor = await authenticator.authenticate(req.get('authorization'));
          const store = requestContext.getStore();
          if (store && res.locals.actor) store.actorId = res.locals.actor.id;
        } catch (error) {
          res.locals.actor = null;
          res.locals.authError = error;
        }
        next();
      },
      persistedDocumentsMiddleware(persistedDocuments, (actor, reason) => services.access.reportDenial({ actor, reason })),
      expressMiddleware(apollo, {
        context: async ({ req, res }) => {
          const requestId = requestContext.getStore()?.requestId ?? 'unknown';
          const actor: Actor | null = res.locals.actor ?? null;
          return { actor, authError: res.locals.authError as Error | undefined, services, loaders: newLoaders(actor), requestId, log };
        },
      }),
    );
    app.use(jsonErrorHandler(log));

    if (config.lifecycle.jobsEnabled) await jobs.start();
    else log.info('SECRETS_JOBS_ENABLED=false: this replica runs no background jobs');

    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.http.port, config.http.host, () => resolve());
    });
    const { port } = httpServer.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/graphql`;
    log.info({ port, database: database.kind }, 'secrets subgraph listening');

    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        log.info('shutting down: draining HTTP and WebSocket connections');
        const forceClose = setTimeout(() => httpServer.closeAllConnections(), config.http.shutdownTimeoutMs);
        forceClose.unref();
        await apollo.stop();
        clearTimeout(forceClose);
        await services.encryptionKeys.whenIdle();
        await jobs.stop();
        await relay?.stop();
        await events.stop();
        await auditTrail?.stop();
        await database.close();
        log.info('stopped');
        await logShipper?.close(config.http.shutdownTimeoutMs);
      })());

    return { url, port, httpServer, database, services, log, adminTokenPath: bootstrapAdmin?.path, events, relay, jobs, auditTrail, logShipper, stop };
  } catch (error) {
    await jobs.stop().catch(() => undefined);
    await relay?.stop().catch(() => undefined);
    await events.stop().catch(() => undefined);
    await auditTrail?.stop().catch(() => undefined);
    await database.close().catch(() => undefined);
    await logShipper?.close(1000);
    throw error;
  }
}

async function openKeyManager(config: Config, database: DatabaseHandle, clock: Clock, log: Logger) {
  let kek;
  if (config.crypto.masterKey) {
    kek = parseMasterKey(config.crypto.masterKey);
  } else {
    const dev = loadOrCreateDevMasterKey(config.database.dataDir);
    kek = dev.kek;
    log.warn(
      { path: dev.path, created: dev.created },
      'SECRETS_MASTER_KEY is not set: using a development master key stored next to the data. Never do this in production.',
    );
  }
  const previousKeks = config.crypto.previousMasterKeys.map((k) => parseMasterKey(k));
  const keys = createKeyManager({ db: database.db, kek, previousKeks, clock, logger: log });
  const { rewrapped } = await keys.init();
  if (rewrapped) log.info({ rewrapped }, 'rewrapped data keys with the current master key');
  return { keys, kek };
}

/**
 * The Logging Service shipper (LOGGING_ENABLED). Its own delivery problems go to the local destination only,
 * so a dead Logging Service cannot feed itself an ever-growing stream of complaints.
 */
function startLogShipper(config: Config, options: StartOptions): LogShipper | undefined {
  if (!config.logging.enabled || !config.logging.serviceUrl) return undefined;
  const local = createLogger({ level: config.log.level, destination: options.logDestination, name: 'log-shipper' });
  return createLogShipper({
    url: config.logging.serviceUrl,
    service: 'secret-management',
    batchSize: config.logging.batchSize,
    bufferSize: config.logging.bufferSize,
    flushIntervalMs: config.logging.flushIntervalMs,
    timeoutMs: config.logging.timeoutMs,
    retryMaxMs: config.logging.retryMaxMs,
    onStatus: (status) => {
      if (status.kind === 'failing') local.warn({ error: status.error }, 'Logging Service unreachable; buffering log lines and retrying');
      else if (status.kind === 'recovered') local.warn({ droppedMeanwhile: status.droppedMeanwhile, failedAttempts: status.failedAttempts }, 'Logging Service reachable again');
      else local.error({ status: status.status, lines: status.lines }, 'Logging Service rejected a batch of log lines');
    },
  });
}
