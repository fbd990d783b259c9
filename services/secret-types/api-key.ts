// API_KEY: a key, optionally its id and the endpoint it is for.
import { z } from 'zod';
import { nonEmptyString, urlString } from './fields.js';

export const apiKeyShape = z
  .object({
    key: nonEmptyString,
    keyId: z.string().optional(),
    endpoint: urlString(['http:', 'https:']).optional(),
  })
  .strict();
