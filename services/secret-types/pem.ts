// PEM helpers shared by the certificate and SSH key shapes. Library errors are swallowed, never passed on:
// OpenSSL and node-forge messages can quote the key material.
import { createPrivateKey, type KeyObject } from 'node:crypto';

export interface PemBlock {
  label: string;
  text: string;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

export function pemBlocks(text: string): PemBlock[] {
  return [...text.matchAll(PEM_BLOCK)].map((match) => ({ label: match[1], text: match[0] }));
}

/** PKCS#8 `ENCRYPTED PRIVATE KEY`, or a traditional RSA/EC/DSA key with a `Proc-Type: 4,ENCRYPTED` header. */
export function isEncryptedPem(text: string): boolean {
  return text.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----') || /Proc-Type:\s*4,ENCRYPTED/.test(text);
}

export type PrivateKeyLoad =
  | { key: KeyObject }
  | { problem: 'not-a-private-key' | 'passphrase-missing' | 'passphrase-wrong' };

/** Loads a PEM private key (PKCS#1, SEC1, PKCS#8, encrypted or not) the way Node will use it. */
export function loadPemPrivateKey(text: string, passphrase?: string): PrivateKeyLoad {
  if (!pemBlocks(text).some((block) => block.label.endsWith('PRIVATE KEY'))) return { problem: 'not-a-private-key' };
  try {
    return { key: createPrivateKey({ key: text, format: 'pem', passphrase }) };
  } catch {
    if (!isEncryptedPem(text)) return { problem: 'not-a-private-key' };
    return { problem: passphrase === undefined ? 'passphrase-missing' : 'passphrase-wrong' };
  }
}
