// Data-key rotation as an operation: retire the active DEK, then move every version onto the new key in the
// background (idempotent; also resumed at start-up). Only super admins or holders of secrets.keys.rotate.
import type { Logger } from 'pino';
import { isSuperAdmin, type Actor } from '../identity/actor.js';
import { AccessDeniedError } from '../lib/errors.js';
import type { Database } from '../models/db.js';
import type { AdministrationAuditor } from './service-accounts.js';

export interface DataKeyRotator {
  rotateDataKey(): Promise<{ activeKeyId: string; retiredKeyIds: string[] }>;
  reencryptRetiredKeys(options?: { batchSize?: number }): Promise<{ reencrypted: number; destroyedKeys: string[] }>;
}

export type EncryptionKeyService = ReturnType<typeof createEncryptionKeyService>;

export function createEncryptionKeyService(deps: { keys: DataKeyRotator; log: Logger; db: Database; audit: AdministrationAuditor }) {
  let running: Promise<void> | undefined;
  let again = false;

  /** Starts (or schedules one more pass of) re-encryption; never throws into the caller. */
  function reencryptInBackground(): void {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          const result = await deps.keys.reencryptRetiredKeys();
          if (result.reencrypted || result.destroyedKeys.length) {
            deps.log.info({ reencrypted: result.reencrypted, destroyedKeys: result.destroyedKeys }, 'data keys re-encrypted');
          }
        } catch (error) {
          deps.log.error({ err: error }, 're-encryption of retired data keys failed; it resumes at the next rotation or start-up');
        }
      } while (again);
    })().finally(() => {
      running = undefined;
    });
  }

  return {
    async rotate(actor: Actor): Promise<{ activeKeyId: string; retiredKeyIds: string[] }> {
      if (!isSuperAdmin(actor) && !actor.permissions.includes('secrets.keys.rotate')) {
        throw new AccessDeniedError('Only super admins may rotate encryption keys');
      }
      const result = await deps.keys.rotateDataKey();
      // The key manager commits the rotation in its own transaction; its audit entry follows it.
      await deps.db.transaction((tx) =>
        deps.audit(tx, { eventType: 'ENCRYPTION_KEY_ROTATED', actor, details: { activeKeyId: result.activeKeyId, retiredKeyIds: result.retiredKeyIds } }),
      );
      deps.log.info({ activeKeyId: result.activeKeyId, retiredKeyIds: result.retiredKeyIds, actorId: actor.id }, 'data key rotated');
      reencryptInBackground();
      return result;
    },
    reencryptInBackground,
    /** Resolves when no re-encryption is running (shutdown and tests). */
    async whenIdle(): Promise<void> {
      while (running) await running;
    },
  };
}
