// CERTIFICATE: an X.509 certificate, optionally its private key and the chain up to a root.
import { z } from 'zod';
import { loadPemPrivateKey } from './pem.js';
import { addIssue, stringField, withObjectRule, type ValueShape } from './shape-support.js';
import { CERTIFICATE_PROBLEMS, certificateMatchesPrivateKey, readCertificate } from './x509.js';

const pemCertificate = z.string().superRefine((pem, ctx) => {
  const read = readCertificate(pem);
  if ('problem' in read) addIssue(ctx, CERTIFICATE_PROBLEMS[read.problem]);
});

// There is no passphrase field, so an encrypted key could never be used by whoever reads the secret.
const pemPrivateKey = z.string().superRefine((pem, ctx) => {
  const load = loadPemPrivateKey(pem);
  if (!('problem' in load)) return;
  addIssue(ctx, load.problem === 'not-a-private-key' ? 'must be a PEM private key' : 'must not be encrypted');
});

const certificateFields = z
  .object({
    certificate: pemCertificate,
    privateKey: pemPrivateKey.optional(),
    chain: z.array(pemCertificate).optional(),
  })
  .strict();

export const certificateShape: ValueShape = withObjectRule(certificateFields, (raw, ctx) => {
  const certificate = stringField(raw, 'certificate');
  const privateKey = stringField(raw, 'privateKey');
  if (certificate === undefined || privateKey === undefined) return;
  const load = loadPemPrivateKey(privateKey);
  const read = readCertificate(certificate);
  // Each unreadable side has its own field issue already.
  if ('problem' in load || 'problem' in read) return;
  if (!certificateMatchesPrivateKey(certificate, load.key)) addIssue(ctx, 'does not match the certificate', ['privateKey']);
});
