// OAUTH2_TOKEN values.
import { describe, expect, test } from 'vitest';
import { issuesOf } from './test-support.js';

const NO_CREDENTIAL = { path: '', message: 'must contain clientId and clientSecret, an accessToken, or a refreshToken' };

describe('OAUTH2_TOKEN', () => {
  test('accepts client credentials, an access token, or a refresh token', () => {
    expect(issuesOf('OAUTH2_TOKEN', { clientId: 'fake-client', clientSecret: 'fake-secret' })).toEqual([]);
    expect(issuesOf('OAUTH2_TOKEN', { accessToken: 'fake-access', expiresAt: '2030-01-31T12:00:00+01:00' })).toEqual([]);
    expect(issuesOf('OAUTH2_TOKEN', { refreshToken: 'fake-refresh', tokenUrl: 'https://login.example.test/token', scopes: [] })).toEqual([]);
  });

  test('needs a way to obtain access: a client id without its secret is not one', () => {
    expect(issuesOf('OAUTH2_TOKEN', {})).toEqual([NO_CREDENTIAL]);
    expect(issuesOf('OAUTH2_TOKEN', { clientId: 'fake-client', scopes: ['read'] })).toEqual([NO_CREDENTIAL]);
    expect(issuesOf('OAUTH2_TOKEN', { accessToken: '' })).toEqual([NO_CREDENTIAL]);
  });

  test('reports the missing credential together with bad fields', () => {
    const value = { tokenUrl: 'token endpoint', scopes: ['read', 5], expiresAt: '2030-01-31T12:00:00', refresh: 'x' };
    expect(issuesOf('OAUTH2_TOKEN', value)).toEqual([
      NO_CREDENTIAL,
      { path: 'tokenUrl', message: 'must be a valid URL' },
      { path: 'scopes.1', message: 'must be a string' },
      { path: 'expiresAt', message: 'must be an ISO 8601 date-time with a time zone, e.g. 2030-01-31T12:00:00Z' },
      { path: 'refresh', message: 'is not a field of this secret type' },
    ]);
  });
});
