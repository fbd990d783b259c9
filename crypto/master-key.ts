// The key-encryption key (KEK): parsed from SECRETS_MASTER_KEY (or, in the embedded default, a generated
// key file) and used only to wrap and unwrap data-encryption keys. It never touches secret values.
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEY_BYTES, open, seal, type SealedBox } from './aead.js';

export interface Kek {
  /** Stable, non-secret fingerprint stored beside each wrapped DEK so start-up knows which KEK wrapped it. */
  id: string;
  key: Buffer;
}

export const MASTER_KEY_VARIABLE = 'SECRETS_MASTER_KEY';
export const DEV_MASTER_KEY_FILE = 'master.key';
const KEK_ID_LABEL = 'secrets-subgraph kek id';
const BASE64 = /^(?:[A-Za-z0-9+/]+|[A-Za-z0-9_-]+)={0,2}$/;

/** An HMAC, not a plain hash: the id reveals nothing about the key, yet two processes agree on it. */
export function kekFromBytes(key: Buffer): Kek {
  if (key.length !== KEY_BYTES) throw new Error(`A master key must be exactly ${KEY_BYTES} bytes`);
  return { id: createHmac('sha256', key).update(KEK_ID_LABEL).digest('hex').slice(0, 16), key: Buffer.from(key) };
}

/**
 * Parses a base64 master key. Errors name the variable and the decoded length, never the value, because
 * start-up errors end up in logs.
 */
export function parseMasterKey(base64: string, variable: string = MASTER_KEY_VARIABLE): Kek {
  const text = base64.trim();
  if (!BASE64.test(text)) {
    throw new Error(`${variable} must be base64 (${KEY_BYTES} random bytes, e.g. \`openssl rand -base64 ${KEY_BYTES}\`)`);
  }
  const key = Buffer.from(text, text.includes('-') || text.includes('_') ? 'base64url' : 'base64');
  if (key.length !== KEY_BYTES) {
    throw new Error(
      `${variable} must decode to exactly ${KEY_BYTES} bytes but decodes to ${key.length}; ` +
        `generate one with \`openssl rand -base64 ${KEY_BYTES}\``,
    );
  }
  return kekFromBytes(key);
}

/**
 * Embedded default only: reads `dataDir/master.key`, creating it (mode 0600) on first start. The caller
 * logs the loud warning; this function never prints the key.
 */
export function loadOrCreateDevMasterKey(dataDir: string): { kek: Kek; created: boolean; path: string } {
  const path = join(dataDir, DEV_MASTER_KEY_FILE);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (existsSync(path)) return { kek: readKeyFile(path), created: false, path };

  // Write to a private temporary file, then link it into place: link fails if the name exists, so two
  // processes starting together both end up with the one key that won, never a half-written file.
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temporary, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { kek: readKeyFile(path), created: false, path };
  } finally {
    unlinkSync(temporary);
  }
  return { kek: readKeyFile(path), created: true, path };
}

function readKeyFile(path: string): Kek {
  // A key file readable by group or others is tightened rather than trusted as is.
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  return parseMasterKey(readFileSync(path, 'utf8'), `The master key file ${path}`);
}

/** Wrapped DEK as stored in encryption_keys (wrapped_key, wrap_iv, wrap_tag). */
export type WrappedDataKey = SealedBox;

/** AAD `dek:<id>` binds a wrapped DEK to its row, so wrapped keys cannot be swapped between rows. */
const dekAad = (dekId: string) => Buffer.from(`dek:${dekId}`, 'utf8');

export function wrapDataKey(kek: Kek, dekId: string, dek: Buffer): WrappedDataKey {
  return seal(kek.key, dek, dekAad(dekId));
}

/** Throws DecryptionError when the KEK is wrong or the wrapped bytes were altered. */
export function unwrapDataKey(kek: Kek, dekId: string, wrapped: WrappedDataKey): Buffer {
  return open(kek.key, wrapped, dekAad(dekId));
}
