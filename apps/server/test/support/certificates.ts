import { generateUserKeys, signChallenge, type LoginChallenge, type Suite, type UserKeys } from '@zhengcai/seal';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Session } from './test-app';

/** What the challenge routes answer. */
export interface ChallengeAnswer {
  challengeId: string;
  challenge: LoginChallenge;
  expiresAt: string;
  suite: Suite;
}

export interface Enrolled {
  keys: UserKeys;
  bundleId: string;
  signing: { id: string; serial: string; fingerprint: string };
  encryption: { id: string; serial: string; fingerprint: string };
}

/** Does in a test what the browser does: makes keys, signs the enrolment challenge, sends the public keys. */
export async function enrolAs(
  session: Session,
  opts: { revokePrevious?: boolean; keys?: UserKeys } = {},
): Promise<Enrolled> {
  const started = await session.inject({ method: 'POST', url: '/api/certificates/enrolment-challenge' });
  if (started.statusCode !== 200) throw new Error(`enrolment challenge: ${started.statusCode} ${started.body}`);
  const { challengeId, challenge, suite } = started.json<ChallengeAnswer>();
  const keys = opts.keys ?? (await generateUserKeys(suite));
  const res = await session.inject({
    method: 'POST',
    url: '/api/certificates',
    payload: {
      challengeId,
      signingPublicKey: keys.signing.publicKey,
      encryptionPublicKey: keys.encryption.publicKey,
      signature: await signChallenge(suite, keys.signing.privateKey, challenge),
      ...(opts.revokePrevious === undefined ? {} : { revokePrevious: opts.revokePrevious }),
    },
  });
  if (res.statusCode !== 201) throw new Error(`enrol: ${res.statusCode} ${res.body}`);
  const bundle = res.json<Omit<Enrolled, 'keys'>>();
  return { keys, bundleId: bundle.bundleId, signing: bundle.signing, encryption: bundle.encryption };
}

export async function loginChallenge(app: FastifyInstance): Promise<ChallengeAnswer> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/certificate/challenge' });
  if (res.statusCode !== 200) throw new Error(`login challenge: ${res.statusCode} ${res.body}`);
  return res.json<ChallengeAnswer>();
}

/** A certificate login body: a fresh challenge signed with `keys`, naming the certificate by `by`. */
export async function certificateLoginBody(
  app: FastifyInstance,
  keys: UserKeys,
  by: { serial: string } | { fingerprint: string } | { publicKey: string },
  challenge?: ChallengeAnswer,
): Promise<Record<string, unknown>> {
  const c = challenge ?? (await loginChallenge(app));
  return {
    challengeId: c.challengeId,
    signature: await signChallenge(keys.suite, keys.signing.privateKey, c.challenge),
    ...by,
  };
}

export function logInByCertificate(
  app: FastifyInstance,
  payload: Record<string, unknown>,
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/auth/certificate/login', payload });
}
