// API_KEY values.
import { describe, expect, test } from 'vitest';
import { issuesOf } from './test-support.js';

describe('API_KEY', () => {
  test('accepts a key alone, or with its id and an http(s) endpoint', () => {
    expect(issuesOf('API_KEY', { key: 'fake-key' })).toEqual([]);
    expect(issuesOf('API_KEY', { key: 'fake-key', keyId: 'k-1', endpoint: 'http://localhost:8080/api' })).toEqual([]);
  });

  test('requires a non-empty key', () => {
    expect(issuesOf('API_KEY', {})).toEqual([{ path: 'key', message: 'is required' }]);
    expect(issuesOf('API_KEY', { key: '' })).toEqual([{ path: 'key', message: 'must not be empty' }]);
  });

  test('reports a wrong-typed id, a non-http endpoint and an unknown field together', () => {
    expect(issuesOf('API_KEY', { key: 'fake-key', keyId: 7, endpoint: 'ftp://files.example.test', secret: 'x' })).toEqual([
      { path: 'keyId', message: 'must be a string' },
      { path: 'endpoint', message: 'must be a URL with scheme http or https' },
      { path: 'secret', message: 'is not a field of this secret type' },
    ]);
    expect(issuesOf('API_KEY', { key: 'fake-key', endpoint: 'api.example.test' })).toEqual([
      { path: 'endpoint', message: 'must be a valid URL' },
    ]);
  });
});
