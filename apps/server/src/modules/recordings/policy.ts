import type { Executor } from '../../db/client';
import { AppError } from '../../platform/errors/app-error';
import { roleMay } from '@zhengcai/domain';
import type { UserViewer, Viewer } from '../../platform/policy/actor';
import { isOpeningHost } from '../opening/policy';
import { findLotWithProject, type LotRow, type ProjectRow } from './repo';

/** Recordings are evidence for oversight: supervisors, the trading centre and administrators play them back. */
export function mayWatchRecordings(viewer: Viewer): boolean {
  return viewer.kind === 'user' && roleMay(viewer.role, 'watchRecordings');
}

/**
 * The lot whose opening the caller hosts. A lot that does not exist, or whose project is not published (a draft has
 * no opening), is "not found"; a published lot is public, so a caller who is not its host is told so (403).
 */
export async function assertHostsLot(
  db: Executor,
  viewer: UserViewer,
  lotId: string,
): Promise<{ project: ProjectRow; lot: LotRow }> {
  const found = await findLotWithProject(db, lotId);
  if (!found || found.project.status !== 'published') throw new AppError('NOT_FOUND');
  if (!isOpeningHost(viewer, found.project)) throw new AppError('HALL_ROLE_REQUIRED', { role: 'host' });
  return found;
}
