import { createKeyFile, generateUserKeys, signChallenge, type KeyFile } from '@zhengcai/seal';
import { api } from '../../api/client';
import type { ApiError } from '../../api/errors';
import type { Me } from '../../app/auth';
import type { Bundle } from './bundles-table';
import { keyStore } from './key-store';

export type EnrolStep = 'keys' | 'certificate' | 'file' | 'done';

export type EnrolOutcome =
  { ok: true; bundle: Bundle; file: KeyFile } | { ok: false; error: ApiError | 'ORIGIN_MISMATCH' };

/**
 * Enrolment in the browser (C2): get the server's challenge and suite, make the two key pairs HERE, sign the
 * challenge with the new signing key (proof of possession), send only the public keys, then seal the private keys
 * in a password-protected key file. The private keys never leave this function except inside that file.
 */
export async function enrolInBrowser(params: {
  me: Me;
  password: string;
  keep: boolean;
  revokePrevious: boolean;
  onStep: (step: EnrolStep) => void;
}): Promise<EnrolOutcome> {
  const { me, password, onStep } = params;
  onStep('keys');
  const started = await api.POST('/api/certificates/enrolment-challenge');
  if (started.error) return { ok: false, error: started.error };
  const { challenge, challengeId, suite } = started.data;
  // Sign only what this site asked for (a challenge relayed from another site is refused).
  if (challenge.origin !== window.location.origin) return { ok: false, error: 'ORIGIN_MISMATCH' };
  const keys = await generateUserKeys(suite);
  const signature = await signChallenge(suite, keys.signing.privateKey, challenge);

  onStep('certificate');
  const issued = await api.POST('/api/certificates', {
    body: {
      challengeId,
      signature,
      signingPublicKey: keys.signing.publicKey,
      encryptionPublicKey: keys.encryption.publicKey,
      revokePrevious: params.revokePrevious,
    },
  });
  if (issued.error) return { ok: false, error: issued.error };

  onStep('file');
  const file = await createKeyFile(keys, password, {
    subject: { userId: me.user.id, login: me.user.login, organisationId: me.organisation?.id ?? null },
  });
  if (params.keep) await keyStore.keep(file).catch(() => undefined);
  onStep('done');
  return { ok: true, bundle: issued.data, file };
}
