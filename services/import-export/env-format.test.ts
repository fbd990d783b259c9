// dotenv rendering: key derivation, quoting that reads back exactly, per-type variables, and duplicate keys.
import { describe, expect, test } from 'vitest';
import { envKeyOf, envVariablesOf, quoteEnvValue, renderEnv } from './env-format.js';

/** Reads back one double-quoted value the way python-dotenv / godotenv do. */
const unquote = (quoted: string) => {
  expect(quoted.startsWith('"') && quoted.endsWith('"')).toBe(true);
  return quoted.slice(1, -1).replace(/\\(.)/g, (_, c: string) => ({ n: '\n', r: '\r' })[c] ?? c);
};

describe('envKeyOf', () => {
  test.each([
    ['stripe-key', 'STRIPE_KEY'],
    ['db.prod/url', 'DB_PROD_URL'],
    ['2fa-seed', '_2FA_SEED'],
    ['_already_OK', '_ALREADY_OK'],
  ])('%s -> %s', (name, key) => expect(envKeyOf(name)).toBe(key));
});

describe('quoteEnvValue', () => {
  test.each(['plain', 'multi\nline\r\nvalue', 'say "hi"', 'back\\slash\\n literal', 'a=b#c $HOME', ''])('round-trips %j', (value) => {
    const quoted = quoteEnvValue(value);
    expect(quoted).not.toMatch(/[\n\r]/);
    expect(unquote(quoted)).toBe(value);
  });
});

describe('envVariablesOf', () => {
  test('each type contributes its documented variables', () => {
    expect(envVariablesOf('api', 'API_KEY', { key: 'k1', keyId: 'x' })).toEqual([{ key: 'API', value: 'k1' }]);
    expect(envVariablesOf('g', 'GENERIC', { value: 'v' })).toEqual([{ key: 'G', value: 'v' }]);
    expect(envVariablesOf('db-url', 'CONNECTION_STRING', { connectionString: 'postgres://u:p@h/d' })).toEqual([{ key: 'DB_URL', value: 'postgres://u:p@h/d' }]);
    expect(envVariablesOf('login', 'USERNAME_PASSWORD', { username: 'u', password: 'p' })).toEqual([
      { key: 'LOGIN_USERNAME', value: 'u' },
      { key: 'LOGIN_PASSWORD', value: 'p' },
    ]);
    expect(envVariablesOf('set', 'ENV_VARIABLE_SET', { variables: { Api_Token: 't', DEBUG: 'false' } })).toEqual([
      { key: 'Api_Token', value: 't' },
      { key: 'DEBUG', value: 'false' },
    ]);
    expect(envVariablesOf('cred', 'JSON_CREDENTIAL', { a: 1 })).toEqual([{ key: 'CRED', value: '{"a":1}' }]);
  });

  test('without values: empty values, and no variables for an ENV_VARIABLE_SET', () => {
    expect(envVariablesOf('login', 'USERNAME_PASSWORD', null)).toEqual([
      { key: 'LOGIN_USERNAME', value: '' },
      { key: 'LOGIN_PASSWORD', value: '' },
    ]);
    expect(envVariablesOf('set', 'ENV_VARIABLE_SET', null)).toEqual([]);
  });
});

describe('renderEnv', () => {
  const entry = (secretId: string, name: string, type: string, data: Record<string, unknown> | null) => ({ secretId, name, type, data, comment: `${name}\nINJECTED=1` });

  test('values are quoted, metadata-only lines are KEY=, comments cannot break lines', () => {
    const withValues = renderEnv([entry('a', 'one', 'GENERIC', { value: 'x"y' })], ['head']);
    expect(withValues).toBe('# head\n# one INJECTED=1\nONE="x\\"y"\n');
    expect(renderEnv([entry('a', 'one', 'GENERIC', null)], [])).toBe('# one INJECTED=1\nONE=\n');
  });

  test('two secrets producing the same variable fail with VALIDATION_ERROR naming both', () => {
    const clash = () => renderEnv([entry('id-1', 'db-url', 'GENERIC', { value: '1' }), entry('id-2', 'db_url', 'GENERIC', { value: '2' })], []);
    expect(clash).toThrowError(/DB_URL comes from both secret id-1 \(db-url\) and secret id-2 \(db_url\)/);
    try {
      clash();
    } catch (error) {
      expect((error as { extensions: { code: string } }).extensions.code).toBe('VALIDATION_ERROR');
    }
    // A USERNAME_PASSWORD's derived variable against another secret's key.
    expect(() => renderEnv([entry('id-1', 'login', 'USERNAME_PASSWORD', null), entry('id-3', 'login-password', 'GENERIC', null)], [])).toThrowError(/LOGIN_PASSWORD/);
  });
});
