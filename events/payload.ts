// The event payload the Notification module receives (JSON), as a strict zod schema: every event is
// validated before it is stored in the outbox, so an unknown field (for instance a value) can never ride along.
import { z } from 'zod';
import {
  CRITICALITIES,
  criticalityOf,
  EVENT_CATALOGUE,
  EVENT_CATEGORY,
  EVENT_RESOURCE_TYPES,
  SECRET_EVENT_TYPES,
} from './catalogue.js';
import { MAX_ERROR_MESSAGE } from './sanitize.js';

const id = z.string().min(1).max(255);
const count = z.number().int().min(0);
/** Field names only (changedFields): identifiers, never free text. */
const fieldName = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/);

export const EventDataSchema = z
  .object({
    secretId: z.string().uuid().optional(),
    secretName: z.string().min(1).max(255).optional(),
    secretType: z.string().regex(/^[A-Z][A-Z0-9_]*$/).optional(),
    secretScope: z.enum(['GLOBAL', 'ORGANIZATION', 'TEAM', 'PROJECT', 'USER']).optional(),
    daysUntilExpiration: z.number().int().optional(),
    expirationDate: z.string().datetime().optional(),
    rotationInterval: z.number().int().min(1).optional(),
    vaultId: id.optional(),
    vaultName: z.string().min(1).max(255).optional(),
    importCount: count.optional(),
    exportCount: count.optional(),
    failedCount: count.optional(),
    migrationSource: z.string().min(1).max(255).optional(),
    migrationTarget: z.string().min(1).max(255).optional(),
    errorMessage: z.string().max(MAX_ERROR_MESSAGE).optional(),
    // Additions beyond the issue's list, all non-secret facts:
    valueChanged: z.boolean().optional(),
    changedFields: z.array(fieldName).max(32).optional(),
    version: z.number().int().min(1).optional(),
    fromVersion: z.number().int().min(1).optional(),
    granteeType: z.enum(['USER', 'TEAM', 'ROLE']).optional(),
    granteeId: id.optional(),
    permissions: z.array(z.string().regex(/^[A-Z_]+$/)).max(16).optional(),
    grantId: id.optional(),
  })
  .strict();

export const OutboxPayloadSchema = z
  .object({
    id: z.string().uuid(),
    type: z.enum(SECRET_EVENT_TYPES),
    category: z.literal(EVENT_CATEGORY),
    actorId: id,
    actorType: z.enum(['USER', 'SERVICE', 'SYSTEM']),
    recipientIds: z.array(id),
    resourceType: z.enum(EVENT_RESOURCE_TYPES),
    resourceId: id,
    resourceName: z.string().max(255),
    /** Null for resources outside any organization (GLOBAL and USER-scope secrets, global vaults). */
    organizationId: id.nullable(),
    teamId: id.optional(),
    projectId: id.optional(),
    data: EventDataSchema,
    suggestedCriticality: z.enum(CRITICALITIES),
    suggestedChannels: z.array(z.string().min(1)).optional(),
    timestamp: z.string().datetime(),
  })
  .strict()
  .superRefine((event, ctx) => {
    const definition = EVENT_CATALOGUE[event.type];
    if (event.resourceType !== definition.resourceType) {
      ctx.addIssue({ code: 'custom', path: ['resourceType'], message: `must be ${definition.resourceType} for ${event.type}` });
    }
    if (definition.resourceType === 'secret') {
      for (const key of ['secretId', 'secretName', 'secretType', 'secretScope'] as const) {
        if (event.data[key] === undefined) ctx.addIssue({ code: 'custom', path: ['data', key], message: 'required for secret events' });
      }
      if (event.data.secretId !== event.resourceId) {
        ctx.addIssue({ code: 'custom', path: ['data', 'secretId'], message: 'must equal resourceId' });
      }
    }
    if (
      (event.type === 'SECRET_EXPIRING_SOON' || event.type === 'SECRET_CERTIFICATE_EXPIRING') &&
      event.data.daysUntilExpiration === undefined
    ) {
      ctx.addIssue({ code: 'custom', path: ['data', 'daysUntilExpiration'], message: `required for ${event.type}` });
    }
    const expected = criticalityOf(event.type, event.data);
    if (event.suggestedCriticality !== expected) {
      ctx.addIssue({ code: 'custom', path: ['suggestedCriticality'], message: `must be ${expected} by the catalogue` });
    }
  });

export type OutboxPayload = z.infer<typeof OutboxPayloadSchema>;
export type EventData = z.infer<typeof EventDataSchema>;
