// Fixtures for the secret-type tests: real key material (RSA certificates and chains from node-forge, EC
// certificates from the openssl CLI, keys from node:crypto and ssh-keygen, OpenSSH encodings built by hand)
// and `issuesOf`, which returns the issues a value is refused with.
import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { test as base } from 'vitest';
import { InvalidSecretValueError, type FieldIssue } from '../../lib/errors.js';
import { validateSecretValue, type SecretType } from './index.js';

export const LIMIT = 65_536;

/** The issues `value` is refused with; [] when it is accepted. */
export function issuesOf(type: SecretType, value: unknown, maxBytes = LIMIT): FieldIssue[] {
  try {
    validateSecretValue(type, value, { maxBytes });
    return [];
  } catch (error) {
    if (error instanceof InvalidSecretValueError) return error.issues;
    throw error;
  }
}

/** A certificate and its unencrypted private key, both PEM. */
export interface Identity {
  certificate: string;
  privateKey: string;
}

export function rsaPemKeyPair(): { publicKey: string; privateKey: string } {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** An RSA certificate for `commonName`, self-signed unless `issuer` is given. */
export function rsaIdentity(
  commonName: string,
  options: { issuer?: Identity; isCA?: boolean; notBefore?: Date; notAfter?: Date } = {},
): Identity {
  const keys = rsaPemKeyPair();
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(keys.publicKey);
  certificate.serialNumber = `01${randomBytes(8).toString('hex')}`;
  certificate.validity.notBefore = options.notBefore ?? new Date(Date.now() - DAY_MS);
  certificate.validity.notAfter = options.notAfter ?? new Date(Date.now() + 365 * DAY_MS);
  certificate.setSubject([
    { name: 'organizationName', value: 'Example Test Org' },
    { name: 'commonName', value: commonName },
  ]);
  const issuer = options.issuer ? forge.pki.certificateFromPem(options.issuer.certificate) : certificate;
  certificate.setIssuer(issuer.subject.attributes);
  certificate.setExtensions([{ name: 'basicConstraints', cA: options.isCA ?? false }]);
  const signingKey = options.issuer?.privateKey ?? keys.privateKey;
  certificate.sign(forge.pki.privateKeyFromPem(signingKey), forge.md.sha256.create());
  return { certificate: forge.pki.certificateToPem(certificate), privateKey: keys.privateKey };
}

export const hasOpenssl = spawnSync('which', ['openssl']).status === 0;
export const hasSshKeygen = spawnSync('which', ['ssh-keygen']).status === 0;

function inTempDir<T>(work: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'secret-types-'));
  try {
    return work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A self-signed P-256 certificate, which node-forge cannot read (it only knows RSA public keys). */
export function opensslEcIdentity(commonName: string): Identity {
  return inTempDir((dir) => {
    const keyFile = join(dir, 'key.pem');
    const certificateFile = join(dir, 'certificate.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '30',
        '-subj', `/O=Example Test Org/CN=${commonName}`, '-keyout', keyFile, '-out', certificateFile],
      { stdio: 'ignore' },
    );
    return { certificate: readFileSync(certificateFile, 'utf8'), privateKey: readFileSync(keyFile, 'utf8') };
  });
}

/** An OpenSSH-format key pair made by ssh-keygen (encrypted with `passphrase` when given). */
export function sshKeygenKeyPair(type: 'ed25519' | 'ecdsa' | 'rsa', passphrase = ''): { privateKey: string; publicKey: string } {
  return inTempDir((dir) => {
    const file = join(dir, 'id');
    execFileSync('ssh-keygen', ['-q', '-t', type, '-N', passphrase, '-C', 'test@example.test', '-f', file], { stdio: 'ignore' });
    return { privateKey: readFileSync(file, 'utf8'), publicKey: readFileSync(`${file}.pub`, 'utf8') };
  });
}

