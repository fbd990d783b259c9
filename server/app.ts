// Composition root: configuration -> database -> keys -> services -> schema -> HTTP + WebSocket server.
// main.ts runs it for the process; tests start it in-process with their own config, clock and log sink.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { DestinationStream, Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { createEventBus, type EventBus } from '../events/bus.js';
import { createOutboxRecorder } from '../events/outbox-recorder.js';
import { createOutboxRelay, type OutboxRelay } from '../events/relay.js';
import type { Actor } from '../identity/actor.js';
import { applyPermissions } from '../rules/index.js';
import { loadPersistedDocuments, persistedDocumentsMiddleware } from './persisted-documents.js';
import { systemClock, type Clock } from '../lib/clock.js';
import { createLogger } from '../lib/logger.js';
import { clientIp, parseTrustedProxies } from '../lib/client-ip.js';
import { createAuditTrail, type AuditTrail } from '../services/audit/index.js';
import { auditHmacKey } from '../services/audit/sanitize.js';
import { auditRequestPlugin } from './audit-plugin.js';
import { requestContext } from '../lib/request-context.js';
import { openDatabase, type DatabaseHandle } from '../models/db.js';
import type { GraphQLContext } from '../resolvers/context.js';
import { buildFederatedSchema } from '../schema/build.js';
import type { Config } from './config.js';
import { createFormatError } from './format-error.js';
import { healthRoutes, jsonErrorHandler, requestIdMiddleware, requestLogMiddleware } from './http.js';
import { requireIdentityPlugin, type IdentityContext } from './identity-plugin.js';
import { authenticateRequests, createRequestAuthenticator } from './identity.js';
import { openKeyManager } from './keys.js';
import { createLoaders } from './loaders.js';
import { startLogShipper } from './log-shipping.js';
import { createServices, type Services } from './services.js';
import { serveWebSocket } from './websocket.js';
import type { LogShipper } from '../lib/log-shipper.js';
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
    // Service-account lookups need the services, which are created next; the authenticator asks lazily.
    let serviceAccounts: Services['serviceAccounts'] | undefined;
    const { authenticator, bootstrapAdmin } = createRequestAuthenticator(config, clock, log, (token) =>
      serviceAccounts?.authenticate(token) ?? Promise.resolve(null),
    );
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

    const newLoaders = (actor: Actor | null) => createLoaders(database.db, services.access, actor);

    const wsCleanup = serveWebSocket({
      wsServer,
      schema,
      authenticator,
      persistedDocuments,
      context: (actor) => ({ actor, services, loaders: newLoaders(actor), requestId: 'ws', log }),
      onUnauthenticated: (request) => auditTrail?.unauthenticated.note(wsClientIp(request)),
      log,
    });

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
      authenticateRequests(authenticator),
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
