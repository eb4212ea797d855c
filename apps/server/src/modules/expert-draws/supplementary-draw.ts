import { committeeStateOfSeats, supplementaryDrawRequest, type ExpertDrawRequest } from '@zhengcai/domain';
import { AppError } from '../../platform/errors/app-error';
import type { UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { findProjectAndLot } from '../opening/repo';
import { distinctParties, partiesOf } from './draw-input';
import { DRAW_DEFAULTS, assertLotDrawable } from './lot-check';
import { assertDrawHost } from './policy';
import { findDraw, lockLot, type DrawRow } from './repo';
import { commitDraw } from './request-draw';
import { committeeNow } from './seats';

/**
 * The reserves are used up and a seat is empty: the host commits a supplementary draw for the empty seats, with a
 * fresh seed and its own commitment, over the pool as it is now, everyone drawn for the lot so far excluded
 * (`supplementaryDrawRequest`, ADR 0018). It is run like the first draw.
 */
export async function requestSupplementaryDraw(
  s: Services,
  viewer: UserViewer,
  drawId: string,
  input: { reserves?: number | undefined },
): Promise<DrawRow> {
  const draw = await findDraw(s.db, drawId);
  if (!draw) throw new AppError('NOT_FOUND');
  const where = await findProjectAndLot(s.db, draw.lotId);
  if (!where) throw new Error('draw without lot');
  assertDrawHost(viewer, where.project);
  return s.db.transaction(async (tx) => {
    await lockLot(tx, draw.lotId);
    await assertLotDrawable(tx, where.project, draw.lotId);
    const { draws, records, first, progress } = await committeeNow(tx, draw.lotId);
    if (!first || !progress) throw new AppError('NOT_FOUND');
    if (draws.some((d) => d.state === 'committed')) throw new AppError('SUPPLEMENTARY_DRAW_PENDING');
    if (progress.status !== 'vacant') throw new AppError('SUPPLEMENTARY_DRAW_NOT_NEEDED');
    const original: ExpertDrawRequest = first.request;
    const base = supplementaryDrawRequest(original, committeeStateOfSeats(records), {
      reserves: input.reserves ?? DRAW_DEFAULTS.reserves,
      drawAt: s.clock.now(),
    });
    // Bidders who came in since the first draw are avoided too.
    const parties = await partiesOf(tx, where.project, draw.lotId);
    const request: ExpertDrawRequest = {
      ...base,
      bidders: distinctParties([...original.bidders, ...parties.bidders]),
    };
    return commitDraw(tx, s, viewer, {
      ...where,
      request,
      purchaserRepresentatives: first.purchaserRepresentatives,
      supplementOf: first.id,
    });
  });
}
