// The one logger: values, tokens and credentials are redacted wherever they appear in a logged object, every
// line inside a request carries its ids, and a second destination (the Logging Service shipper) gets the
// same redacted lines.
import { Writable } from 'node:stream';
import { expect, test } from 'vitest';
import { createLogger } from './logger.js';
import { requestContext } from './request-context.js';

function sink() {
  const lines: Record<string, any>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      callback();
    },
  });
  return { lines, stream };
}

test('secret-bearing fields are redacted at any of the covered depths, and nothing else is', () => {
  const out = sink();
  const log = createLogger({ level: 'info', destination: out.stream });
  log.info(
    {
      value: { key: 'sk_live_1' },
      password: 'hunter2',
      input: { value: 'v', clientSecret: 'cs', connectionString: 'postgres://u:p@h/db', privateKey: 'pk', secretName: 'kept' },
      headers: { authorization: 'Bearer abc', cookie: 'sid=1', 'user-agent': 'ua' },
      variables: { input: { value: 'x' } },
      token: 't',
      secret: 's',
      masterKey: 'mk',
    },
    'redaction',
  );
  const [line] = out.lines;
  expect(line).toMatchObject({
    value: '[REDACTED]',
    password: '[REDACTED]',
    input: { value: '[REDACTED]', clientSecret: '[REDACTED]', connectionString: '[REDACTED]', privateKey: '[REDACTED]', secretName: 'kept' },
    headers: { authorization: '[REDACTED]', cookie: '[REDACTED]', 'user-agent': 'ua' },
    token: '[REDACTED]',
    secret: '[REDACTED]',
    masterKey: '[REDACTED]',
    service: 'secret-management',
  });
  expect(JSON.stringify(line)).not.toMatch(/sk_live_1|hunter2|"cs"|u:p@h|Bearer abc|sid=1/);
});

test('lines inside a request carry the request, actor and organization ids; the second destination gets the same lines', () => {
  const local = sink();
  const shipped = sink();
  const log = createLogger({ level: 'debug', destination: local.stream, alsoTo: shipped.stream });
  requestContext.run({ requestId: 'req-1', actorId: 'user-1', organizationId: 'org-1' }, () => {
    log.debug({ password: 'hunter2' }, 'inside');
  });
  log.info('outside');
  expect(local.lines.map((l) => [l.msg, l.requestId, l.actorId, l.organizationId, l.password])).toEqual([
    ['inside', 'req-1', 'user-1', 'org-1', '[REDACTED]'],
    ['outside', undefined, undefined, undefined, undefined],
  ]);
  expect(shipped.lines).toEqual(local.lines);
});
