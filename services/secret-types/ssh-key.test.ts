// SSH_KEY values with real keys: PEM keys from node:crypto, OpenSSH keys from ssh-keygen and one built by hand.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  ed25519PublicLine,
  handBuiltOpenSshEd25519,
  hasSshKeygen,
  issuesOf,
  rsaPemKeyPair,
  sshKeygenKeyPair,
  sshKeygenPublicLineOf,
} from './test-support.js';

const PASSPHRASE = 'correct horse battery staple';

function ed25519Pem() {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { pem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, publicLine: ed25519PublicLine(privateKey) };
}

function encryptedRsaPem(type: 'pkcs8' | 'pkcs1'): string {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type, format: 'pem', cipher: 'aes-256-cbc', passphrase: PASSPHRASE },
  }).privateKey;
}

describe('SSH_KEY private keys', () => {
  test('accepts PEM private keys: RSA PKCS#8, EC SEC1, Ed25519', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey.export({ type: 'sec1', format: 'pem' });
    for (const privateKey of [rsaPemKeyPair().privateKey, ec, ed25519Pem().pem]) {
      expect(issuesOf('SSH_KEY', { privateKey })).toEqual([]);
    }
  });

  test('accepts a hand-built openssh-key-v1 key with its public key line', () => {
    expect(issuesOf('SSH_KEY', handBuiltOpenSshEd25519())).toEqual([]);
  });

  test.skipIf(!hasSshKeygen)('accepts ssh-keygen keys of each common type with their .pub line', () => {
    for (const type of ['ed25519', 'ecdsa', 'rsa'] as const) {
      expect(issuesOf('SSH_KEY', sshKeygenKeyPair(type)), type).toEqual([]);
    }
  });

  test('refuses text that is no key, and an OpenSSH block with the wrong magic or check words', () => {
    const notKeys = [
      'not a key',
      '-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----',
      handBuiltOpenSshEd25519('magic').privateKey,
      handBuiltOpenSshEd25519('check-words').privateKey,
      rsaPemKeyPair().publicKey,
    ];
    for (const privateKey of notKeys) {
      expect(issuesOf('SSH_KEY', { privateKey })).toEqual([{ path: 'privateKey', message: 'must be an OpenSSH or PEM private key' }]);
    }
  });
});

describe('SSH_KEY passphrases', () => {
  test.each(['pkcs8', 'pkcs1'] as const)('an encrypted %s PEM key opens with the right passphrase only', (type) => {
    const privateKey = encryptedRsaPem(type);
    expect(issuesOf('SSH_KEY', { privateKey, passphrase: PASSPHRASE })).toEqual([]);
    expect(issuesOf('SSH_KEY', { privateKey, passphrase: 'wrong horse' })).toEqual([
      { path: 'passphrase', message: 'does not decrypt the private key' },
    ]);
    expect(issuesOf('SSH_KEY', { privateKey })).toEqual([{ path: 'passphrase', message: 'is required: the private key is encrypted' }]);
  });

  test.skipIf(!hasSshKeygen)('an encrypted OpenSSH key needs a passphrase (which Node cannot verify)', () => {
    const { privateKey } = sshKeygenKeyPair('ed25519', PASSPHRASE);
    expect(issuesOf('SSH_KEY', { privateKey, passphrase: PASSPHRASE })).toEqual([]);
    expect(issuesOf('SSH_KEY', { privateKey })).toEqual([{ path: 'passphrase', message: 'is required: the private key is encrypted' }]);
  });

  test('a passphrase on an unencrypted key is harmless', () => {
    expect(issuesOf('SSH_KEY', { privateKey: ed25519Pem().pem, passphrase: 'unused' })).toEqual([]);
  });
});

describe('SSH_KEY public keys', () => {
  test('accepts a PEM Ed25519 key with its OpenSSH public key line', () => {
    const { pem, publicLine } = ed25519Pem();
    expect(issuesOf('SSH_KEY', { privateKey: pem, publicKey: publicLine })).toEqual([]);
    expect(issuesOf('SSH_KEY', { privateKey: pem, publicKey: publicLine.split(' ').slice(0, 2).join(' ') })).toEqual([]);
  });

  test.skipIf(!hasSshKeygen)('accepts PEM RSA and EC keys with the line ssh-keygen derives from them', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    for (const privateKey of [rsaPemKeyPair().privateKey, ec]) {
      expect(issuesOf('SSH_KEY', { privateKey, publicKey: sshKeygenPublicLineOf(privateKey) })).toEqual([]);
    }
  });

  test('reports a public key line of another key', () => {
    const mine = handBuiltOpenSshEd25519();
    const theirs = handBuiltOpenSshEd25519();
    expect(issuesOf('SSH_KEY', { privateKey: mine.privateKey, publicKey: theirs.publicKey })).toEqual([
      { path: 'publicKey', message: 'does not match the private key' },
    ]);
    expect(issuesOf('SSH_KEY', { privateKey: ed25519Pem().pem, publicKey: theirs.publicKey })).toEqual([
      { path: 'publicKey', message: 'does not match the private key' },
    ]);
  });

  test('refuses malformed public key lines', () => {
    const { privateKey, publicKey } = handBuiltOpenSshEd25519();
    const [, data] = publicKey.split(' ');
    const cases: [string, string][] = [
      ['just-one-word', 'must be one OpenSSH public key line: <algorithm> <base64> [comment]'],
      [`${publicKey}\n${publicKey}`, 'must be one OpenSSH public key line: <algorithm> <base64> [comment]'],
      [`ssh-foo ${data}`, expect.stringContaining('must use one of the algorithms ssh-rsa, ssh-ed25519')],
      [`ssh-rsa ${data}`, 'key data does not match its algorithm'],
      ['ssh-ed25519 !!!not-base64!!!', 'key data does not match its algorithm'],
      ['ssh-ed25519 AAAA', 'key data does not match its algorithm'],
    ];
    for (const [line, message] of cases) {
      expect(issuesOf('SSH_KEY', { privateKey, publicKey: line }), line).toEqual([{ path: 'publicKey', message }]);
    }
  });

  test('reports every problem at once', () => {
    expect(issuesOf('SSH_KEY', { privateKey: 'nope', publicKey: 'nope', passphrase: 5, comment: 'x' })).toEqual([
      { path: 'privateKey', message: 'must be an OpenSSH or PEM private key' },
      { path: 'publicKey', message: 'must be one OpenSSH public key line: <algorithm> <base64> [comment]' },
      { path: 'passphrase', message: 'must be a string' },
      { path: 'comment', message: 'is not a field of this secret type' },
    ]);
    expect(issuesOf('SSH_KEY', { privateKey: 'nope', publicKey: 'nope' })).toEqual([
      { path: 'privateKey', message: 'must be an OpenSSH or PEM private key' },
      { path: 'publicKey', message: 'must be one OpenSSH public key line: <algorithm> <base64> [comment]' },
    ]);
  });

  test('reports a passphrase of the wrong type once, not also as missing', () => {
    expect(issuesOf('SSH_KEY', { privateKey: encryptedRsaPem('pkcs8'), passphrase: 1234 })).toEqual([
      { path: 'passphrase', message: 'must be a string' },
    ]);
  });
});
