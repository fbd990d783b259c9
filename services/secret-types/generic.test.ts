// GENERIC and JSON_CREDENTIAL values.
import { describe, expect, test } from 'vitest';
import { validateSecretValue } from './index.js';
import { LIMIT, issuesOf } from './test-support.js';

describe('GENERIC', () => {
  test('is one string, which may be empty', () => {
    expect(issuesOf('GENERIC', { value: '' })).toEqual([]);
    expect(issuesOf('GENERIC', { value: 1 })).toEqual([{ path: 'value', message: 'must be a string' }]);
    expect(issuesOf('GENERIC', {})).toEqual([{ path: 'value', message: 'is required' }]);
  });
});

describe('JSON_CREDENTIAL', () => {
  test('accepts any JSON object, any keys, and stores it as is', () => {
    const credential = { type: 'service_account', private_key_id: 'fake', scopes: ['a'], nested: { n: 1.5, ok: false, none: null } };
    expect(validateSecretValue('JSON_CREDENTIAL', credential, { maxBytes: LIMIT })).toEqual(credential);
  });

  test('stores the JSON form: what JSON cannot hold does not survive', () => {
    const stored = validateSecretValue('JSON_CREDENTIAL', { at: new Date(0), gone: undefined }, { maxBytes: LIMIT });
    expect(stored).toStrictEqual({ at: '1970-01-01T00:00:00.000Z' });
  });

  test('keeps a __proto__ key as data', () => {
    const stored = validateSecretValue('JSON_CREDENTIAL', JSON.parse('{"__proto__":{"polluted":true}}'), { maxBytes: LIMIT });
    expect(Object.keys(stored)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
