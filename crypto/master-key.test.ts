import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DecryptionError } from '../lib/errors.js';
import { kekFromBytes, loadOrCreateDevMasterKey, parseMasterKey, unwrapDataKey, wrapDataKey } from './master-key.js';

const scratch = mkdtempSync(join(tmpdir(), 'master-key-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('parseMasterKey', () => {
  test('accepts 32 bytes of base64 and derives a stable 16-hex-digit id that is not the key', () => {
    const bytes = randomBytes(32);
    const kek = parseMasterKey(bytes.toString('base64'));
    expect(kek.key).toEqual(bytes);
    expect(kek.id).toMatch(/^[0-9a-f]{16}$/);
    expect(parseMasterKey(` ${bytes.toString('base64')}\n`).id).toBe(kek.id);
    expect(parseMasterKey(bytes.toString('base64url')).id).toBe(kek.id);
    expect(bytes.toString('hex')).not.toContain(kek.id);
    expect(parseMasterKey(randomBytes(32).toString('base64')).id).not.toBe(kek.id);
  });

  test.each([
    ['16 bytes', randomBytes(16).toString('base64')],
    ['33 bytes', randomBytes(33).toString('base64')],
    ['empty', ''],
    ['not base64', `${randomBytes(32).toString('hex').slice(0, 40)}!!`],
  ])('refuses %s, naming SECRETS_MASTER_KEY without echoing the value', (_, value) => {
    let message = '';
    try {
      parseMasterKey(value);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('SECRETS_MASTER_KEY');
    if (value) expect(message).not.toContain(value);
  });
});

describe('loadOrCreateDevMasterKey', () => {
  test('creates master.key with mode 0600 in a new directory, then reads the same key back', () => {
    const dataDir = join(scratch, 'nested', 'data');
    const first = loadOrCreateDevMasterKey(dataDir);
    expect(first.created).toBe(true);
    expect(first.path).toBe(join(dataDir, 'master.key'));
    expect(statSync(first.path).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(first.path, 'utf8').trim(), 'base64')).toEqual(first.kek.key);

    const second = loadOrCreateDevMasterKey(dataDir);
    expect(second.created).toBe(false);
    expect(second.kek).toEqual(first.kek);
  });

  test('tightens a key file that others can read', () => {
    const dataDir = join(scratch, 'loose');
    const { path } = loadOrCreateDevMasterKey(dataDir);
    chmodSync(path, 0o644);
    loadOrCreateDevMasterKey(dataDir);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  test('a corrupt key file is an error naming the file, not its contents', () => {
    const dataDir = join(scratch, 'corrupt');
    const { path } = loadOrCreateDevMasterKey(dataDir);
    writeFileSync(path, 'c2hvcnQ=\n');
    expect(() => loadOrCreateDevMasterKey(dataDir)).toThrow(path);
  });
});

describe('wrapping data keys', () => {
  const kek = kekFromBytes(randomBytes(32));
  const dek = randomBytes(32);

  test('a wrapped DEK unwraps with its KEK and id only', () => {
    const wrapped = wrapDataKey(kek, 'dek-1', dek);
    expect(wrapped.ciphertext.includes(dek)).toBe(false);
    expect(unwrapDataKey(kek, 'dek-1', wrapped)).toEqual(dek);
    expect(() => unwrapDataKey(kek, 'dek-2', wrapped)).toThrow(DecryptionError);
    expect(() => unwrapDataKey(kekFromBytes(randomBytes(32)), 'dek-1', wrapped)).toThrow(DecryptionError);
  });
});
