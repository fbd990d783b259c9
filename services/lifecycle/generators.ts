// Built-in rotation handlers: cryptographically random values for API_KEY, GENERIC and USERNAME_PASSWORD
// secrets, shaped by `metadata.rotation` (length, alphabet, prefix). Other fields of the current value
// (username, url, endpoint, keyId) are kept; only the credential part changes.
import { randomInt } from 'node:crypto';
import { RotationError } from '../../lib/errors.js';
import type { SecretType } from '../secret-types/index.js';
import type { RotationSettings } from './rotation-settings.js';

/** Below this a generated credential is refused: length * log2(alphabet size) must reach it. */
export const MIN_ENTROPY_BITS = 128;

export const GENERATED_TYPES: readonly SecretType[] = ['API_KEY', 'GENERIC', 'USERNAME_PASSWORD'];

/** `length` characters drawn uniformly (randomInt rejects biased draws) from `alphabet`. */
export function randomString(length: number, alphabet: string): string {
  const chars = [...alphabet];
  let out = '';
  for (let i = 0; i < length; i++) out += chars[randomInt(chars.length)];
  return out;
}

export function entropyBits(length: number, alphabet: string): number {
  return length * Math.log2([...new Set(alphabet)].length);
}

export function canGenerate(type: SecretType): boolean {
  return GENERATED_TYPES.includes(type);
}

/** A new value for `type` from the current one; throws RotationError when the settings are too weak. */
export function generateValue(type: SecretType, current: Record<string, unknown>, settings: RotationSettings): Record<string, unknown> {
  const bits = entropyBits(settings.length, settings.alphabet);
  if (bits < MIN_ENTROPY_BITS) {
    throw new RotationError(
      `Rotation settings give ${Math.floor(bits)} bits of entropy; at least ${MIN_ENTROPY_BITS} are required (raise metadata.rotation.length or widen the alphabet)`,
    );
  }
  const fresh = () => settings.prefix + randomString(settings.length, settings.alphabet);
  switch (type) {
    case 'API_KEY':
      return { ...current, key: fresh() };
    case 'GENERIC':
      return { value: fresh() };
    case 'USERNAME_PASSWORD':
      return { ...current, password: randomString(settings.length, settings.alphabet) };
    default:
      throw new RotationError(`No built-in generator for ${type} secrets; set metadata.rotation.webhookUrl or pass a value`);
  }
}
