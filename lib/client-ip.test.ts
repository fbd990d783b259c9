import { describe, expect, test } from 'vitest';
import { clientIp, parseTrustedProxies } from './client-ip.js';

describe('client IP', () => {
  const trusted = parseTrustedProxies(['10.0.0.0/8', '::1']);

  test('without a trusted proxy the socket address wins, whatever X-Forwarded-For says', () => {
    expect(clientIp('203.0.113.9', '1.2.3.4', trusted)).toBe('203.0.113.9');
    expect(clientIp('::ffff:203.0.113.9', undefined, trusted)).toBe('203.0.113.9');
  });

  test('from a trusted proxy, the right-most untrusted hop of X-Forwarded-For is the client', () => {
    expect(clientIp('10.1.2.3', '198.51.100.7', trusted)).toBe('198.51.100.7');
    // The client forged a left-most entry; our proxies appended the real one.
    expect(clientIp('::1', '6.6.6.6, 198.51.100.7, 10.9.9.9', trusted)).toBe('198.51.100.7');
  });

  test('a malformed hop stops the walk at the proxy', () => {
    expect(clientIp('10.1.2.3', 'not-an-ip', trusted)).toBe('10.1.2.3');
  });

  test('nothing is trusted by default, and bad entries are refused', () => {
    expect(clientIp('127.0.0.1', '1.2.3.4', parseTrustedProxies([]))).toBe('127.0.0.1');
    expect(() => parseTrustedProxies(['10.0.0.0/33'])).toThrow();
    expect(() => parseTrustedProxies(['proxy.internal'])).toThrow();
  });
});
