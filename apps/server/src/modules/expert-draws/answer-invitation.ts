import { nextState, SEAT_TRANSITIONS, type SeatEvent } from '@zhengcai/domain';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { expertDrawSeats } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent, type Actor } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { findProjectAndLot } from '../opening/repo';
import { findSeat, lockLot, type SeatRow } from './repo';
import { drawSubject } from './request-draw';
import { markIfComplete, recordDecline, type LotContext } from './seats';

const SYSTEM: Actor = { userId: null, organisationId: null };

/** Status names for the "already answered" error, in both languages. */
const STATUS_TEXT = {
  standby: { zh: '待递补', en: 'standby' },
  invited: { zh: '待确认', en: 'awaiting an answer' },
  confirmed: { zh: '已确认参加', en: 'confirmed' },
  declined: { zh: '已拒绝', en: 'declined' },
  timed_out: { zh: '逾期未确认', en: 'not answered in time' },
} as const;

async function lockedSeat(tx: Tx, seatId: string, lotId: string): Promise<SeatRow | null> {
  await lockLot(tx, lotId);
  const [row] = await tx.select().from(expertDrawSeats).where(eq(expertDrawSeats.id, seatId)).for('update');
  return row ?? null;
}

/**
 * The expert's own seat, locked, with the lot; anyone else's seat — and a reserve's seat not yet offered — is "not
 * found". A seat that cannot take `event` now is refused with its status.
 */
async function ownSeat(
  tx: Tx,
  viewer: UserViewer,
  seatId: string,
  event: SeatEvent,
): Promise<{ seat: SeatRow; where: LotContext }> {
  const found = await findSeat(tx, seatId);
  if (!found || found.expertUserId !== viewer.userId || found.status === 'standby') throw new AppError('NOT_FOUND');
  const seat = await lockedSeat(tx, seatId, found.lotId);
  const where = await findProjectAndLot(tx, found.lotId);
  if (!seat || !where) throw new AppError('NOT_FOUND');
  if (!nextState(SEAT_TRANSITIONS, seat.status, event)) {
    const text = STATUS_TEXT[seat.status];
    throw new AppError('INVITATION_ANSWERED', { statusZh: text.zh, statusEn: text.en });
  }
  return { seat, where };
}

/** The drawn expert confirms that they will sit. When it completes the committee, the host is told. */
export async function confirmInvitation(s: Services, viewer: UserViewer, seatId: string): Promise<void> {
  await s.db.transaction(async (tx) => {
    const { seat, where } = await ownSeat(tx, viewer, seatId, 'confirm');
    await tx
      .update(expertDrawSeats)
      .set({ status: 'confirmed', respondedAt: s.clock.now() })
      .where(eq(expertDrawSeats.id, seat.id));
    await appendEvent(tx, s.clock, {
      type: 'expert_draw.expert_confirmed',
      payload: {
        drawId: seat.drawId,
        projectId: where.project.id,
        lotId: where.lot.id,
        seatId: seat.id,
        expertUserId: seat.expertUserId,
        seat: seat.seat ?? 0,
      },
      actor: actorOf(viewer),
      subject: drawSubject(where.lot.id),
      audience: { kind: 'oversight' },
    });
    await markIfComplete(tx, s, where, actorOf(viewer));
  });
}

/** The drawn expert declines, with a reason; the next reserve is called (or the seat waits for a supplementary draw). */
export async function declineInvitation(
  s: Services,
  viewer: UserViewer,
  seatId: string,
  reason: string,
): Promise<void> {
  await s.db.transaction(async (tx) => {
    const { seat, where } = await ownSeat(tx, viewer, seatId, 'decline');
    await recordDecline(tx, s, where, seat, { reason, timedOut: false, actor: actorOf(viewer) });
  });
}

/**
 * The `expert_draw.confirm_timeout` job at a seat's deadline: an expert still silent is counted as declining
 * (recorded as `timed_out`, by the platform), and the next reserve is called. An answered seat is left alone.
 */
export async function confirmTimeoutJob(tx: Tx, s: Services, seatId: string): Promise<void> {
  const found = await findSeat(tx, seatId);
  if (!found) return;
  const seat = await lockedSeat(tx, seatId, found.lotId);
  if (!seat || seat.status !== 'invited' || !seat.respondBy || seat.respondBy > s.clock.now()) return;
  const where = await findProjectAndLot(tx, seat.lotId);
  if (!where) return;
  await recordDecline(tx, s, where, seat, {
    reason: '未在确认时限内答复 / No answer before the deadline',
    timedOut: true,
    actor: SYSTEM,
  });
}
