import { describe, expect, test } from 'vitest';
import { RotationError } from '../../lib/errors.js';
import { validateSecretValue } from '../secret-types/index.js';
import { entropyBits, generateValue, randomString } from './generators.js';
import { NAMED_ALPHABETS, rotationSettingsOf } from './rotation-settings.js';

describe('built-in rotation generators', () => {
  test('API_KEY keeps endpoint and keyId, gets a fresh prefixed key of the configured length', () => {
    const settings = rotationSettingsOf({ rotation: { length: 48, alphabet: 'base64url', prefix: 'sk_live_' } });
    const current = { key: 'old', keyId: 'k1', endpoint: 'https://api.example.com' };
    const next = generateValue('API_KEY', current, settings);
    expect(next).toMatchObject({ keyId: 'k1', endpoint: 'https://api.example.com' });
    expect(next.key).toMatch(/^sk_live_[A-Za-z0-9_-]{48}$/);
    expect(validateSecretValue('API_KEY', next, { maxBytes: 65536 })).toEqual(next);
  });

  test('USERNAME_PASSWORD keeps the username and url, changes only the password', () => {
    const settings = rotationSettingsOf({ rotation: { length: 32, alphabet: 'symbols' } });
    const next = generateValue('USERNAME_PASSWORD', { username: 'svc', password: 'old', url: 'postgres://db' }, settings);
    expect(next).toMatchObject({ username: 'svc', url: 'postgres://db' });
    expect(next.password).toHaveLength(32);
    expect([...(next.password as string)].every((c) => NAMED_ALPHABETS.symbols.includes(c))).toBe(true);
  });

  test('GENERIC draws from a literal alphabet', () => {
    const settings = rotationSettingsOf({ rotation: { length: 200, alphabet: 'ab' } });
    const next = generateValue('GENERIC', { value: 'old' }, settings);
    expect(next.value).toMatch(/^[ab]{200}$/);
  });

  test('two generated values differ and every character of the alphabet turns up', () => {
    const a = randomString(4000, NAMED_ALPHABETS.hex);
    const b = randomString(4000, NAMED_ALPHABETS.hex);
    expect(a).not.toBe(b);
    expect(new Set(a).size).toBe(16);
  });

  test('settings below 128 bits of entropy are refused', () => {
    expect(entropyBits(32, NAMED_ALPHABETS.hex)).toBe(128);
    const weak = rotationSettingsOf({ rotation: { length: 16, alphabet: 'hex' } });
    expect(() => generateValue('GENERIC', {}, weak)).toThrow(RotationError);
    expect(() => generateValue('GENERIC', {}, weak)).toThrow(/64 bits of entropy/);
  });

  test('types without a generator are refused', () => {
    expect(() => generateValue('CERTIFICATE', {}, rotationSettingsOf(null))).toThrow(/No built-in generator for CERTIFICATE/);
  });

  test('invalid settings name each bad field', () => {
    expect(() => rotationSettingsOf({ rotation: { length: 4, gracePeriodHours: -1 } })).toThrow(
      /metadata\.rotation\.length.*metadata\.rotation\.gracePeriodHours/,
    );
  });
});
