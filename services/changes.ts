// The seam through which everything that happens to secrets is recorded inside the transaction that causes
// it: CRUD changes, value reads, lifecycle steps of jobs, grants. Recorders plugged in here (audit trail,
// event outbox) write in the same transaction, so they commit or roll back with the change (fail closed).
import type { Actor } from '../identity/actor.js';
import type { Tx } from '../models/db.js';
import type { SecretRow } from '../models/schema.js';

export type SecretChangeKind =
  // changes made through the API
  | 'CREATED'
  | 'UPDATED'
  | 'VALUE_UPDATED'
  | 'ROLLED_BACK'
  | 'MOVED'
  | 'DELETED'
  | 'RESTORED'
  | 'PURGED'
  | 'VALUE_READ'
  // access
  | 'ACCESS_GRANTED'
  | 'ACCESS_REVOKED'
  // lifecycle (jobs and rotation)
  | 'EXPIRING_SOON'
  | 'EXPIRED'
  | 'ROTATED'
  | 'ROTATION_DUE'
  | 'ROTATION_FAILED'
  | 'VERSIONS_PRUNED'
  | 'CERTIFICATE_EXPIRING'
  | 'CERTIFICATE_EXPIRED';

export interface SecretChange {
  kind: SecretChangeKind;
  actor: Actor;
  /** The secret concerned (its state after the change; for PURGED, before removal). */
  secret: SecretRow;
  /**
   * Non-secret facts about the change: changed field names, version numbers, `valueChanged`,
   * `daysUntilExpiration`, grant ids, sanitized error messages. Never a value.
   */
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
