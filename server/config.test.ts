import { describe, expect, test } from 'vitest';
import { ConfigError, CONFIG_VARIABLES, ENV_SCHEMA, loadConfig } from './config.js';

describe('configuration', () => {
  test('defaults give the embedded development setup', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      http: { port: 4000, introspection: true },
      database: { url: undefined, poolMax: 10 },
      secrets: { recoveryDays: 30, maxValueBytes: 65536, allowExpiredRead: false },
    });
    expect(config.database.dataDir).toMatch(/\/data$/);
    expect(Object.isFrozen(config.secrets)).toBe(true);
  });

  test('every problem is reported at once, without echoing key values', () => {
    const secretLooking = 'short-admin-token';
    let error: ConfigError | undefined;
    try {
      loadConfig({ PORT: 'eighty', SECRETS_RECOVERY_DAYS: '-1', SECRETS_ADMIN_TOKEN: secretLooking, LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems.map((p) => p.split(':')[0]).sort()).toEqual(['LOG_LEVEL', 'PORT', 'SECRETS_ADMIN_TOKEN', 'SECRETS_RECOVERY_DAYS']);
    expect(error!.message).not.toContain(secretLooking);
  });

  test('production requires a master key and turns introspection off by default', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SECRETS_MASTER_KEY: required/);
    const config = loadConfig({ NODE_ENV: 'production', SECRETS_MASTER_KEY: Buffer.alloc(32, 1).toString('base64') });
    expect(config.http.introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SECRETS_MASTER_KEY: 'x', GRAPHQL_INTROSPECTION: 'true' }).http.introspection).toBe(true);
  });

  test('previous master keys are a comma-separated list', () => {
    expect(loadConfig({ SECRETS_PREVIOUS_MASTER_KEYS: ' a, b ,,c' }).crypto.previousMasterKeys).toEqual(['a', 'b', 'c']);
  });

  test('the documented variables are exactly the parsed ones', () => {
    const names = CONFIG_VARIABLES.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(Object.keys(ENV_SCHEMA.shape).sort());
  });
});
