// USERNAME_PASSWORD values.
import { describe, expect, test } from 'vitest';
import { issuesOf } from './test-support.js';

describe('USERNAME_PASSWORD', () => {
  test('accepts a login, with or without a URL of any scheme', () => {
    expect(issuesOf('USERNAME_PASSWORD', { username: 'svc', password: 'fake-password' })).toEqual([]);
    expect(issuesOf('USERNAME_PASSWORD', { username: 'svc', password: 'fake', url: 'ldaps://ldap.example.test' })).toEqual([]);
  });

  test('reports every missing or empty part', () => {
    expect(issuesOf('USERNAME_PASSWORD', {})).toEqual([
      { path: 'username', message: 'is required' },
      { path: 'password', message: 'is required' },
    ]);
    expect(issuesOf('USERNAME_PASSWORD', { username: '', password: '', url: '/relative' })).toEqual([
      { path: 'username', message: 'must not be empty' },
      { path: 'password', message: 'must not be empty' },
      { path: 'url', message: 'must be a valid URL' },
    ]);
  });
});
