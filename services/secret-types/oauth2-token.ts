// OAUTH2_TOKEN: client credentials and/or tokens; at least one way to obtain access must be present.
import { z } from 'zod';
import { isoDateTime, urlString } from './fields.js';
import { addIssue, withObjectRule, type ValueShape } from './shape-support.js';

const oauth2TokenFields = z
  .object({
    clientId: z.string().optional(),
    clientSecret: z.string().optional(),
    accessToken: z.string().optional(),
    refreshToken: z.string().optional(),
    tokenUrl: urlString().optional(),
    scopes: z.array(z.string()).optional(),
    expiresAt: isoDateTime.optional(),
  })
  .strict();

export const oauth2TokenShape: ValueShape = withObjectRule(oauth2TokenFields, (raw, ctx) => {
  const has = (field: string) => typeof raw[field] === 'string' && raw[field] !== '';
  const canObtainAccess = (has('clientId') && has('clientSecret')) || has('accessToken') || has('refreshToken');
  if (!canObtainAccess) addIssue(ctx, 'must contain clientId and clientSecret, an accessToken, or a refreshToken');
});
