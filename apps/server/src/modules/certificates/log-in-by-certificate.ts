import { verifyChallengeSignature } from '@zhengcai/seal';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { organisations } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import type { Services } from '../../services';
import { lockUserRow } from '../auth/repo';
import { startSession, type LoginResult } from '../auth/start-session';
import { challengeOf, consumeChallenge, findOpenChallenge } from './challenges';
import { certificateRowIsGenuine } from './certificate-check';
import { certificateStatus } from './status';
import { findCertificate, findUsableCertificates } from './repo';
import type { certificateLoginBody } from './schemas';

/**
 * Login by certificate (C2). The browser opened the user's key file, signed a login challenge with the signing key
 * and names the certificate. Refused, each with its own bilingual error: an unknown, revoked, expired or superseded
 * certificate, a signature that does not verify with it, a challenge that is unknown, replayed or expired, an account
 * that is locked, pending or disabled, an organisation that is not active. On success the session is made exactly as
 * password login makes it (auth/start-session.ts) and the challenge is used up in the same transaction.
 *
 * Failed attempts do not count towards the password lock-out: without the private key nobody can produce a valid
 * signature, so there is nothing to guess (the route is rate-limited like password login).
 */
export async function logInByCertificate(
  s: Services,
  input: z.infer<typeof certificateLoginBody>,
  origin: string,
): Promise<LoginResult> {
  const now = s.clock.now();
  const challengeRow = await findOpenChallenge(s.db, {
    id: input.challengeId,
    purpose: 'login',
    origin,
    userId: null,
    now,
  });
  const certificate = await findCertificate(
    s.db,
    input.serial !== undefined
      ? { serial: input.serial }
      : input.fingerprint !== undefined
        ? { fingerprint: input.fingerprint }
        : { publicKey: input.publicKey ?? '' },
  );
  if (!certificate || certificate.usage !== 'signing') throw new AppError('CERTIFICATE_UNKNOWN');
  const status = certificateStatus(certificate, now);
  if (status === 'revoked') {
    throw new AppError('CERTIFICATE_REVOKED', { revokedAt: certificate.revokedAt?.toISOString() ?? '' });
  }
  if (status !== 'valid') {
    throw new AppError('CERTIFICATE_EXPIRED', {
      notBefore: certificate.notBefore.toISOString(),
      notAfter: certificate.notAfter.toISOString(),
    });
  }
  if (!(await certificateRowIsGenuine(s, certificate, now))) throw new AppError('CERTIFICATE_UNKNOWN');
  if (
    certificate.suite !== s.config.cryptoSuite ||
    !(await verifyChallengeSignature(
      certificate.suite,
      certificate.publicKey,
      challengeOf(challengeRow),
      input.signature,
    ))
  ) {
    throw new AppError('SIGNATURE_INVALID');
  }
  const usable = await findUsableCertificates(s.db, certificate.userId, now);
  if (!usable) throw new AppError('CERTIFICATE_REVOKED', { revokedAt: '' });
  if (usable.signing.id !== certificate.id) throw new AppError('CERTIFICATE_SUPERSEDED');

  return s.db.transaction(async (tx) => {
    const user = await lockUserRow(tx, certificate.userId);
    if (!user) throw new AppError('CERTIFICATE_UNKNOWN');
    if (user.lockedUntil && user.lockedUntil > now) {
      throw new AppError('ACCOUNT_LOCKED', { until: user.lockedUntil.toISOString() });
    }
    if (user.status === 'pending') throw new AppError('ACCOUNT_PENDING');
    if (user.status === 'disabled') throw new AppError('ACCOUNT_DISABLED');
    const [organisation] = user.organisationId
      ? await tx.select().from(organisations).where(eq(organisations.id, user.organisationId))
      : [];
    if (organisation && organisation.status !== 'active') {
      throw new AppError('ORGANISATION_NOT_ACTIVE', { state: organisation.status });
    }
    await consumeChallenge(tx, challengeRow.id, now);
    return startSession(tx, s, user, 'certificate');
  });
}
