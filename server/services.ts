// Wires the domain services together from their dependencies (called by the composition root).
import type { Logger } from 'pino';
import type { Clock } from '../lib/clock.js';
import type { Database } from '../models/db.js';
import { createAccessPolicy, type AccessPolicy } from '../services/access/policy.js';
import { combineRecorders, type ChangeRecorder } from '../services/changes.js';
import { createEncryptionKeyService, type DataKeyRotator, type EncryptionKeyService } from '../services/encryption-keys.js';
import { createSecretService, type SecretService } from '../services/secrets.js';
import type { ValueCipher } from '../services/value-cipher.js';
import { createVersionService, type VersionService } from '../services/versions.js';

export interface Services {
  clock: Clock;
  access: AccessPolicy;
  secrets: SecretService;
  versions: VersionService;
  encryptionKeys: EncryptionKeyService;
}

export function createServices(deps: {
  db: Database;
  keys: ValueCipher & DataKeyRotator;
  clock: Clock;
  log: Logger;
  settings: { recoveryDays: number; maxValueBytes: number; allowExpiredRead: boolean };
  recorders?: ChangeRecorder[];
}): Services {
  const access = createAccessPolicy();
  const recorder = combineRecorders(...(deps.recorders ?? []));
  const common = { db: deps.db, cipher: deps.keys, clock: deps.clock, access, recorder, settings: deps.settings };
  const secrets = createSecretService(common);
  const versions = createVersionService({ ...common, secrets });
  const encryptionKeys = createEncryptionKeyService({ keys: deps.keys, log: deps.log });
  return { clock: deps.clock, access, secrets, versions, encryptionKeys };
}
