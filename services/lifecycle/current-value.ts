// Decrypts a secret's current version for rotation handlers that keep parts of it (username, endpoint).
// The plaintext stays in memory only for the handler call.
import { SecretNotFoundError } from '../../lib/errors.js';
import type { Executor } from '../../models/db.js';
import type { SecretRow } from '../../models/schema.js';
import * as versionsRepo from '../../models/secret-versions.repo.js';
import type { ValueCipher } from '../value-cipher.js';

export async function readCurrentValue(executor: Executor, cipher: ValueCipher, secret: SecretRow): Promise<Record<string, unknown>> {
  const row = await versionsRepo.findVersion(executor, secret.id, secret.currentVersion);
  if (!row || row.destroyedAt) throw new SecretNotFoundError('The current version of this secret does not exist');
  const plaintext = await cipher.decrypt(executor, {
    secretId: secret.id,
    version: row.version,
    ciphertext: row.ciphertext,
    iv: row.iv,
    authTag: row.authTag,
    keyId: row.keyId,
  });
  return JSON.parse(plaintext.toString('utf8'));
}
