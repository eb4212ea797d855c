import { randomUUID } from 'node:crypto';
import {
  getSuite,
  issueCertificate,
  randomSerial,
  verifyChallengeSignature,
  type CertificateSubject,
} from '@zhengcai/seal';
import type { z } from 'zod';
import { certificates } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { accountAudience } from '../auth/audience';
import { challengeOf, consumeChallenge, findOpenChallenge } from './challenges';
import { assertMayHoldCertificates } from './policy';
import { bundleRows, otherUnrevokedBundles, publicKeyCertified, type CertificateRow } from './repo';
import { revokeBundleInTx } from './revoke';
import type { enrolBody } from './schemas';

/** Validity of user certificates: two years (the usual term of a Chinese CA's 数字证书). */
export const CERTIFICATE_VALIDITY_MS = 2 * 365 * 24 * 3600 * 1000;

/** The subject DN as stored for people to read (RFC 4514 order, most specific first). */
export function subjectText(subject: CertificateSubject): string {
  const escape = (v: string) => v.replace(/([,+"\\<>;=])/g, '\\$1');
  return [
    `CN=${escape(subject.name)}`,
    `UID=${subject.userId}`,
    `OU=${subject.role}`,
    ...(subject.organisationId ? [`organizationIdentifier=${subject.organisationId}`] : []),
  ].join(',');
}

/**
 * Enrolment (C2): the browser made two key pairs, signed the enrolment challenge with the signing key and sends the
 * two public keys. The server checks the proof of possession, then the platform CA certifies both keys (X.509 v3,
 * docs/adr/0009) and the bundle is stored with `certificate.issued`. Older bundles stay valid unless the user asks to
 * revoke them (reason `superseded`); the newest usable bundle is the one used from now on.
 */
export async function enrol(
  s: Services,
  viewer: UserViewer,
  input: z.infer<typeof enrolBody>,
  origin: string,
): Promise<CertificateRow[]> {
  assertMayHoldCertificates(viewer);
  const suiteName = s.config.cryptoSuite;
  const suite = getSuite(suiteName);
  const now = s.clock.now();
  const row = await findOpenChallenge(s.db, {
    id: input.challengeId,
    purpose: 'enrolment',
    origin,
    userId: viewer.userId,
    now,
  });
  for (const [field, key] of [
    ['signingPublicKey', input.signingPublicKey],
    ['encryptionPublicKey', input.encryptionPublicKey],
  ] as const) {
    try {
      suite.assertPublicKey(key);
    } catch {
      throw new AppError('VALIDATION_FAILED', {}, [
        {
          field: `body.${field}`,
          reason: {
            zh: '不是本平台算法套件曲线上的有效公钥',
            en: "Not a valid public key on the platform suite's curve",
          },
        },
      ]);
    }
  }
  if (input.signingPublicKey === input.encryptionPublicKey) {
    throw new AppError('VALIDATION_FAILED', {}, [
      {
        field: 'body.encryptionPublicKey',
        reason: { zh: '签名密钥与加密密钥必须不同', en: 'The signing and encryption keys must differ' },
      },
    ]);
  }
  if (!(await verifyChallengeSignature(suiteName, input.signingPublicKey, challengeOf(row), input.signature))) {
    throw new AppError('SIGNATURE_INVALID');
  }
  if (await publicKeyCertified(s.db, [input.signingPublicKey, input.encryptionPublicKey])) {
    throw new AppError('PUBLIC_KEY_CERTIFIED');
  }

  // The CA key is read outside any transaction (PGlite has one connection).
  const { ca } = await s.platformKeys.get();
  const subject: CertificateSubject = {
    userId: viewer.userId,
    organisationId: viewer.organisationId,
    name: viewer.account.displayName,
    role: viewer.role,
  };
  const validity = { notBefore: now, notAfter: new Date(now.getTime() + CERTIFICATE_VALIDITY_MS) };
  const issue = (usage: 'signing' | 'encryption', publicKey: string) =>
    issueCertificate({ ca, subject, publicKey, usage, validity, serial: randomSerial() });
  const signing = await issue('signing', input.signingPublicKey);
  const encryption = await issue('encryption', input.encryptionPublicKey);
  const bundleId = randomUUID();

  return s.db.transaction(async (tx) => {
    await consumeChallenge(tx, row.id, now);
    const common = {
      bundleId,
      userId: viewer.userId,
      organisationId: viewer.organisationId,
      suite: suiteName,
      subject: subjectText(subject),
      notBefore: validity.notBefore,
      notAfter: validity.notAfter,
      issuedAt: now,
    };
    await tx.insert(certificates).values([
      {
        ...common,
        usage: 'signing',
        serial: signing.serial,
        publicKey: input.signingPublicKey,
        fingerprint: signing.fingerprint,
        certificatePem: signing.pem,
      },
      {
        ...common,
        usage: 'encryption',
        serial: encryption.serial,
        publicKey: input.encryptionPublicKey,
        fingerprint: encryption.fingerprint,
        certificatePem: encryption.pem,
      },
    ]);
    await appendEvent(tx, s.clock, {
      type: 'certificate.issued',
      payload: {
        bundleId,
        userId: viewer.userId,
        suite: suiteName,
        signingSerial: signing.serial,
        encryptionSerial: encryption.serial,
        notAfter: validity.notAfter.toISOString(),
      },
      actor: actorOf(viewer),
      subject: { type: 'user', id: viewer.userId },
      audience: accountAudience(viewer.organisationId),
    });
    if (input.revokePrevious) {
      for (const old of await otherUnrevokedBundles(tx, viewer.userId, bundleId)) {
        await revokeBundleInTx(tx, s, viewer, old, { reason: 'superseded', note: null });
      }
    }
    return bundleRows(tx, bundleId);
  });
}
