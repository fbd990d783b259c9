// The seam through which every state change of a secret is recorded inside its own transaction. Audit
// entries and outbox events are written by recorders plugged in here, so they commit or roll back with the
// change itself (fail closed).
import type { Actor } from '../identity/actor.js';
import type { Tx } from '../models/db.js';
import type { SecretRow } from '../models/schema.js';

export type SecretChangeKind =
  | 'CREATED'
  | 'UPDATED'
  | 'VALUE_UPDATED'
  | 'ROLLED_BACK'
  | 'MOVED'
  | 'DELETED'
  | 'RESTORED'
  | 'PURGED'
  | 'VALUE_READ';

export interface SecretChange {
  kind: SecretChangeKind;
  actor: Actor;
  secret: SecretRow;
  /** Non-secret facts about the change (changed field names, versions); never a value. */
  data?: Record<string, unknown>;
}

export interface ChangeRecorder {
  record(tx: Tx, change: SecretChange): Promise<void>;
}

/** Runs several recorders in order, in the same transaction. */
export function combineRecorders(...recorders: ChangeRecorder[]): ChangeRecorder {
  return {
    async record(tx, change) {
      for (const recorder of recorders) await recorder.record(tx, change);
    },
  };
}
