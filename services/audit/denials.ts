// DENIED audit entries for authenticated actors who are refused. The refused operation's transaction rolls
// back, so the entry gets its own small transaction. It is started, not awaited, where the refusal happens:
// awaiting a second transaction inside the first would deadlock on PGlite's single connection. The request
// waits for it before answering (server/audit-plugin.ts), and shutdown waits for stragglers.
import type { Logger } from 'pino';
import { requestContext } from '../../lib/request-context.js';
import type { Database } from '../../models/db.js';
import type { DenialReporter } from '../access/policy.js';
import { ACCESS_DENIED_EVENT, type AuditCategory } from './event-types.js';
import type { AuditRecorder } from './recorder.js';

export type Denial = Parameters<DenialReporter>[0];

export interface DenialAuditor {
  /** Plug into the access policy (`onDenied`); returns at once, the write continues in the background. */
  report: DenialReporter;
  /** Resolves when every denial started so far is written (or has failed and been logged). */
  whenIdle(): Promise<void>;
}

/** What the refused caller was attempting decides the category. */
function categoryOf(permission: string | undefined): AuditCategory {
  switch (permission) {
    case 'READ':
    case 'VIEW_METADATA':
      return 'ACCESS';
    case 'GRANT':
      return 'SECURITY';
    case 'UPDATE':
    case 'DELETE':
    case 'create':
      return 'MODIFICATION';
    default:
      return 'ADMINISTRATION';
  }
}

export function createDenialAuditor(deps: { db: Database; recorder: AuditRecorder; log: Logger }): DenialAuditor {
  const inFlight = new Set<Promise<void>>();

  function write(denial: Denial): Promise<void> {
    return deps.db
      .transaction((tx) =>
        deps.recorder.recordEvent(tx, {
          eventType: ACCESS_DENIED_EVENT,
          category: categoryOf(denial.permission),
          outcome: 'DENIED',
          actor: denial.actor,
          secretId: denial.secret?.id ?? null,
          organizationId: denial.secret?.organizationId ?? denial.organizationId ?? null,
          details: {
            permission: denial.permission ?? null,
            reason: denial.reason,
            // An invisible secret answers SECRET_NOT_FOUND, so its existence never leaks to the caller.
            code: denial.reason === 'not visible' ? 'SECRET_NOT_FOUND' : 'ACCESS_DENIED',
          },
        }),
      )
      .catch((error) => {
        deps.log.error({ err: error, actorId: denial.actor.id, secretId: denial.secret?.id }, 'could not write the DENIED audit entry');
      });
  }

  return {
    report(denial) {
      const pending = write(denial);
      inFlight.add(pending);
      void pending.finally(() => inFlight.delete(pending));
      const store = requestContext.getStore();
      if (store) (store.pendingAudit ??= []).push(pending);
      return Promise.resolve();
    },
    async whenIdle() {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
  };
}
