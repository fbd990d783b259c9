// SSH_KEY: an SSH private key (OpenSSH or PEM format), optionally its public key line and its passphrase.
import { z } from 'zod';
import { isOpenSshPrivateKey, readOpenSshPrivateKey, readOpenSshPublicKey, sshPublicBlobOf } from './openssh.js';
import { loadPemPrivateKey } from './pem.js';
import { addIssue, stringField, withObjectRule, type ValueShape } from './shape-support.js';

const sshKeyFields = z
  .object({
    privateKey: z.string(),
    publicKey: z.string().optional(),
    passphrase: z.string().optional(),
  })
  .strict();

export const sshKeyShape: ValueShape = withObjectRule(sshKeyFields, (raw, ctx) => {
  const privateKey = stringField(raw, 'privateKey');
  const inspected = privateKey === undefined ? {} : inspectPrivateKey(privateKey, stringField(raw, 'passphrase'));
  // A passphrase of the wrong type has its own issue; "is required" beside it would mislead.
  const isPassphraseUsable = raw.passphrase === undefined || typeof raw.passphrase === 'string';
  if (inspected.problem && (inspected.problem.path === 'privateKey' || isPassphraseUsable)) {
    addIssue(ctx, inspected.problem.message, [inspected.problem.path]);
  }

  const publicKey = stringField(raw, 'publicKey');
  if (publicKey === undefined) return;
  const read = readOpenSshPublicKey(publicKey);
  if ('problem' in read) addIssue(ctx, read.problem, ['publicKey']);
  else if (inspected.publicBlob && !inspected.publicBlob.equals(read.blob)) addIssue(ctx, 'does not match the private key', ['publicKey']);
});

const KEY_PROBLEMS = {
  'not-a-private-key': { path: 'privateKey', message: 'must be an OpenSSH or PEM private key' },
  'passphrase-missing': { path: 'passphrase', message: 'is required: the private key is encrypted' },
  'passphrase-wrong': { path: 'passphrase', message: 'does not decrypt the private key' },
} as const;

interface PrivateKeyInspection {
  /** The SSH wire encoding of the public half, when it can be known. */
  publicBlob?: Buffer;
  problem?: (typeof KEY_PROBLEMS)[keyof typeof KEY_PROBLEMS];
}

function inspectPrivateKey(text: string, passphrase: string | undefined): PrivateKeyInspection {
  if (isOpenSshPrivateKey(text)) {
    const key = readOpenSshPrivateKey(text);
    if (!key) return { problem: KEY_PROBLEMS['not-a-private-key'] };
    // Checking the passphrase of an OpenSSH key needs bcrypt-pbkdf, which Node lacks; only its presence is checked.
    const isMissingPassphrase = key.isEncrypted && passphrase === undefined;
    return { publicBlob: key.publicBlob, problem: isMissingPassphrase ? KEY_PROBLEMS['passphrase-missing'] : undefined };
  }
  const load = loadPemPrivateKey(text, passphrase);
  return 'key' in load ? { publicBlob: sshPublicBlobOf(load.key) } : { problem: KEY_PROBLEMS[load.problem] };
}
