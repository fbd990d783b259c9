// validateSecretValue across all types: a valid value of each, the JSON-object and size rules, unknown fields,
// and the promise that no issue ever quotes the value.
import { describe, expect } from 'vitest';
import { InvalidSecretValueError } from '../../lib/errors.js';
import { SECRET_TYPES, validateSecretValue, type SecretType } from './index.js';
import { LIMIT, handBuiltOpenSshEd25519, issuesOf, test } from './test-support.js';

const sshKey = handBuiltOpenSshEd25519();

function validValues(certificate: string): Record<SecretType, Record<string, unknown>> {
  return {
    API_KEY: { key: 'fake-api-key-0000', keyId: 'key-1', endpoint: 'https://api.example.test/v1' },
    OAUTH2_TOKEN: { clientId: 'fake-client', clientSecret: 'fake-client-secret', scopes: ['read'] },
    USERNAME_PASSWORD: { username: 'svc-user', password: 'fake-password', url: 'https://db.example.test' },
    CERTIFICATE: { certificate },
    SSH_KEY: { privateKey: sshKey.privateKey, publicKey: sshKey.publicKey },
    CONNECTION_STRING: { connectionString: 'postgres://svc:fake@db.example.test:5432/app' },
    JSON_CREDENTIAL: { type: 'service_account', project_id: 'example', nested: { list: [1, true, null] } },
    ENV_VARIABLE_SET: { variables: { DATABASE_URL: 'postgres://db.example.test/app', _DEBUG: '1' } },
    GENERIC: { value: 'anything at all' },
  };
}

describe('validateSecretValue', () => {
  test('accepts a valid value of every type and returns it as plain JSON', ({ selfSigned }) => {
    const values = validValues(selfSigned.certificate);
    for (const type of SECRET_TYPES) {
      const stored = validateSecretValue(type, values[type], { maxBytes: LIMIT });
      expect(stored, type).toEqual(values[type]);
      expect(JSON.parse(JSON.stringify(stored)), type).toEqual(stored);
    }
  });

  test('refuses anything but a JSON object at the root, for every type', () => {
    for (const type of SECRET_TYPES) {
      for (const value of [null, undefined, 'text', 42, ['array'], new Date(0), new Map()]) {
        expect(issuesOf(type, value), `${type} ${String(value)}`).toEqual([{ path: '', message: 'must be a JSON object' }]);
      }
    }
  });

  test('refuses a value over the byte limit, naming its size and the limit', () => {
    const value = { value: 'x'.repeat(70_000 - '{"value":""}'.length) };
    expect(issuesOf('GENERIC', value)).toEqual([{ path: '', message: 'value is 70000 bytes; the limit is 65536' }]);
  });

  test('measures size in UTF-8 bytes, not characters', () => {
    const value = { value: 'é'.repeat(40) }; // 80 bytes of content, 40 characters
    expect(issuesOf('GENERIC', value, 60)).toEqual([{ path: '', message: 'value is 92 bytes; the limit is 60' }]);
    expect(issuesOf('GENERIC', value, 92)).toEqual([]);
  });

  test('checks size before anything else, so an oversized value is never parsed', () => {
    const value = { certificate: 'not a certificate'.repeat(10_000), surplus: true };
    expect(issuesOf('CERTIFICATE', value)).toEqual([{ path: '', message: expect.stringMatching(/^value is \d+ bytes; the limit is 65536$/) }]);
  });

  test('refuses values JSON cannot represent', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(issuesOf('JSON_CREDENTIAL', cyclic)).toEqual([{ path: '', message: 'must be JSON data (no cycles or BigInts)' }]);
    expect(issuesOf('JSON_CREDENTIAL', { big: 1n })).toEqual([{ path: '', message: 'must be JSON data (no cycles or BigInts)' }]);
  });

  test('reports each unknown field of a fixed shape as its own issue', () => {
    expect(issuesOf('GENERIC', { value: 'v', note: 'n', extra: 1 })).toEqual([
      { path: 'note', message: 'is not a field of this secret type' },
      { path: 'extra', message: 'is not a field of this secret type' },
    ]);
  });

  test('throws InvalidSecretValueError with code INVALID_SECRET_VALUE and every issue in extensions', () => {
    const error = (() => {
      try {
        validateSecretValue('USERNAME_PASSWORD', { username: '', url: 'nope' }, { maxBytes: LIMIT });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidSecretValueError);
    expect((error as InvalidSecretValueError).extensions).toMatchObject({
      code: 'INVALID_SECRET_VALUE',
      issues: [
        { path: 'username', message: 'must not be empty' },
        { path: 'password', message: 'is required' },
        { path: 'url', message: 'must be a valid URL' },
      ],
    });
  });
});

describe('issue messages never quote the value', () => {
  const MARK = 'ZQXCANARY';
  const badValues: [SecretType, Record<string, unknown>][] = [
    ['API_KEY', { key: '', keyId: 7, endpoint: `ftp://${MARK}.example.test`, note: `${MARK}-note` }],
    ['API_KEY', { key: `${MARK}-key`, endpoint: `not a url ${MARK}` }],
    ['OAUTH2_TOKEN', { tokenUrl: `${MARK} nope`, expiresAt: `${MARK}-tomorrow`, scopes: [`${MARK}-scope`, 5] }],
    ['USERNAME_PASSWORD', { username: `${MARK}-user`, password: 12, url: `${MARK}:/\\` }],
    [
      'CERTIFICATE',
      {
        certificate: `-----BEGIN CERTIFICATE-----\n${MARK}AAAA\n-----END CERTIFICATE-----`,
        privateKey: `-----BEGIN PRIVATE KEY-----\n${MARK}AAAA\n-----END PRIVATE KEY-----`,
        chain: [`${MARK}-chain`],
      },
    ],
    [
      'SSH_KEY',
      {
        privateKey: `-----BEGIN OPENSSH PRIVATE KEY-----\n${MARK}AAAA\n-----END OPENSSH PRIVATE KEY-----`,
        publicKey: `ssh-${MARK} AAAA ${MARK}`,
      },
    ],
    [
      'SSH_KEY',
      {
        privateKey: `-----BEGIN ENCRYPTED PRIVATE KEY-----\n${MARK}AAAA\n-----END ENCRYPTED PRIVATE KEY-----`,
        passphrase: `${MARK}-passphrase`,
        publicKey: `ssh-ed25519 ${MARK}`,
      },
    ],
    ['CONNECTION_STRING', { connectionString: `${MARK}-connection` }],
    ['CONNECTION_STRING', { connectionString: `Server=${MARK};=${MARK}` }],
    ['ENV_VARIABLE_SET', { variables: { OK: `${MARK}-fine`, '9BAD': `${MARK}-value`, WORSE: 3 } }],
    ['GENERIC', { value: [`${MARK}-array`] }],
  ];

  test.each(badValues)('%s', (type, value) => {
    let error: unknown;
    try {
      validateSecretValue(type, value, { maxBytes: LIMIT });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidSecretValueError);
    const { issues, message } = error as InvalidSecretValueError;
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(issue.message).not.toContain(MARK);
    expect(message).not.toContain(MARK);
  });
});
