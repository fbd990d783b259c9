// ENV_VARIABLE_SET: named string values, as a process environment would hold them.
import { z } from 'zod';
import { addIssue, isJsonObject, withObjectRule, type ValueShape } from './shape-support.js';

export const ENV_VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const variableName = z
  .string()
  .regex(ENV_VARIABLE_NAME, 'must be letters, digits and _, not starting with a digit')
  // Matches the pattern, but zod (like any plain-object copy) would silently drop it instead of storing it.
  .refine((name) => name !== '__proto__', 'is a reserved name');

const envVariableSetFields = z.object({ variables: z.record(variableName, z.string()) }).strict();

// Counted on the raw object: zod's parsed record has already dropped a `__proto__` key.
export const envVariableSetShape: ValueShape = withObjectRule(envVariableSetFields, (raw, ctx) => {
  if (isJsonObject(raw.variables) && Object.keys(raw.variables).length === 0) {
    addIssue(ctx, 'must contain at least one variable', ['variables']);
  }
});
