// Reading X.509 certificates: node-forge first, Node's X509Certificate for what forge cannot read (forge only
// knows RSA public keys, so EC and Ed25519 certificates fall through).
import { createHash, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { InvalidSecretValueError } from '../../lib/errors.js';
import { pemBlocks } from './pem.js';

/** Facts about a certificate that later features (SSO, certificate expiry) need. */
export interface CertificateFacts {
  notBefore: Date;
  notAfter: Date;
  /** Relative distinguished names in certificate order, e.g. `C=US, O=Example, CN=example.com`. */
  subject: string;
  issuer: string;
  /** SHA-256 of the DER encoding, lowercase hex without colons. */
  fingerprintSha256: string;
}

export type CertificateRead = { facts: CertificateFacts } | { problem: 'not-a-certificate' | 'several-certificates' };

/** Throws InvalidSecretValueError (path '') when `pem` is not exactly one readable PEM certificate. */
export function parseCertificate(pem: string): CertificateFacts {
  const read = readCertificate(pem);
  if ('problem' in read) throw new InvalidSecretValueError([{ path: '', message: CERTIFICATE_PROBLEMS[read.problem] }]);
  return read.facts;
}

export const CERTIFICATE_PROBLEMS = {
  'not-a-certificate': 'must be a PEM certificate (-----BEGIN CERTIFICATE-----)',
  'several-certificates': 'must hold exactly one certificate; put intermediates in chain',
} as const;

export function readCertificate(pem: string): CertificateRead {
  const blocks = pemBlocks(pem).filter((block) => block.label === 'CERTIFICATE');
  if (blocks.length > 1) return { problem: 'several-certificates' };
  if (blocks.length === 0) return { problem: 'not-a-certificate' };
  const facts = readWithForge(blocks[0].text) ?? readWithNode(blocks[0].text);
  return facts ? { facts } : { problem: 'not-a-certificate' };
}

/** False also when either side cannot be read: a key that cannot be checked is not a matching key. */
export function certificateMatchesPrivateKey(pem: string, key: KeyObject): boolean {
  try {
    return new X509Certificate(pem).checkPrivateKey(key);
  } catch {
    return false;
  }
}

function readWithForge(pem: string): CertificateFacts | undefined {
  try {
    const certificate = forge.pki.certificateFromPem(pem);
    const der = Buffer.from(forge.pem.decode(pem)[0].body, 'binary');
    return validFacts({
      notBefore: certificate.validity.notBefore,
      notAfter: certificate.validity.notAfter,
      subject: formatForgeName(certificate.subject.attributes),
      issuer: formatForgeName(certificate.issuer.attributes),
      fingerprintSha256: createHash('sha256').update(der).digest('hex'),
    });
  } catch {
    return undefined;
  }
}

function readWithNode(pem: string): CertificateFacts | undefined {
  try {
    const certificate = new X509Certificate(pem);
    return validFacts({
      notBefore: new Date(certificate.validFrom),
      notAfter: new Date(certificate.validTo),
      subject: certificate.subject.split('\n').join(', '),
      issuer: certificate.issuer.split('\n').join(', '),
      fingerprintSha256: createHash('sha256').update(certificate.raw).digest('hex'),
    });
  } catch {
    return undefined;
  }
}

function formatForgeName(attributes: forge.pki.CertificateField[]): string {
  return attributes.map((a) => `${a.shortName ?? a.name ?? a.type}=${String(a.value)}`).join(', ');
}

function validFacts(facts: CertificateFacts): CertificateFacts | undefined {
  const hasValidDates = !Number.isNaN(facts.notBefore.getTime()) && !Number.isNaN(facts.notAfter.getTime());
  return hasValidDates ? facts : undefined;
}
