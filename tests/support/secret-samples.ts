// One valid value of every secret type, each carrying distinctive plaintext markers so tests can scan
// databases, logs and responses for leaks. Key material is generated fresh per run.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

export interface SecretSample {
  type: string;
  value: Record<string, unknown>;
  /** Strings that must never appear outside an authorized value read. */
  plaintexts: string[];
}

function selfSignedCertificate(commonName: string) {
  const keys = forge.pki.rsa.generateKeyPair(1024);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date();
  cert.validity.notAfter = new Date(Date.now() + 365 * 86_400_000);
  const attrs = [{ name: 'commonName', value: commonName }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { certificate: forge.pki.certificateToPem(cert), privateKey: forge.pki.privateKeyToPem(keys.privateKey) };
}

/** A distinctive marker: unlikely to occur anywhere by chance. */
export const marker = (label: string) => `PLAINTEXT-${label}-${randomBytes(6).toString('hex')}`;

export function secretSamples(): SecretSample[] {
  const apiKey = marker('apikey');
  const oauth = marker('oauth');
  const password = marker('password');
  const cert = selfSignedCertificate('leak-test.example');
  const ssh = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const sshPassphrase = marker('sshpass');
  const conn = marker('connpw');
  const json = marker('jsoncred');
  const envValue = marker('envval');
  const generic = marker('generic');
  // The PEM bodies are plaintexts too: scan for a long slice from inside each key.
  const pemSlice = (pem: string) => pem.split('\n').slice(2, 3)[0];
  return [
    { type: 'API_KEY', value: { key: apiKey }, plaintexts: [apiKey] },
    { type: 'OAUTH2_TOKEN', value: { clientId: 'client-1', clientSecret: oauth }, plaintexts: [oauth] },
    { type: 'USERNAME_PASSWORD', value: { username: 'svc', password, url: 'https://db.example' }, plaintexts: [password] },
    { type: 'CERTIFICATE', value: cert, plaintexts: [pemSlice(cert.privateKey)] },
    { type: 'SSH_KEY', value: { privateKey: ssh, passphrase: sshPassphrase }, plaintexts: [pemSlice(ssh), sshPassphrase] },
    { type: 'CONNECTION_STRING', value: { connectionString: `postgres://app:${conn}@db.internal:5432/app` }, plaintexts: [conn] },
    { type: 'JSON_CREDENTIAL', value: { type: 'service_account', private_key_id: json }, plaintexts: [json] },
    { type: 'ENV_VARIABLE_SET', value: { variables: { API_TOKEN: envValue, DEBUG: 'false' } }, plaintexts: [envValue] },
    { type: 'GENERIC', value: { value: generic }, plaintexts: [generic] },
  ];
}
