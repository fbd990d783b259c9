// The value shape of each secret type: what a secret's value must look like before it is encrypted and stored.
// Shapes are documented in docs/value-shapes.md.
import { InvalidSecretValueError } from '../../lib/errors.js';
import { apiKeyShape } from './api-key.js';
import { certificateShape } from './certificate.js';
import { connectionStringShape } from './connection-string.js';
import { envVariableSetShape } from './env-variable-set.js';
import { genericShape, jsonCredentialShape } from './generic.js';
import { oauth2TokenShape } from './oauth2-token.js';
import { isJsonObject, toFieldIssues, valueSafeErrorMap, type ValueShape } from './shape-support.js';
import { sshKeyShape } from './ssh-key.js';
import { usernamePasswordShape } from './username-password.js';

export { parseCertificate, type CertificateFacts } from './x509.js';

export const SECRET_TYPES = [
  'API_KEY',
  'OAUTH2_TOKEN',
  'USERNAME_PASSWORD',
  'CERTIFICATE',
  'SSH_KEY',
  'CONNECTION_STRING',
  'JSON_CREDENTIAL',
  'ENV_VARIABLE_SET',
  'GENERIC',
] as const;
export type SecretType = (typeof SECRET_TYPES)[number];

const VALUE_SHAPES: Record<SecretType, ValueShape> = {
  API_KEY: apiKeyShape,
  OAUTH2_TOKEN: oauth2TokenShape,
  USERNAME_PASSWORD: usernamePasswordShape,
  CERTIFICATE: certificateShape,
  SSH_KEY: sshKeyShape,
  CONNECTION_STRING: connectionStringShape,
  JSON_CREDENTIAL: jsonCredentialShape,
  ENV_VARIABLE_SET: envVariableSetShape,
  GENERIC: genericShape,
};

/**
 * Validates `value` against the type's shape and the byte limit; returns the value to store (a plain JSON
 * object). Throws InvalidSecretValueError listing every bad path; no message quotes the value.
 */
export function validateSecretValue(type: SecretType, value: unknown, options: { maxBytes: number }): Record<string, unknown> {
  const shape = VALUE_SHAPES[type];
  if (!shape) throw new TypeError(`Unknown secret type ${JSON.stringify(type)}`);
  if (!isJsonObject(value)) throw new InvalidSecretValueError([{ path: '', message: 'must be a JSON object' }]);

  // Size first: parsing certificates and keys costs far more than measuring them.
  let json: string;
  try {
    json = JSON.stringify(value);
  } catch {
    throw new InvalidSecretValueError([{ path: '', message: 'must be JSON data (no cycles or BigInts)' }]);
  }
  const bytes = Buffer.byteLength(json);
  if (bytes > options.maxBytes) {
    throw new InvalidSecretValueError([{ path: '', message: `value is ${bytes} bytes; the limit is ${options.maxBytes}` }]);
  }

  const result = shape.safeParse(value, { errorMap: valueSafeErrorMap });
  if (!result.success) throw new InvalidSecretValueError(toFieldIssues(result.error));
  return result.data;
}
