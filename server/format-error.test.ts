import { describe, expect, test } from 'vitest';
import { scrubInputEcho } from './format-error.js';

describe('scrubbing input echoed by graphql-js', () => {
  const secret = 'sk_live_SHOULD_NOT_APPEAR';

  test('variable coercion errors keep the variable, the path and a safe reason, never the value', () => {
    const message = `Variable "$input" got invalid value { name: "x", value: { value: "${secret}" } }; Field "type" of required type "SecretType!" was not provided.`;
    expect(scrubInputEcho(message)).toBe('Variable "$input" has an invalid value. Field "type" of required type "SecretType!" was not provided.');
    const located = `Variable "$input" got invalid value "${secret}" at "input.type"; Value "${secret}" does not exist in "SecretType" enum.`;
    expect(scrubInputEcho(located)).toBe('Variable "$input" has an invalid value at "input.type".');
  });

  test('literal and scalar errors drop the offending value', () => {
    expect(scrubInputEcho(`Expected value of type "SecretType!", found ${secret}.`)).toBe('Expected value of type "SecretType!", found an invalid value.');
    expect(scrubInputEcho(`Value "${secret}" does not exist in "SecretType" enum.`)).toBe('Value does not exist in "SecretType" enum.');
    expect(scrubInputEcho(`Int cannot represent non-integer value: "${secret}"`)).not.toContain(secret);
    expect(scrubInputEcho(`DateTime cannot represent an invalid date-time-string 2020;${secret}.`)).toBe(
      'DateTime cannot represent an invalid date-time-string (value omitted).',
    );
  });

  test('messages without input pass unchanged', () => {
    expect(scrubInputEcho('Cannot query field "nope" on type "Query".')).toBe('Cannot query field "nope" on type "Query".');
  });
});
