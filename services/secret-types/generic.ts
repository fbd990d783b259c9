// GENERIC and JSON_CREDENTIAL: the two free-form types.
import { z } from 'zod';
import { isJsonObject } from './shape-support.js';

export const genericShape = z.object({ value: z.string() }).strict();

/** Any JSON object; what is stored is its JSON form, so nothing but JSON data survives. */
export const jsonCredentialShape = z
  .custom<Record<string, unknown>>(isJsonObject, { message: 'must be a JSON object' })
  .transform((object) => JSON.parse(JSON.stringify(object)) as Record<string, unknown>);
