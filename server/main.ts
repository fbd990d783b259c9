// Process entry point: parse configuration, start the server, stop gracefully on SIGTERM/SIGINT.
import { ConfigError, loadConfig } from './config.js';
import { startServer } from './app.js';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const server = await startServer(config);
  if (server.adminTokenPath) {
    server.log.warn(`Bootstrap admin token: ${server.adminTokenPath} (send it as "Authorization: Bearer <token>")`);
  }
  server.log.info(`GraphQL endpoint: http://localhost:${server.port}/graphql`);
  let shuttingDown = false;
  const shutdown = (signal: string) => {
    // A signal can arrive more than once (process managers, re-raising runtimes); one shutdown is enough,
    // and a watchdog forces the exit if draining hangs.
    if (shuttingDown) return;
    shuttingDown = true;
    server.log.info({ signal }, 'signal received');
    setTimeout(() => {
      server.log.error('shutdown did not finish in time; exiting');
      process.exit(1);
    }, config.http.shutdownTimeoutMs + 5_000).unref();
    server.stop().then(
      () => process.exit(0),
      (error) => {
        server.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error) => {
  console.error('failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
