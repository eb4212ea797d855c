import type { Executor } from '../../db/client';
import { AppError } from '../../platform/errors/app-error';
import type { UserViewer } from '../../platform/policy/actor';
import { barRefusal } from '../barred/bar-refusal';
import { findUsableCertificates, type UsableCertificates } from '../certificates/repo';
import { findObtaining } from '../documents/repo';
import { findProjectAndLot, type LotRow, type ProjectRow } from './repo';

/** Bids are accepted while `now < deadline` by the server clock: at the deadline itself, and after, they are not. */
export function assertBeforeDeadline(project: ProjectRow, now: Date): void {
  if (!project.bidDeadline) throw new AppError('LOT_NOT_OPEN', { reason: 'no deadline' });
  if (now.getTime() >= project.bidDeadline.getTime()) {
    throw new AppError('BIDDING_CLOSED', { deadline: project.bidDeadline.toISOString() });
  }
}

export interface MayBid {
  project: ProjectRow;
  lot: LotRow;
  certificates: UsableCertificates;
}

/**
 * Whether this user may bid on this lot now (start, complete, withdraw). The one place for every precondition:
 * an active supplier organisation not on the barred list, a published project whose lot exists and whose documents
 * the organisation obtained (C8), before the deadline, usable (unrevoked, valid) signing and encryption
 * certificates. A project or lot the supplier may not see answers 404.
 */
export async function assertMayBid(
  db: Executor,
  viewer: UserViewer,
  target: { projectId: string; lotId: string },
  now: Date,
): Promise<MayBid> {
  const org = viewer.account.organisation;
  if (!org || org.kind !== 'supplier' || org.status !== 'active') throw new AppError('SUPPLIER_NOT_ACTIVE');
  const found = await findProjectAndLot(db, target.projectId, target.lotId);
  if (!found || found.project.status !== 'published') throw new AppError('NOT_FOUND');
  const barred = await barRefusal(db, org.id, now);
  if (barred) throw barred;
  if (!(await findObtaining(db, found.project.id, org.id))) throw new AppError('DOCUMENTS_NOT_OBTAINED');
  assertBeforeDeadline(found.project, now);
  const certificates = await findUsableCertificates(db, viewer.userId, now);
  if (!certificates) throw new AppError('CERTIFICATE_REQUIRED');
  return { ...found, certificates };
}
