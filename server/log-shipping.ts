// Builds the shipper that sends log lines to the platform Logging Service when LOGGING_ENABLED=true.
import type { DestinationStream } from 'pino';
import { createLogShipper, type LogShipper } from '../lib/log-shipper.js';
import { createLogger } from '../lib/logger.js';
import type { Config } from './config.js';

/**
 * The Logging Service shipper (LOGGING_ENABLED). Its own delivery problems go to the local destination only,
 * so a dead Logging Service cannot feed itself an ever-growing stream of complaints.
 */
export function startLogShipper(config: Config, options: { logDestination?: DestinationStream }): LogShipper | undefined {
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
