import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('lifecycle configuration', () => {
  test('defaults: jobs on, 20 versions, no rotation webhook allowed', () => {
    expect(loadConfig({}).lifecycle).toEqual({
      jobsEnabled: true,
      maxVersions: 20,
      rotationWebhook: { allowlist: [], timeoutMs: 10_000, retries: 2 },
    });
  });

  test('the webhook allowlist is a comma-separated list of http(s) URL prefixes', () => {
    const config = loadConfig({
      SECRETS_ROTATION_WEBHOOK_ALLOWLIST: ' https://rotator.internal/hooks/ , https://*.example.com/rotate,',
      SECRETS_JOBS_ENABLED: 'false',
      SECRETS_MAX_VERSIONS: '5',
    });
    expect(config.lifecycle.rotationWebhook.allowlist).toEqual(['https://rotator.internal/hooks/', 'https://*.example.com/rotate']);
    expect(config.lifecycle.jobsEnabled).toBe(false);
    expect(config.lifecycle.maxVersions).toBe(5);
  });

  test('bad entries and values are reported together', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ SECRETS_ROTATION_WEBHOOK_ALLOWLIST: 'file:///etc,https://u:p@host/', SECRETS_MAX_VERSIONS: '0', SECRETS_ROTATION_WEBHOOK_TIMEOUT_MS: '5' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error?.problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'SECRETS_MAX_VERSIONS',
      'SECRETS_ROTATION_WEBHOOK_ALLOWLIST.0',
      'SECRETS_ROTATION_WEBHOOK_ALLOWLIST.1',
      'SECRETS_ROTATION_WEBHOOK_TIMEOUT_MS',
    ]);
  });
});
