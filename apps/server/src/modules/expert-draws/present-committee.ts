import { committeeProgress, SEAT_HOLDING_STATES } from '@zhengcai/domain';
import type { z } from 'zod';
import type { Executor } from '../../db/client';
import { AppError } from '../../platform/errors/app-error';
import type { Viewer } from '../../platform/policy/actor';
import { DRAW_DEFAULTS, assertLotDrawable, lotForDraw, minimumMembers } from './lot-check';
import { expertNamesPublic } from './names-public';
import { firstDrawOf, seatRecordsOf } from './draw-input';
import { expertsByIds, listLotDraws, listLotSeats, type DrawRow, type SeatRow } from './repo';
import type { committeeView, drawSummaryView, seatView } from './schemas';

type Experts = Awaited<ReturnType<typeof expertsByIds>>;

/** What every viewer of a draw may know: its parameters, commitment, snapshot hash and counts — no names. */
export function presentDrawSummary(d: DrawRow): z.infer<typeof drawSummaryView> {
  return {
    id: d.id,
    supplementOf: d.supplementOf,
    state: d.state,
    requestedAt: d.requestedAt.toISOString(),
    drawnAt: d.drawnAt?.toISOString() ?? null,
    seedCommitment: d.seedCommitment,
    poolSnapshotHash: d.poolSnapshotHash,
    specialties: [...d.poolSnapshot.request.specialties],
    includeRegions: [...d.poolSnapshot.request.includeRegions],
    excludeRegions: [...d.poolSnapshot.request.excludeRegions],
    members: d.request.members,
    reserves: d.request.reserves,
    purchaserRepresentatives: d.purchaserRepresentatives,
    recentDrawDays: d.request.recentDrawDays,
    poolSize: d.poolSnapshot.experts.length,
    eligible: d.poolSnapshot.experts.filter((e) => e.eligible).length,
  };
}

/** A seat; with `experts` (oversight, or once names are public) the expert and their reason, else neither. */
function presentSeat(seat: SeatRow, experts: Experts | null): z.infer<typeof seatView> {
  const expert = experts?.get(seat.expertUserId);
  return {
    id: seat.id,
    drawId: seat.drawId,
    role: seat.role,
    position: seat.position,
    seat: seat.seat,
    status: seat.status,
    steppedIn: seat.steppedInFor !== null,
    invitedAt: seat.invitedAt?.toISOString() ?? null,
    respondBy: seat.respondBy?.toISOString() ?? null,
    respondedAt: seat.respondedAt?.toISOString() ?? null,
    declineReason: experts ? seat.declineReason : null,
    expert: expert ? { userId: seat.expertUserId, ...expert } : null,
  };
}

/** Seat by seat; within a seat, those who declined (in the order they did) before the one holding it now. */
const bySeat = (a: SeatRow, b: SeatRow) =>
  (a.seat ?? Number.MAX_SAFE_INTEGER) - (b.seat ?? Number.MAX_SAFE_INTEGER) ||
  Number(SEAT_HOLDING_STATES.includes(a.status)) - Number(SEAT_HOLDING_STATES.includes(b.status)) ||
  (a.respondedAt?.getTime() ?? 0) - (b.respondedAt?.getTime() ?? 0) ||
  a.drawId.localeCompare(b.drawId) ||
  a.position - b.position;

async function blockedReasonOf(db: Executor, project: Parameters<typeof assertLotDrawable>[1], lotId: string) {
  try {
    await assertLotDrawable(db, project, lotId);
    return null;
  } catch (err) {
    if (err instanceof AppError) return err.localised();
    throw err;
  }
}

/**
 * A lot's committee as the caller may see it (C11 confidentiality): the host sees seats and statuses only (专家1…N
 * in the web app) until `expertNamesPublic`; oversight sees who, their employer and region, and the reserves
 * waiting; everyone else is "not found".
 */
export async function presentCommittee(
  db: Executor,
  viewer: Viewer,
  lotId: string,
): Promise<z.infer<typeof committeeView>> {
  const { project, lot, view } = await lotForDraw(db, viewer, lotId);
  const [draws, seats, namesPublic] = [
    await listLotDraws(db, lotId),
    await listLotSeats(db, lotId),
    await expertNamesPublic(db, lotId),
  ];
  const first = firstDrawOf(draws);
  const progress =
    first?.state === 'drawn' ? committeeProgress(first.request.members, seatRecordsOf(draws, seats)) : null;
  const shown = (view === 'oversight' ? seats : seats.filter((s) => s.status !== 'standby')).sort(bySeat);
  const experts =
    view === 'oversight' || namesPublic
      ? await expertsByIds(
          db,
          shown.map((s) => s.expertUserId),
        )
      : null;
  const blockedReason = await blockedReasonOf(db, project, lotId);
  const host = view === 'host';
  const committed = draws.find((d) => d.state === 'committed') ?? null;
  return {
    project: { id: project.id, code: project.code, title: project.title },
    lot: { id: lot.id, number: lot.number, title: lot.title, categoryCode: lot.categoryCode },
    viewAs: view,
    namesPublic,
    defaults: {
      specialties: [lot.categoryCode],
      members: await minimumMembers(db, project),
      ...DRAW_DEFAULTS,
    },
    draws: draws.map(presentDrawSummary),
    progress,
    seats: shown.map((s) => presentSeat(s, experts)),
    abilities: {
      request: host && !first && !blockedReason,
      drawId: host && !blockedReason ? (committed?.id ?? null) : null,
      supplementary: host && !blockedReason && !committed && progress?.status === 'vacant',
      verify: view === 'oversight',
    },
    blockedReason,
  };
}
