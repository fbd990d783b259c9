import { describe, expect, test } from 'vitest';
import { createWebhookAllowlist } from './webhook-allowlist.js';

describe('rotation webhook allowlist', () => {
  test('empty allows nothing', () => {
    expect(createWebhookAllowlist([]).allows('https://rotator.example.com/hook')).toBe(false);
  });

  test('scheme, host and port must match and the path must start at a segment boundary', () => {
    const list = createWebhookAllowlist(['https://rotator.example.com/hooks/', 'http://127.0.0.1:8080/rotate']);
    expect(list.allows('https://rotator.example.com/hooks/db')).toBe(true);
    expect(list.allows('http://127.0.0.1:8080/rotate')).toBe(true);
    expect(list.allows('http://127.0.0.1:8080/rotate/x?y=1')).toBe(true);
    expect(list.allows('http://rotator.example.com/hooks/db')).toBe(false);
    expect(list.allows('https://rotator.example.com:8443/hooks/db')).toBe(false);
    expect(list.allows('https://rotator.example.com/hooksx')).toBe(false);
    expect(list.allows('http://127.0.0.1:8080/rotatex')).toBe(false);
    expect(list.allows('http://127.0.0.1:9090/rotate')).toBe(false);
  });

  test('string-prefix tricks do not pass', () => {
    const list = createWebhookAllowlist(['https://hooks.example.com']);
    expect(list.allows('https://hooks.example.com/a')).toBe(true);
    expect(list.allows('https://hooks.example.com.evil.net/a')).toBe(false);
    expect(list.allows('https://hooks.example.com@evil.net/a')).toBe(false);
    expect(list.allows('https://user:pw@hooks.example.com/a')).toBe(false);
    expect(createWebhookAllowlist(['https://x.example.com/hooks/']).allows('https://x.example.com/hooks/../admin')).toBe(false);
    expect(list.allows('not a url')).toBe(false);
  });

  test('a *. host matches subdomains only', () => {
    const list = createWebhookAllowlist(['https://*.rotators.example.com/']);
    expect(list.allows('https://eu.rotators.example.com/x')).toBe(true);
    expect(list.allows('https://rotators.example.com/x')).toBe(false);
    expect(list.allows('https://evilrotators.example.com/x')).toBe(false);
  });

  test('bad entries are refused at start-up', () => {
    expect(() => createWebhookAllowlist(['ftp://x'])).toThrow(/allowlist entry/);
    expect(() => createWebhookAllowlist(['https://u:p@x/'])).toThrow(/allowlist entry/);
  });
});
