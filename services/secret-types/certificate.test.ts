// CERTIFICATE values and parseCertificate, with real certificates: forge-made RSA ones and an openssl EC one.
import { X509Certificate, generateKeyPairSync } from 'node:crypto';
import { describe, expect } from 'vitest';
import { InvalidSecretValueError } from '../../lib/errors.js';
import { parseCertificate } from './index.js';
import { hasOpenssl, issuesOf, opensslEcIdentity, rsaIdentity, test } from './test-support.js';

const NOT_A_CERTIFICATE = 'must be a PEM certificate (-----BEGIN CERTIFICATE-----)';

describe('CERTIFICATE', () => {
  test('accepts a self-signed certificate with its private key', ({ selfSigned }) => {
    expect(issuesOf('CERTIFICATE', { certificate: selfSigned.certificate, privateKey: selfSigned.privateKey })).toEqual([]);
  });

  test('accepts a CA-issued certificate with its key and chain', ({ issued, rootCA }) => {
    const value = { certificate: issued.certificate, privateKey: issued.privateKey, chain: [rootCA.certificate] };
    expect(issuesOf('CERTIFICATE', value)).toEqual([]);
  });

  test('accepts an expired certificate: expiry is tracked, not refused', () => {
    const expired = rsaIdentity('expired.example.test', {
      notBefore: new Date('2020-01-01T00:00:00Z'),
      notAfter: new Date('2021-01-01T00:00:00Z'),
    });
    expect(issuesOf('CERTIFICATE', { certificate: expired.certificate })).toEqual([]);
  });

  test.skipIf(!hasOpenssl)('accepts an EC certificate that node-forge cannot read, with its key', () => {
    const ec = opensslEcIdentity('ec.example.test');
    expect(issuesOf('CERTIFICATE', { certificate: ec.certificate, privateKey: ec.privateKey })).toEqual([]);
  });

  test('reports a private key of another certificate', ({ selfSigned, stranger }) => {
    expect(issuesOf('CERTIFICATE', { certificate: selfSigned.certificate, privateKey: stranger.privateKey })).toEqual([
      { path: 'privateKey', message: 'does not match the certificate' },
    ]);
  });

  test('reports a private key of another algorithm', ({ selfSigned }) => {
    const ecKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    expect(issuesOf('CERTIFICATE', { certificate: selfSigned.certificate, privateKey: ecKey })).toEqual([
      { path: 'privateKey', message: 'does not match the certificate' },
    ]);
  });

  test('refuses an encrypted private key, since the type has no passphrase', ({ selfSigned }) => {
    const encrypted = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'fake-passphrase' },
    }).privateKey;
    expect(issuesOf('CERTIFICATE', { certificate: selfSigned.certificate, privateKey: encrypted })).toEqual([
      { path: 'privateKey', message: 'must not be encrypted' },
    ]);
  });

  test('refuses a public key or a certificate where the private key belongs', ({ selfSigned }) => {
    const publicKey = new X509Certificate(selfSigned.certificate).publicKey.export({ type: 'spki', format: 'pem' });
    for (const privateKey of [publicKey, selfSigned.certificate]) {
      expect(issuesOf('CERTIFICATE', { certificate: selfSigned.certificate, privateKey })).toEqual([
        { path: 'privateKey', message: 'must be a PEM private key' },
      ]);
    }
  });

  test('refuses a PEM block whose body is not a certificate', ({ selfSigned }) => {
    const damaged = selfSigned.certificate.replace(/\n[A-Za-z0-9+/]{20}/, '\nAAAAAAAAAAAAAAAAAAAA');
    expect(issuesOf('CERTIFICATE', { certificate: damaged })).toEqual([{ path: 'certificate', message: NOT_A_CERTIFICATE }]);
  });

  test('refuses a bundle in the certificate field: intermediates go in chain', ({ issued, rootCA }) => {
    expect(issuesOf('CERTIFICATE', { certificate: issued.certificate + rootCA.certificate })).toEqual([
      { path: 'certificate', message: 'must hold exactly one certificate; put intermediates in chain' },
    ]);
  });

  test('reports the certificate, each bad chain entry and each unknown field together', ({ rootCA }) => {
    const value = { certificate: 'garbage', chain: [rootCA.certificate, 'not pem', 42], privateKey: 'nope', pin: '1234' };
    expect(issuesOf('CERTIFICATE', value)).toEqual([
      { path: 'certificate', message: NOT_A_CERTIFICATE },
      { path: 'privateKey', message: 'must be a PEM private key' },
      { path: 'chain.1', message: NOT_A_CERTIFICATE },
      { path: 'chain.2', message: 'must be a string' },
      { path: 'pin', message: 'is not a field of this secret type' },
    ]);
  });

  test('requires the certificate', () => {
    expect(issuesOf('CERTIFICATE', { chain: [] })).toEqual([{ path: 'certificate', message: 'is required' }]);
  });
});

describe('parseCertificate', () => {
  test('reads validity, names and the SHA-256 fingerprint of an RSA certificate', ({ issued }) => {
    const node = new X509Certificate(issued.certificate);
    expect(parseCertificate(issued.certificate)).toEqual({
      notBefore: new Date(node.validFrom),
      notAfter: new Date(node.validTo),
      subject: 'O=Example Test Org, CN=service.example.test',
      issuer: 'O=Example Test Org, CN=Example Test Root CA',
      fingerprintSha256: node.fingerprint256.replaceAll(':', '').toLowerCase(),
    });
  });

  test.skipIf(!hasOpenssl)('reads an EC certificate through Node, in the same format', () => {
    const { certificate } = opensslEcIdentity('ec.example.test');
    const facts = parseCertificate(certificate);
    expect(facts).toMatchObject({
      subject: 'O=Example Test Org, CN=ec.example.test',
      issuer: 'O=Example Test Org, CN=ec.example.test',
      fingerprintSha256: new X509Certificate(certificate).fingerprint256.replaceAll(':', '').toLowerCase(),
    });
    expect(facts.notAfter.getTime() - facts.notBefore.getTime()).toBe(30 * 24 * 60 * 60 * 1000);
  });

  test('throws InvalidSecretValueError for anything else', () => {
    expect(() => parseCertificate('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----')).toThrow(InvalidSecretValueError);
    expect(() => parseCertificate('')).toThrow(InvalidSecretValueError);
  });
});
