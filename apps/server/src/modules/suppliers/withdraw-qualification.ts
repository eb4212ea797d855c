import { eq } from 'drizzle-orm';
import { supplierQualifications } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { findOrganisation } from '../registry/repo';
import { supplierFileAbilities } from './policy';
import { findQualification } from './repo';

/** A supplier withdraws one of its qualifications; the row and the scan stay as evidence. */
export async function withdrawQualification(s: Services, viewer: UserViewer, organisationId: string, id: string) {
  return s.db.transaction(async (tx) => {
    const org = await findOrganisation(tx, organisationId, true);
    if (!org) throw new AppError('NOT_FOUND');
    const can = supplierFileAbilities(viewer, org);
    if (!can.view) throw new AppError('NOT_FOUND');
    const row = await findQualification(tx, org.id, id, true);
    if (!row) throw new AppError('NOT_FOUND');
    if (!can.edit) throw new AppError('FORBIDDEN');
    if (row.withdrawnAt) throw new AppError('INVALID_STATE', { state: 'withdrawn' });
    const now = s.clock.now();
    const [updated] = await tx
      .update(supplierQualifications)
      .set({ withdrawnAt: now, withdrawnBy: viewer.userId })
      .where(eq(supplierQualifications.id, row.id))
      .returning();
    await appendEvent(tx, s.clock, {
      type: 'supplier.qualification_withdrawn',
      payload: { organisationId: org.id, qualificationId: row.id, title: row.title },
      actor: actorOf(viewer),
      subject: { type: 'organisation', id: org.id },
      audience: { kind: 'organisation', organisationId: org.id },
    });
    if (!updated) throw new Error('update returned nothing');
    return updated;
  });
}
