import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('audit and logging configuration', () => {
  test('defaults: no trusted proxy, HMAC key derived, sealing every 250 ms, 10 grants, no log shipping', () => {
    const config = loadConfig({});
    expect(config.requests).toEqual({ trustedProxies: [] });
    expect(config.audit).toEqual({ hmacKey: undefined, sealIntervalMs: 250, maxGrantsPerSecret: 10 });
    expect(config.logging).toMatchObject({ enabled: false, serviceUrl: undefined, batchSize: 200, bufferSize: 10_000 });
  });

  test('trusted proxies are addresses or CIDRs; Logging Service settings are parsed', () => {
    const config = loadConfig({
      TRUSTED_PROXIES: ' 10.0.0.0/8, ::1 ,',
      LOGGING_ENABLED: 'true',
      LOGGING_SERVICE_URL: 'http://logging.internal:8080/api/logs',
      LOGGING_BUFFER_SIZE: '500',
      SECRETS_MAX_GRANTS_PER_SECRET: '3',
    });
    expect(config.requests.trustedProxies).toEqual(['10.0.0.0/8', '::1']);
    expect(config.logging).toMatchObject({ enabled: true, serviceUrl: 'http://logging.internal:8080/api/logs', bufferSize: 500 });
    expect(config.audit.maxGrantsPerSecret).toBe(3);
  });

  test('mistakes are reported by variable name', () => {
    expect(problemsOf({ TRUSTED_PROXIES: 'proxy.internal' })).toEqual([expect.stringMatching(/^TRUSTED_PROXIES/)]);
    expect(problemsOf({ LOGGING_ENABLED: 'true' })).toEqual(['LOGGING_SERVICE_URL: required when LOGGING_ENABLED=true']);
    expect(problemsOf({ SECRETS_AUDIT_HMAC_KEY: 'short' })).toEqual([expect.stringMatching(/^SECRETS_AUDIT_HMAC_KEY: must be at least 32/)]);
    expect(problemsOf({ LOGGING_SERVICE_URL: 'ftp://x/' })).toEqual([expect.stringMatching(/^LOGGING_SERVICE_URL/)]);
  });
});
