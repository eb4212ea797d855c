import { randomUUID } from 'node:crypto';
import {
  generateUserKeys,
  issueCertificate,
  randomSerial,
  signChallenge,
  type LoginChallenge,
  type Suite,
  type UserKeys,
} from '@zhengcai/seal';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { certificates } from '../../src/db/schema';
import { issueChallenge } from '../../src/modules/certificates/challenges';
import type { Session, TestApp } from './test-app';

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

/**
 * Issues a certificate bundle for a user straight through the CA and the table (for tests that need one without
 * going through enrolment): real X.509 certificates, so login and signature checks accept them.
 */
export async function insertBundle(
  t: TestApp,
  user: { id: string; organisationId: string | null; displayName: string; role: string },
  opts: { revoked?: boolean } = {},
): Promise<Enrolled> {
  const { ca, suite } = await t.services.platformKeys.get();
  const keys = await generateUserKeys(suite);
  const now = t.clock.now();
  const validity = { notBefore: now, notAfter: new Date(now.getTime() + 2 * 365 * 86_400_000) };
  const subject = { userId: user.id, organisationId: user.organisationId, name: user.displayName, role: user.role };
  const bundleId = randomUUID();
  const out: Partial<Record<'signing' | 'encryption', { id: string; serial: string; fingerprint: string }>> = {};
  for (const usage of ['signing', 'encryption'] as const) {
    const publicKey = keys[usage].publicKey;
    const cert = await issueCertificate({ ca, subject, publicKey, usage, validity, serial: randomSerial() });
    const [row] = await t.services.db
      .insert(certificates)
      .values({
        bundleId,
        userId: user.id,
        organisationId: user.organisationId,
        suite,
        usage,
        serial: cert.serial,
        subject: `CN=${user.displayName}`,
        publicKey,
        fingerprint: cert.fingerprint,
        certificatePem: cert.pem,
        notBefore: validity.notBefore,
        notAfter: validity.notAfter,
        issuedAt: now,
        revokedAt: opts.revoked ? now : null,
        revocationReason: opts.revoked ? 'key_lost' : null,
      })
      .returning({ id: certificates.id });
    if (!row) throw new Error('no certificate');
    out[usage] = { id: row.id, serial: cert.serial, fingerprint: cert.fingerprint };
  }
  if (!out.signing || !out.encryption) throw new Error('no bundle');
  return { keys, bundleId, signing: out.signing, encryption: out.encryption };
}

/** An open enrolment challenge for a user, as POST /api/certificates/enrolment-challenge makes (inject's origin). */
export async function enrolmentBodyFor(t: TestApp, userId: string): Promise<Record<string, unknown>> {
  const issued = await issueChallenge(t.services, 'enrolment', INJECT_ORIGIN, userId);
  const keys = await generateUserKeys(t.services.config.cryptoSuite);
  return {
    challengeId: issued.challengeId,
    signingPublicKey: keys.signing.publicKey,
    encryptionPublicKey: keys.encryption.publicKey,
    signature: await signChallenge(keys.suite, keys.signing.privateKey, issued.challenge),
  };
}

/** The origin the server sees for `app.inject` requests without an Origin header. */
export const INJECT_ORIGIN = 'http://localhost';
