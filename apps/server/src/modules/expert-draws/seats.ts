import { committeeProgress, committeeStateOfSeats, replaceDeclined } from '@zhengcai/domain';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { expertDrawSeats } from '../../db/schema';
import type { Actor } from '../../platform/events/append-event';
import { appendEvent } from '../../platform/events/append-event';
import { scheduleJob } from '../../platform/jobs/schedule-job';
import type { Services } from '../../services';
import type { LotRow, ProjectRow } from '../opening/repo';
import { firstDrawOf, seatRecordsOf } from './draw-input';
import { listLotDraws, listLotSeats, type DrawRow, type SeatRow } from './repo';
import { drawSubject } from './request-draw';
import { notifyHost, notifyInvited } from './seat-notices';

export const CONFIRM_TIMEOUT_JOB = 'expert_draw.confirm_timeout';

export interface LotContext {
  project: ProjectRow;
  lot: LotRow;
}

const ref = (where: LotContext, drawId: string) => ({ drawId, projectId: where.project.id, lotId: where.lot.id });

/**
 * Offers a seat to a drawn expert: the seat row becomes `invited` with its confirmation deadline, the expert is
 * notified, the ledger says so (oversight), and a job will count silence after the deadline as declining.
 */
export async function inviteToSeat(
  tx: Tx,
  s: Services,
  where: LotContext,
  seat: SeatRow,
  seatNumber: number,
  actor: Actor,
  steppedInFor: string | null,
): Promise<void> {
  const now = s.clock.now();
  const respondBy = new Date(now.getTime() + s.config.expertConfirmMinutes * 60_000);
  await tx
    .update(expertDrawSeats)
    .set({ status: 'invited', seat: seatNumber, invitedAt: now, respondBy, steppedInFor })
    .where(eq(expertDrawSeats.id, seat.id));
  await appendEvent(tx, s.clock, {
    type: 'expert_draw.expert_invited',
    payload: {
      ...ref(where, seat.drawId),
      seatId: seat.id,
      expertUserId: seat.expertUserId,
      seat: seatNumber,
      steppedInFor,
      respondBy: respondBy.toISOString(),
    },
    actor,
    subject: drawSubject(where.lot.id),
    audience: { kind: 'oversight' },
  });
  await notifyInvited(tx, now, seat.expertUserId, where, respondBy, steppedInFor !== null);
  await scheduleJob(tx, s.clock, {
    kind: CONFIRM_TIMEOUT_JOB,
    payload: { seatId: seat.id },
    runAt: respondBy,
    dedupeKey: `${CONFIRM_TIMEOUT_JOB}:${seat.id}`,
  });
}

/** The lot's committee now: its draws, seats, and where it stands. */
export async function committeeNow(tx: Tx, lotId: string) {
  const draws = await listLotDraws(tx, lotId);
  const seats = await listLotSeats(tx, lotId);
  const first = firstDrawOf(draws);
  const records = seatRecordsOf(draws, seats);
  // Seats exist once the first draw has run; before, there is no committee to measure.
  const progress = first?.state === 'drawn' ? committeeProgress(first.request.members, records) : null;
  return { draws, seats, first, records, progress };
}

/**
 * Calls reserves into empty seats, in draw order, while both remain (after a decline, or after a supplementary
 * draw that brought more reserves than empty seats).
 */
export async function fillVacancies(tx: Tx, s: Services, where: LotContext, actor: Actor): Promise<void> {
  for (;;) {
    const { seats, records, progress } = await committeeNow(tx, where.lot.id);
    const seatNumber = progress?.vacantSeats[0];
    const next = committeeStateOfSeats(records).reserves[0];
    if (seatNumber === undefined || next === undefined) return;
    const reserve = seats.find((r) => r.expertUserId === next && r.status === 'standby');
    if (!reserve) throw new Error('reserve row missing');
    // The seat's last holder, if any, is the one this reserve replaces.
    const last = seats
      .filter((r) => r.seat === seatNumber)
      .sort((a, b) => (b.invitedAt?.getTime() ?? 0) - (a.invitedAt?.getTime() ?? 0))[0];
    await inviteToSeat(tx, s, where, reserve, seatNumber, actor, last?.id ?? null);
  }
}

/**
 * An invited expert declines (or the deadline passes: `timedOut`): the answer is recorded, and the seat goes to the
 * first reserve in draw order (`replaceDeclined`), who is invited in turn; with no reserve left the seat stays empty
 * and the host is told to run a supplementary draw.
 */
export async function recordDecline(
  tx: Tx,
  s: Services,
  where: LotContext,
  seat: SeatRow,
  answer: { reason: string; timedOut: boolean; actor: Actor },
): Promise<void> {
  const before = await committeeNow(tx, where.lot.id);
  const replacement = replaceDeclined(committeeStateOfSeats(before.records), seat.expertUserId);
  if (!replacement.ok && replacement.code !== 'RESERVES_EXHAUSTED') throw new Error(replacement.message.en);
  const now = s.clock.now();
  await tx
    .update(expertDrawSeats)
    .set({ status: answer.timedOut ? 'timed_out' : 'declined', respondedAt: now, declineReason: answer.reason })
    .where(and(eq(expertDrawSeats.id, seat.id), eq(expertDrawSeats.status, 'invited')));
  const seatNumber = seat.seat ?? 0;
  await appendEvent(tx, s.clock, {
    type: 'expert_draw.expert_declined',
    payload: {
      ...ref(where, seat.drawId),
      seatId: seat.id,
      expertUserId: seat.expertUserId,
      seat: seatNumber,
      reason: answer.reason,
      timedOut: answer.timedOut,
    },
    actor: answer.actor,
    subject: drawSubject(where.lot.id),
    audience: { kind: 'oversight' },
  });
  if (replacement.ok) {
    const steppedIn = replacement.steppedIn;
    const reserve = before.seats.find((r) => r.expertUserId === steppedIn && r.status === 'standby');
    if (reserve) await inviteToSeat(tx, s, where, reserve, seatNumber, answer.actor, seat.id);
    return;
  }
  await seatVacant(tx, s, where, before.first, seatNumber, answer.actor);
}

async function seatVacant(
  tx: Tx,
  s: Services,
  where: LotContext,
  first: DrawRow | null,
  seatNumber: number,
  actor: Actor,
): Promise<void> {
  if (!first) throw new Error('a seat without a draw');
  await appendEvent(tx, s.clock, {
    type: 'expert_draw.seat_vacant',
    payload: { ...ref(where, first.id), seat: seatNumber },
    actor,
    subject: drawSubject(where.lot.id),
    audience: { kind: 'organisation', organisationId: first.hostOrganisationId },
  });
  await notifyHost(tx, s.clock.now(), where, 'vacant');
}

/** After a confirmation: when every seat is confirmed, the host is told and the ledger says the committee is complete. */
export async function markIfComplete(tx: Tx, s: Services, where: LotContext, actor: Actor): Promise<void> {
  const { first, progress } = await committeeNow(tx, where.lot.id);
  if (!first || progress?.status !== 'complete') return;
  await appendEvent(tx, s.clock, {
    type: 'expert_draw.committee_complete',
    payload: { ...ref(where, first.id), seats: progress.seats },
    actor,
    subject: drawSubject(where.lot.id),
    audience: { kind: 'organisation', organisationId: first.hostOrganisationId },
  });
  await notifyHost(tx, s.clock.now(), where, 'complete');
}
