import { eq } from 'drizzle-orm';
import { transactionCertificates } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { lockCertificate, type CertificateRow } from './repo';

/**
 * Centre staff revoke a certificate (e.g. the award was set aside after a complaint), with a reason that the public
 * verification page shows. Final: a revoked certificate stays revoked; its facts and signature are kept as issued.
 */
export async function revokeTransactionCertificate(
  s: Services,
  viewer: UserViewer,
  number: string,
  reason: string,
): Promise<CertificateRow> {
  return s.db.transaction(async (tx) => {
    const row = await lockCertificate(tx, number);
    if (!row) throw new AppError('TRANSACTION_CERTIFICATE_NOT_FOUND', { number });
    if (row.revokedAt) {
      throw new AppError('TRANSACTION_CERTIFICATE_REVOKED', { number, revokedAt: row.revokedAt.toISOString() });
    }
    const at = s.clock.now();
    const [updated] = await tx
      .update(transactionCertificates)
      .set({ revokedAt: at, revocationReason: reason, revokedByUserId: viewer.userId })
      .where(eq(transactionCertificates.id, row.id))
      .returning();
    if (!updated) throw new Error('update returned nothing');
    await appendEvent(tx, s.clock, {
      type: 'award.certificate_revoked',
      payload: { certificateId: row.id, number, projectId: row.projectId, lotId: row.lotId, reason },
      actor: actorOf(viewer),
      subject: { type: 'project', id: row.projectId },
      audience: { kind: 'public' },
    });
    return updated;
  });
}
