import type { Executor } from '../../db/client';
import { AppError } from '../../platform/errors/app-error';
import type { Viewer } from '../../platform/policy/actor';
import { hallRoleOf, type HallRole } from './policy';
import {
  findHall,
  findProjectAndLot,
  listOpeningBids,
  type HallRow,
  type LotRow,
  type OpeningBidRow,
  type ProjectRow,
} from './repo';

export interface HallContext {
  hall: HallRow;
  project: ProjectRow;
  lot: LotRow;
  bids: OpeningBidRow[];
  role: HallRole;
}

/** The hall of a lot with its project, lot and bids, and the caller's role; 404 when it does not exist (yet). */
export async function loadHall(db: Executor, viewer: Viewer, lotId: string): Promise<HallContext> {
  const hall = await findHall(db, lotId);
  const found = hall ? await findProjectAndLot(db, lotId) : null;
  if (!hall || !found) throw new AppError('NOT_FOUND');
  const bids = await listOpeningBids(db, lotId);
  return { hall, ...found, bids, role: hallRoleOf(viewer, found.project, bids) };
}

/** The bid of this hall (404 when the submission is not in this lot's hall). */
export function bidOf(ctx: HallContext, submissionId: string): OpeningBidRow {
  const bid = ctx.bids.find((b) => b.submissionId === submissionId);
  if (!bid) throw new AppError('NOT_FOUND');
  return bid;
}
