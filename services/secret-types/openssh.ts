// OpenSSH key encodings: public key lines, `openssh-key-v1` private keys, and the SSH public-key blob of a
// key Node has loaded, so a stored key pair can be checked to belong together.
import type { KeyObject } from 'node:crypto';

export const SSH_PUBLIC_KEY_ALGORITHMS = [
  'ssh-rsa',
  'ssh-ed25519',
  'ssh-dss',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'sk-ssh-ed25519@openssh.com',
  'sk-ecdsa-sha2-nistp256@openssh.com',
] as const;

export type PublicKeyLineRead = { blob: Buffer } | { problem: string };

/** `<algorithm> <base64 blob> [comment]`, where the blob starts with the same algorithm name. */
export function readOpenSshPublicKey(line: string): PublicKeyLineRead {
  const trimmed = line.trim();
  const [algorithm, data] = trimmed.split(/[ \t]+/);
  if (data === undefined || /[\r\n]/.test(trimmed)) {
    return { problem: 'must be one OpenSSH public key line: <algorithm> <base64> [comment]' };
  }
  if (!(SSH_PUBLIC_KEY_ALGORITHMS as readonly string[]).includes(algorithm)) {
    return { problem: `must use one of the algorithms ${SSH_PUBLIC_KEY_ALGORITHMS.join(', ')}` };
  }
  const blob = decodeBase64(data);
  if (!blob || readBlobAlgorithm(blob) !== algorithm) return { problem: 'key data does not match its algorithm' };
  return { blob };
}

const OPENSSH_PRIVATE_KEY = /^\s*-----BEGIN OPENSSH PRIVATE KEY-----\s+([A-Za-z0-9+/=\s]+?)\s*-----END OPENSSH PRIVATE KEY-----\s*$/;
const OPENSSH_MAGIC = Buffer.from('openssh-key-v1\0', 'latin1');

export function isOpenSshPrivateKey(text: string): boolean {
  return text.includes('-----BEGIN OPENSSH PRIVATE KEY-----');
}

export interface OpenSshPrivateKey {
  publicBlob: Buffer;
  isEncrypted: boolean;
}

/**
 * Reads the `openssh-key-v1` container: magic, cipher, kdf, one public key, private section. An encrypted
 * private section cannot be checked without bcrypt-pbkdf; an unencrypted one must open with two equal check
 * words and hold a key of the public key's type.
 */
export function readOpenSshPrivateKey(text: string): OpenSshPrivateKey | undefined {
  const body = OPENSSH_PRIVATE_KEY.exec(text)?.[1];
  const blob = body === undefined ? undefined : decodeBase64(body.replace(/\s+/g, ''));
  if (!blob || !blob.subarray(0, OPENSSH_MAGIC.length).equals(OPENSSH_MAGIC)) return undefined;
  try {
    const reader = new SshReader(blob.subarray(OPENSSH_MAGIC.length));
    const cipher = reader.string().toString('latin1');
    reader.string(); // kdf name
    reader.string(); // kdf options
    if (reader.uint32() !== 1) return undefined; // OpenSSH writes exactly one key per file
    const publicBlob = reader.string();
    const privateSection = reader.string();
    if (!reader.isAtEnd()) return undefined;
    const isEncrypted = cipher !== 'none';
    if (!isEncrypted) {
      const section = new SshReader(privateSection);
      if (section.uint32() !== section.uint32()) return undefined;
      if (section.string().toString('latin1') !== readBlobAlgorithm(publicBlob)) return undefined;
    }
    return { publicBlob, isEncrypted };
  } catch {
    return undefined;
  }
}

const NIST_CURVES: Partial<Record<string, string>> = { prime256v1: 'nistp256', secp384r1: 'nistp384', secp521r1: 'nistp521' };

/** The SSH wire encoding of `key`'s public half (RFC 4253, 5656, 8709); undefined for types SSH cannot name. */
export function sshPublicBlobOf(key: KeyObject): Buffer | undefined {
  const type = key.asymmetricKeyType;
  if (type !== 'rsa' && type !== 'ed25519' && type !== 'ec') return undefined;
  const jwk = key.export({ format: 'jwk' });
  const bytes = (field: string | undefined) => Buffer.from(field ?? '', 'base64url');
  if (type === 'rsa') return sshBlob(['ssh-rsa', mpint(bytes(jwk.e)), mpint(bytes(jwk.n))]);
  if (type === 'ed25519') return sshBlob(['ssh-ed25519', bytes(jwk.x)]);
  const curve = NIST_CURVES[key.asymmetricKeyDetails?.namedCurve ?? ''];
  if (curve === undefined) return undefined;
  const point = Buffer.concat([Buffer.from([4]), bytes(jwk.x), bytes(jwk.y)]);
  return sshBlob([`ecdsa-sha2-${curve}`, curve, point]);
}

/** Concatenates SSH `string`s: each a uint32 big-endian length followed by the bytes. */
export function sshBlob(parts: (string | Buffer)[]): Buffer {
  return Buffer.concat(
    parts.flatMap((part) => {
      const bytes = typeof part === 'string' ? Buffer.from(part, 'latin1') : part;
      const length = Buffer.alloc(4);
      length.writeUInt32BE(bytes.length);
      return [length, bytes];
    }),
  );
}

/** Unsigned big-endian integer as an SSH mpint: no leading zero bytes, except one to keep it positive. */
function mpint(unsigned: Buffer): Buffer {
  let start = 0;
  while (start < unsigned.length && unsigned[start] === 0) start += 1;
  const trimmed = unsigned.subarray(start);
  return trimmed.length > 0 && trimmed[0] & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed;
}

function readBlobAlgorithm(blob: Buffer): string | undefined {
  try {
    return new SshReader(blob).string().toString('latin1');
  } catch {
    return undefined;
  }
}

function decodeBase64(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  return Buffer.from(text, 'base64');
}

/** Reads SSH wire types; throws RangeError past the end (callers treat that as a malformed key). */
class SshReader {
  private offset = 0;
  constructor(private readonly bytes: Buffer) {}

  uint32(): number {
    const value = this.bytes.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  string(): Buffer {
    const length = this.uint32();
    if (this.offset + length > this.bytes.length) throw new RangeError('SSH string runs past the end');
    const value = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }

  isAtEnd(): boolean {
    return this.offset === this.bytes.length;
  }
}
