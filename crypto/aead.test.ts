import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { DecryptionError, EncryptionError } from '../lib/errors.js';
import { AUTH_TAG_BYTES, IV_BYTES, open, seal, type SealedBox } from './aead.js';

const key = randomBytes(32);
const aad = Buffer.from('secret-1:1:key-1');
const plaintext = Buffer.from('correct horse battery staple');

const flipped = (bytes: Buffer, index = 0) => {
  const copy = Buffer.from(bytes);
  copy[index] ^= 0x01;
  return copy;
};

describe('seal and open (AES-256-GCM)', () => {
  test('a sealed value opens with the same key and AAD', () => {
    const box = seal(key, plaintext, aad);
    expect(box.iv).toHaveLength(IV_BYTES);
    expect(box.authTag).toHaveLength(AUTH_TAG_BYTES);
    expect(box.ciphertext.includes(plaintext)).toBe(false);
    expect(open(key, box, aad)).toEqual(plaintext);
  });

  test('every seal uses a fresh IV', () => {
    const ivs = new Set(Array.from({ length: 50 }, () => seal(key, plaintext, aad).iv.toString('hex')));
    expect(ivs.size).toBe(50);
  });

  test('an empty plaintext round-trips', () => {
    expect(open(key, seal(key, Buffer.alloc(0), aad), aad)).toEqual(Buffer.alloc(0));
  });

  const tamperings: [string, (box: SealedBox) => [SealedBox, Buffer, Buffer]][] = [
    ['a ciphertext byte', (box) => [{ ...box, ciphertext: flipped(box.ciphertext, 3) }, key, aad]],
    ['an IV byte', (box) => [{ ...box, iv: flipped(box.iv) }, key, aad]],
    ['a tag byte', (box) => [{ ...box, authTag: flipped(box.authTag, 15) }, key, aad]],
    ['an AAD byte', (box) => [box, key, flipped(aad, 7)]],
    ['the key', (box) => [box, flipped(key), aad]],
    ['a truncated tag', (box) => [{ ...box, authTag: box.authTag.subarray(0, 12) }, key, aad]],
    ['a truncated IV', (box) => [{ ...box, iv: box.iv.subarray(0, 8) }, key, aad]],
  ];

  test.each(tamperings)('opening fails with DecryptionError after changing %s', (_, tamper) => {
    const [box, openKey, openAad] = tamper(seal(key, plaintext, aad));
    expect(() => open(openKey, box, openAad)).toThrow(DecryptionError);
  });

  test('the error does not carry the underlying OpenSSL message', () => {
    const box = seal(key, plaintext, aad);
    try {
      open(key, { ...box, authTag: flipped(box.authTag) }, aad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DecryptionError);
      expect((error as Error).message).not.toMatch(/unable to authenticate|unsupported state/i);
      expect((error as DecryptionError).extensions.code).toBe('DECRYPTION_ERROR');
    }
  });

  test('a key of the wrong length is refused', () => {
    expect(() => seal(randomBytes(16), plaintext, aad)).toThrow(EncryptionError);
    expect(() => open(randomBytes(16), seal(key, plaintext, aad), aad)).toThrow(DecryptionError);
  });
});
