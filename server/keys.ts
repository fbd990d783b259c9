// Opens the key manager: the master key (or, outside production, a generated development key), earlier master
// keys for rewrapping, and the data keys in the database.
import type { Logger } from 'pino';
import { createKeyManager } from '../crypto/key-manager.js';
import { loadOrCreateDevMasterKey, parseMasterKey } from '../crypto/master-key.js';
import type { Clock } from '../lib/clock.js';
import type { DatabaseHandle } from '../models/db.js';
import type { Config } from './config.js';

export async function openKeyManager(config: Config, database: DatabaseHandle, clock: Clock, log: Logger) {
  let kek;
  if (config.crypto.masterKey) {
    kek = parseMasterKey(config.crypto.masterKey);
  } else {
    const dev = loadOrCreateDevMasterKey(config.database.dataDir);
    kek = dev.kek;
    log.warn(
      { path: dev.path, created: dev.created },
      'SECRETS_MASTER_KEY is not set: using a development master key stored next to the data. Never do this in production.',
    );
  }
  const previousKeks = config.crypto.previousMasterKeys.map((k) => parseMasterKey(k));
  const keys = createKeyManager({ db: database.db, kek, previousKeks, clock, logger: log });
  const { rewrapped } = await keys.init();
  if (rewrapped) log.info({ rewrapped }, 'rewrapped data keys with the current master key');
  return { keys, kek };
}