/** The OpenSSH public key line ssh-keygen derives from a PEM private key: an oracle independent of our code. */
export function sshKeygenPublicLineOf(pemPrivateKey: string): string {
  return inTempDir((dir) => {
    const file = join(dir, 'key.pem');
    writeFileSync(file, pemPrivateKey, { mode: 0o600 });
    return execFileSync('ssh-keygen', ['-y', '-f', file], { encoding: 'utf8' }).trim();
  });
}

/** SSH `string`s: each a uint32 big-endian length followed by the bytes. */
function sshStrings(...parts: (string | Buffer)[]): Buffer {
  return Buffer.concat(
    parts.flatMap((part) => {
      const bytes = typeof part === 'string' ? Buffer.from(part, 'latin1') : part;
      const length = Buffer.alloc(4);
      length.writeUInt32BE(bytes.length);
      return [length, bytes];
    }),
  );
}

function rawEd25519(privateKey: KeyObject): { seed: Buffer; publicKey: Buffer } {
  const jwk = privateKey.export({ format: 'jwk' });
  return { seed: Buffer.from(jwk.d ?? '', 'base64url'), publicKey: Buffer.from(jwk.x ?? '', 'base64url') };
}

/** `ssh-ed25519 <base64> comment` for a Node ed25519 key (Node cannot export OpenSSH itself). */
export function ed25519PublicLine(privateKey: KeyObject, comment = 'test@example.test'): string {
  const { publicKey } = rawEd25519(privateKey);
  return `ssh-ed25519 ${sshStrings('ssh-ed25519', publicKey).toString('base64')} ${comment}`;
}

/**
 * An unencrypted `openssh-key-v1` ed25519 private key, built field by field (PROTOCOL.key in OpenSSH).
 * `corrupt` breaks one thing about it, for the negative cases.
 */
export function handBuiltOpenSshEd25519(corrupt?: 'magic' | 'check-words'): { privateKey: string; publicKey: string } {
  const key = generateKeyPairSync('ed25519').privateKey;
  const { seed, publicKey } = rawEd25519(key);
  const publicBlob = sshStrings('ssh-ed25519', publicKey);
  const checkWord = randomBytes(4);
  const otherCheckWord = corrupt === 'check-words' ? Buffer.from(checkWord.map((b) => b ^ 0xff)) : checkWord;
  let privateSection = Buffer.concat([
    checkWord,
    otherCheckWord,
    sshStrings('ssh-ed25519', publicKey, Buffer.concat([seed, publicKey]), 'hand-built@example.test'),
  ]);
  for (let pad = 1; privateSection.length % 8 !== 0; pad += 1) privateSection = Buffer.concat([privateSection, Buffer.from([pad])]);
  const keyCount = Buffer.alloc(4);
  keyCount.writeUInt32BE(1);
  const magic = corrupt === 'magic' ? 'openssh-key-v0\0' : 'openssh-key-v1\0';
  const blob = Buffer.concat([Buffer.from(magic, 'latin1'), sshStrings('none', 'none', ''), keyCount, sshStrings(publicBlob, privateSection)]);
  const body = blob.toString('base64').match(/.{1,70}/g)?.join('\n');
  return {
    privateKey: `-----BEGIN OPENSSH PRIVATE KEY-----\n${body}\n-----END OPENSSH PRIVATE KEY-----\n`,
    publicKey: ed25519PublicLine(key, 'hand-built@example.test'),
  };
}

/** Certificates are costly to make, so each test file makes each kind once, when a test first asks. */
export const test = base
  .extend('selfSigned', { scope: 'file' }, () => rsaIdentity('rsa.example.test'))
  .extend('stranger', { scope: 'file' }, () => rsaIdentity('stranger.example.test'))
  .extend('rootCA', { scope: 'file' }, () => rsaIdentity('Example Test Root CA', { isCA: true }))
  .extend('issued', { scope: 'file' }, ({ rootCA }) => rsaIdentity('service.example.test', { issuer: rootCA }));
