import { committeeHash, drawFromSnapshot, nextState, DRAW_TRANSITIONS } from '@zhengcai/domain';
import { eq } from 'drizzle-orm';
import { expertDraws, expertDrawSeats } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { findProjectAndLot } from '../opening/repo';
import { assertLotDrawable } from './lot-check';
import { assertDrawHost } from './policy';
import { findDraw, lockLot, type DrawRow } from './repo';
import { drawSubject } from './request-draw';
import { committeeNow, fillVacancies, inviteToSeat } from './seats';

/**
 * The host runs a committed draw (抽取): members and reserves come from the stored seed and frozen snapshot by the
 * ADR 0018 algorithm, so the result was fixed when the commitment was published. The committee's hash goes to the
 * ledger; members are invited (seats 1…m, or a supplementary draw's empty seats), reserves wait on standby.
 */
export async function executeDraw(s: Services, viewer: UserViewer, drawId: string): Promise<DrawRow> {
  const draw = await findDraw(s.db, drawId);
  if (!draw) throw new AppError('NOT_FOUND');
  const where = await findProjectAndLot(s.db, draw.lotId);
  if (!where) throw new Error('draw without lot');
  assertDrawHost(viewer, where.project);
  const actor = actorOf(viewer);
  return s.db.transaction(async (tx) => {
    await lockLot(tx, draw.lotId);
    const [current] = await tx.select().from(expertDraws).where(eq(expertDraws.id, drawId));
    if (!current) throw new AppError('NOT_FOUND');
    const next = nextState(DRAW_TRANSITIONS, current.state, 'draw');
    if (!next) throw new AppError('EXPERT_DRAW_STATE', { state: current.state });
    await assertLotDrawable(tx, where.project, draw.lotId);

    const result = drawFromSnapshot(current.seed, current.poolSnapshot);
    if (!result.ok) {
      // The snapshot was assessed when the draw was committed: this happens only if stored data was altered.
      throw new Error(`stored draw ${drawId} cannot be drawn: ${result.error.code}`);
    }
    if (result.poolSnapshotHash !== current.poolSnapshotHash) throw new Error(`draw ${drawId}: snapshot hash differs`);
    const { committee } = result;
    const now = s.clock.now();
    const [updated] = await tx
      .update(expertDraws)
      .set({ state: next, drawnAt: now, drawnByUserId: viewer.userId, revealedAt: now })
      .where(eq(expertDraws.id, drawId))
      .returning();
    if (!updated) throw new Error('update returned nothing');
    await appendEvent(tx, s.clock, {
      type: 'expert_draw.drawn',
      payload: {
        drawId,
        projectId: where.project.id,
        lotId: where.lot.id,
        committeeHash: committeeHash(committee),
        members: committee.members.length,
        reserves: committee.reserves.length,
      },
      actor,
      subject: drawSubject(where.lot.id),
      audience: { kind: 'organisation', organisationId: current.hostOrganisationId },
    });

    // Seats for the committee: 1…m for the first draw, the empty seats for a supplementary one.
    const before = await committeeNow(tx, where.lot.id);
    const seatNumbers =
      current.supplementOf === null
        ? committee.members.map((_, i) => i + 1)
        : (before.progress?.vacantSeats ?? []).slice(0, committee.members.length);
    const rows = [
      ...committee.members.map((expertUserId, i) => ({ expertUserId, role: 'member' as const, position: i + 1 })),
      ...committee.reserves.map((expertUserId, i) => ({ expertUserId, role: 'reserve' as const, position: i + 1 })),
    ];
    const inserted = await tx
      .insert(expertDrawSeats)
      .values(rows.map((r) => ({ ...r, drawId, lotId: where.lot.id, status: 'standby' as const })))
      .returning();
    const members = inserted.filter((r) => r.role === 'member').sort((a, b) => a.position - b.position);
    for (const [i, seat] of members.entries()) {
      const seatNumber = seatNumbers[i];
      // A supplementary draw never has more members than empty seats (it is sized from them and only fills them).
      if (seatNumber === undefined) throw new Error('more members than empty seats');
      await inviteToSeat(tx, s, where, seat, seatNumber, actor, null);
    }
    await fillVacancies(tx, s, where, actor);
    return updated;
  });
}
