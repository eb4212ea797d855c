import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { certificates } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { accountAudience } from '../auth/audience';
import { certificateAbilities } from './policy';
import { bundleRows, type CertificateRow } from './repo';
import { HOLDER_REASONS, type REVOCATION_REASONS } from './schemas';

type Reason = (typeof REVOCATION_REASONS)[number];

/** Revokes both certificates of a bundle inside the caller's transaction and records `certificate.revoked`. */
export async function revokeBundleInTx(
  tx: Tx,
  s: Services,
  viewer: UserViewer,
  bundleId: string,
  input: { reason: Reason; note: string | null },
): Promise<void> {
  const now = s.clock.now();
  const revoked = await tx
    .update(certificates)
    .set({ revokedAt: now, revocationReason: input.reason })
    .where(and(eq(certificates.bundleId, bundleId), isNull(certificates.revokedAt)))
    .returning();
  const holder = revoked[0];
  if (!holder) throw new AppError('INVALID_STATE', { state: 'revoked' });
  await appendEvent(tx, s.clock, {
    type: 'certificate.revoked',
    payload: {
      bundleId,
      userId: holder.userId,
      serials: revoked.map((r) => r.serial).sort(),
      reason: input.reason,
      note: input.note,
      byHolder: holder.userId === viewer.userId,
    },
    actor: actorOf(viewer),
    subject: { type: 'user', id: holder.userId },
    audience: accountAudience(holder.organisationId),
  });
}

/**
 * Revocation (C2): the holder revokes their own bundle (key lost, compromised, superseded); centre staff and the
 * administrator revoke anyone's with any reason. Someone else's bundle is "not found" to everyone else. A revoked
 * certificate is refused everywhere at once, because every use goes through findUsableCertificates.
 */
export async function revokeBundle(
  s: Services,
  viewer: UserViewer,
  bundleId: string,
  input: { reason: Reason; note?: string | undefined },
): Promise<CertificateRow[]> {
  return s.db.transaction(async (tx) => {
    const rows = await tx.select().from(certificates).where(eq(certificates.bundleId, bundleId)).for('update');
    const first = rows[0];
    if (!first) throw new AppError('NOT_FOUND');
    const may = certificateAbilities(viewer, first.userId);
    if (!may.view) throw new AppError('NOT_FOUND');
    if (!may.revoke) throw new AppError('FORBIDDEN');
    if (may.own && !(HOLDER_REASONS as readonly string[]).includes(input.reason) && !may.staff) {
      throw new AppError('VALIDATION_FAILED', {}, [
        {
          field: 'body.reason',
          reason: {
            zh: '证书持有人只能以“密钥丢失”“密钥泄露”或“已被取代”为由吊销',
            en: 'A holder revokes for a lost key, a compromised key or a superseded certificate only',
          },
        },
      ]);
    }
    if (rows.every((r) => r.revokedAt)) throw new AppError('INVALID_STATE', { state: 'revoked' });
    await revokeBundleInTx(tx, s, viewer, bundleId, { reason: input.reason, note: input.note ?? null });
    return bundleRows(tx, bundleId);
  });
}
