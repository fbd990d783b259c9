// AES-256-GCM authenticated encryption: the one primitive every ciphertext in this service goes through
// (secret values under DEKs, DEKs under the KEK).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DecryptionError, EncryptionError } from '../lib/errors.js';

export const KEY_BYTES = 32;
/** 96-bit IVs: the size GCM is specified for; any other size is hashed into one and weakens the bounds. */
export const IV_BYTES = 12;
export const AUTH_TAG_BYTES = 16;
const ALGORITHM = 'aes-256-gcm';

export interface SealedBox {
  ciphertext: Buffer;
  iv: Buffer;
  authTag: Buffer;
}

/**
 * Encrypts with a fresh random IV. The IV is never reused under one key only while the number of
 * encryptions stays far below 2^32 (NIST SP 800-38D); the key manager retires DEKs at 2^31.
 */
export function seal(key: Buffer, plaintext: Buffer, aad: Buffer): SealedBox {
  if (key.length !== KEY_BYTES) throw new EncryptionError('Encryption key has the wrong length');
  try {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: AUTH_TAG_BYTES });
    cipher.setAAD(aad);
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return { ciphertext, iv, authTag: cipher.getAuthTag() };
  } catch {
    throw new EncryptionError();
  }
}

/**
 * Decrypts and verifies. Every failure is the same DecryptionError: the reason (wrong key, tampered
 * bytes, wrong AAD) is not revealed, and OpenSSL's message never reaches a caller.
 */
export function open(key: Buffer, box: SealedBox, aad: Buffer): Buffer {
  // Node accepts truncated tags unless authTagLength is pinned; a short tag would weaken forgery resistance.
  if (key.length !== KEY_BYTES || box.iv.length !== IV_BYTES || box.authTag.length !== AUTH_TAG_BYTES) {
    throw new DecryptionError();
  }
  try {
    const decipher = createDecipheriv(ALGORITHM, key, box.iv, { authTagLength: AUTH_TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(box.authTag);
    return Buffer.concat([decipher.update(box.ciphertext), decipher.final()]);
  } catch {
    throw new DecryptionError();
  }
}
