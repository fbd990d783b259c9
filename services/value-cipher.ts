// What the secret services need from the key manager: sealing a version's value inside the caller's
// transaction and opening it again. AAD binding (secret id, version, key id) is the key manager's job.
import type { Executor } from '../models/db.js';

export interface SealedValue {
  ciphertext: Buffer;
  iv: Buffer;
  authTag: Buffer;
  keyId: string;
}

export interface ValueCipher {
  encrypt(tx: Executor, ref: { secretId: string; version: number }, plaintext: Buffer): Promise<SealedValue>;
  decrypt(executor: Executor, ref: SealedValue & { secretId: string; version: number }): Promise<Buffer>;
}
