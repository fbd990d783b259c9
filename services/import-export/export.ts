// exportSecrets: the caller's visible secrets matching a filter as one JSON or dotenv document, metadata only
// or with values. Values need `secrets.export.values` plus READ on every secret; each value is read through
// the version service (permission-checked and audited as operation `exportSecrets`). All or nothing: one
// unreadable secret fails the export with its own error code and id. A successful export writes its
// SECRET_EXPORT_COMPLETED event and audit entry in one transaction; neither carries a value.
import type { Actor } from '../../identity/actor.js';
import { isSuperAdmin } from '../../identity/actor.js';
import type { Clock } from '../../lib/clock.js';
import { AccessDeniedError, AppError, SecretDeletedError, SecretExpiredError, ValidationError } from '../../lib/errors.js';
import type { Database, Tx } from '../../models/db.js';
import type { SecretRow } from '../../models/schema.js';
import { assertPermission, type AccessPolicy } from '../access/policy.js';
import type { AuditEvent } from '../audit/recorder.js';
import type { SecretFilterInput } from '../secret-filter.js';
import type { SecretService } from '../secrets.js';
import type { VersionService } from '../versions.js';
import { renderEnv } from './env-format.js';

export const EXPORT_FORMATS = ['JSON', 'ENV'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Largest export; beyond it the caller narrows the filter (VALIDATION_ERROR) instead of one huge response. */
export const MAX_EXPORT_SECRETS = 1000;
export const EXPORT_VALUES_PERMISSION = 'secrets.export.values';
const PAGE_SIZE = 500;

export interface ExportInput {
  format: ExportFormat;
  filter?: SecretFilterInput | null;
  includeValues?: boolean | null;
}

export interface ExportResult {
  format: ExportFormat;
  count: number;
  content: string;
  includesValues: boolean;
}

/** The outbox's emitEvent, narrowed to what an export needs. */
export type ExportEventEmitter = (
  tx: Tx,
  event: { type: 'SECRET_EXPORT_COMPLETED'; actor: Actor; organizationId: string | null; resourceName: string; data: { exportCount: number } },
) => Promise<unknown>;

/**
 * Only super admins and holders of the explicit code may export values. Organization admins do not get it
 * implicitly: a bulk plaintext dump is a different risk from reading one value, so it is granted on purpose.
 */
export const mayExportValues = (actor: Actor): boolean => isSuperAdmin(actor) || actor.permissions.includes(EXPORT_VALUES_PERMISSION);

export type ExportService = ReturnType<typeof createExportService>;

export function createExportService(deps: {
  db: Database;
  clock: Clock;
  access: AccessPolicy;
  secrets: Pick<SecretService, 'list'>;
  versions: Pick<VersionService, 'readValue'>;
  emitEvent: ExportEventEmitter;
  recordAudit: (tx: Tx, event: AuditEvent) => Promise<void>;
  settings: { allowExpiredRead: boolean };
}) {
  /** Every visible secret matching the filter, page by page (the listing filters visibility in SQL). */
  async function selectSecrets(actor: Actor, filter: SecretFilterInput | null | undefined): Promise<SecretRow[]> {
    const rows: SecretRow[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await deps.secrets.list(actor, { filter, first: PAGE_SIZE, after });
      if (page.totalCount > MAX_EXPORT_SECRETS) {
        throw new ValidationError([{ path: 'input.filter', message: `matches ${page.totalCount} secrets; an export holds at most ${MAX_EXPORT_SECRETS}: narrow the filter` }]);
      }
      rows.push(...page.rows);
      if (!page.hasNextPage || !page.endCursor) return rows;
      after = page.endCursor;
    }
  }

  /** Names the failing secret in an error that keeps its code (all-or-nothing export). */
  function failOn(secret: SecretRow, error: unknown): never {
    if (error instanceof AppError) {
      throw new AppError(error.code, `Export failed on secret ${secret.id} (${secret.name}): ${error.message}`, {
        ...error.extensions,
        secretId: secret.id,
      });
    }
    throw error;
  }

  /**
   * Checks every secret before any value is decrypted, so a refusal normally leaves no value reads in the
   * trail; readValue checks again (and only a concurrent change can make it fail after this).
   */
  async function checkReadable(actor: Actor, rows: SecretRow[]): Promise<void> {
    const now = deps.clock.now();
    for (const row of rows) {
      try {
        await assertPermission(deps.access, actor, row, 'READ');
        if (row.deletedAt) throw new SecretDeletedError('Deleted secrets are never exported with values');
        if (row.expiresAt && row.expiresAt.getTime() <= now.getTime() && !deps.settings.allowExpiredRead) throw new SecretExpiredError();
      } catch (error) {
        failOn(row, error);
      }
    }
  }

  return {
    async exportSecrets(actor: Actor, input: ExportInput): Promise<ExportResult> {
      const includeValues = input.includeValues === true;
      if (!(EXPORT_FORMATS as readonly string[]).includes(input.format)) {
        throw new ValidationError([{ path: 'input.format', message: `must be one of ${EXPORT_FORMATS.join(', ')}` }]);
      }
      if (includeValues && !mayExportValues(actor)) {
        await deps.access.reportDenial({ actor, permission: EXPORT_VALUES_PERMISSION, reason: 'export with values' });
        throw new AccessDeniedError(`Exporting values needs the ${EXPORT_VALUES_PERMISSION} permission`);
      }
      const rows = await selectSecrets(actor, input.filter);
      const values = new Map<string, { version: number; data: Record<string, unknown> }>();
      if (includeValues) {
        await checkReadable(actor, rows);
        for (const row of rows) {
          try {
            const read = await deps.versions.readValue(actor, row.id, undefined, 'exportSecrets');
            values.set(row.id, { version: read.version, data: read.data });
          } catch (error) {
            failOn(row, error);
          }
        }
      }
      const exportedAt = deps.clock.now();
      const content =
        input.format === 'JSON' ? renderJson(rows, values, exportedAt, includeValues) : renderEnvDocument(rows, values, exportedAt, includeValues);

      // The organization the export is about: the filter's, else the one all exported secrets share.
      const orgs = new Set(rows.map((r) => r.organizationId));
      // The organization of what was exported, never one the caller merely named in the filter (that would let
      // anyone write entries into another organization's trail).
      const organizationId = orgs.size === 1 ? [...orgs][0] : null;
      await deps.db.transaction(async (tx) => {
        await deps.emitEvent(tx, {
          type: 'SECRET_EXPORT_COMPLETED',
          actor,
          organizationId,
          resourceName: `${input.format} export${includeValues ? ' with values' : ''}`,
          data: { exportCount: rows.length },
        });
        await deps.recordAudit(tx, {
          eventType: 'SECRET_EXPORT_COMPLETED',
          category: 'ACCESS',
          outcome: 'SUCCESS',
          actor,
          organizationId,
          details: { count: rows.length, format: input.format, includesValues: includeValues },
        });
      });
      return { format: input.format, count: rows.length, content, includesValues: includeValues };
    },
  };
}

type Values = Map<string, { version: number; data: Record<string, unknown> }>;

function renderJson(rows: SecretRow[], values: Values, exportedAt: Date, includeValues: boolean): string {
  const secrets = rows.map((r) => {
    const value = values.get(r.id);
    return {
      id: r.id,
      name: r.name,
      type: r.type,
      scope: r.scope,
      organizationId: r.organizationId,
      teamId: r.teamId,
      projectId: r.projectId,
      tags: r.tags,
      description: r.description,
      expiresAt: r.expiresAt?.toISOString() ?? null,
      // The version actually read when values are included (a concurrent update may have moved it on).
      currentVersion: value?.version ?? r.currentVersion,
      ...(includeValues ? { value: value!.data } : {}),
    };
  });
  return JSON.stringify({ exportedAt: exportedAt.toISOString(), count: rows.length, secrets }, null, 2);
}

function renderEnvDocument(rows: SecretRow[], values: Values, exportedAt: Date, includeValues: boolean): string {
  const header = [
    `exported ${exportedAt.toISOString()}: ${rows.length} secret(s)${includeValues ? '' : ', metadata only (values not included)'}`,
  ];
  return renderEnv(
    rows.map((r) => {
      const value = values.get(r.id);
      const owner = r.scope === 'GLOBAL' ? '' : ` ${r.organizationId ?? r.ownerUserId ?? ''}`;
      return {
        secretId: r.id,
        name: r.name,
        type: r.type,
        comment: `${r.name} (${r.type}, ${r.scope}${owner}, id ${r.id}, version ${value?.version ?? r.currentVersion})`,
        data: includeValues ? value!.data : null,
      };
    }),
    header,
  );
}
