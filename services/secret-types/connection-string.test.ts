// CONNECTION_STRING values: URIs and key=value lists.
import { describe, expect, test } from 'vitest';
import { issuesOf } from './test-support.js';

const valid = (connectionString: string) => issuesOf('CONNECTION_STRING', { connectionString });

describe('CONNECTION_STRING', () => {
  test.each([
    'postgres://svc:fake@db.example.test:5432/app',
    'mongodb+srv://svc:fake@cluster0.example.test/app?retryWrites=true',
    'redis://:fake@cache.example.test:6379/0',
    'amqp://guest:guest@mq.example.test:5672/vhost',
    'sqlite:/var/lib/app/data.db',
    'jdbc:sqlserver://sql.example.test:1433;databaseName=app',
  ])('accepts the URI %s', (uri) => {
    expect(valid(uri)).toEqual([]);
  });

  test.each([
    'Server=tcp:sql.example.test,1433;Database=app;User Id=svc;Password=fake;',
    'host=db.example.test port=5432;',
    'Driver={ODBC Driver 18};Pwd={fa;ke}};x};',
    "Password='it''s;fake';Server=x",
    'Data Source=app.db',
  ])('accepts the key=value list %s', (list) => {
    expect(valid(list)).toEqual([]);
  });

  test.each([
    ['', 'must be a URI with a scheme (scheme://host/...) or key=value; pairs'],
    ['db.example.test:5432/app', 'must be a URI with a scheme (scheme://host/...) or key=value; pairs'],
    ['localhost:5432', 'must be a URI with a scheme (scheme://host/...) or key=value; pairs'],
    ['postgres://', 'must be a URI with a scheme (scheme://host/...) or key=value; pairs'],
    ['Server=x;Database', 'must be key=value pairs separated by ";", each with a non-empty key'],
    ['Server=x;=value', 'must be key=value pairs separated by ";", each with a non-empty key'],
    ['Password="unterminated;Server=x', 'must be key=value pairs separated by ";", each with a non-empty key'],
  ])('refuses %j', (text, message) => {
    expect(valid(text)).toEqual([{ path: 'connectionString', message }]);
  });

  test('requires the connectionString field and nothing else', () => {
    expect(issuesOf('CONNECTION_STRING', { url: 'postgres://db.example.test/app' })).toEqual([
      { path: 'connectionString', message: 'is required' },
      { path: 'url', message: 'is not a field of this secret type' },
    ]);
  });
});
