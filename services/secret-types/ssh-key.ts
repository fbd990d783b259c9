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
  const isPassphraseUsable = raw.passphrase === undefined || typeof raw.passphrase === 'string';
  const expectedPublicBlob =
    privateKey !== undefined && isPassphraseUsable ? checkPrivateKey(privateKey, stringField(raw, 'passphrase'), ctx) : undefined;

  const publicKey = stringField(raw, 'publicKey');
  if (publicKey === undefined) return;
  const read = readOpenSshPublicKey(publicKey);
  if ('problem' in read) addIssue(ctx, read.problem, ['publicKey']);
  else if (expectedPublicBlob && !expectedPublicBlob.equals(read.blob)) addIssue(ctx, 'does not match the private key', ['publicKey']);
});

const PEM_KEY_PROBLEMS = {
  'not-a-private-key': { path: 'privateKey', message: 'must be an OpenSSH or PEM private key' },
  'passphrase-missing': { path: 'passphrase', message: 'is required: the private key is encrypted' },
  'passphrase-wrong': { path: 'passphrase', message: 'does not decrypt the private key' },
} as const;

/** Reports what is wrong with the private key; returns the SSH blob of its public half when that is known. */
function checkPrivateKey(text: string, passphrase: string | undefined, ctx: z.RefinementCtx): Buffer | undefined {
  if (isOpenSshPrivateKey(text)) {
    const key = readOpenSshPrivateKey(text);
    if (!key) {
      addIssue(ctx, PEM_KEY_PROBLEMS['not-a-private-key'].message, ['privateKey']);
      return undefined;
    }
    // Checking the passphrase of an OpenSSH key needs bcrypt-pbkdf, which Node lacks; only its presence is checked.
    if (key.isEncrypted && passphrase === undefined) addIssue(ctx, PEM_KEY_PROBLEMS['passphrase-missing'].message, ['passphrase']);
    return key.publicBlob;
  }
  const load = loadPemPrivateKey(text, passphrase);
  if ('key' in load) return sshPublicBlobOf(load.key);
  const problem = PEM_KEY_PROBLEMS[load.problem];
  addIssue(ctx, problem.message, [problem.path]);
  return undefined;
}
