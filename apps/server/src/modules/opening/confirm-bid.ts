import { and, eq, isNull } from 'drizzle-orm';
import { openingBids } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { bidOf, loadHall } from './load-hall';
import { hallSubject } from './open-hall';
import { assertHallRole, assertOwnBid } from './policy';
import { lockHall, lockOpeningBid } from './repo';

export type ConfirmDecision = { decision: 'confirm' } | { decision: 'object'; text: string };

/** During the read-out, the bid's organisation confirms it, or objects (异议) with a text on the record; once. */
export async function confirmBid(
  s: Services,
  viewer: UserViewer,
  lotId: string,
  submissionId: string,
  body: ConfirmDecision,
): Promise<void> {
  const ctx = await loadHall(s.db, viewer, lotId);
  const seen = bidOf(ctx, submissionId);
  assertHallRole(ctx.role, 'bidder');
  assertOwnBid(viewer, seen);
  await s.db.transaction(async (tx) => {
    const hall = await lockHall(tx, lotId);
    const bid = await lockOpeningBid(tx, submissionId);
    if (!hall || !bid) throw new AppError('NOT_FOUND');
    if (hall.state !== 'read_out') throw new AppError('HALL_STATE', { state: hall.state });
    if (bid.confirmation) throw new AppError('ALREADY_CONFIRMED', { decision: bid.confirmation });
    const now = s.clock.now();
    const objects = body.decision === 'object';
    await tx
      .update(openingBids)
      .set({
        confirmation: objects ? 'objected' : 'confirmed',
        confirmedAt: now,
        objection: objects ? body.text : null,
      })
      .where(and(eq(openingBids.submissionId, submissionId), isNull(openingBids.confirmation)));
    const ref = { projectId: hall.projectId, lotId, submissionId, organisationId: bid.organisationId };
    const common = { actor: actorOf(viewer), subject: hallSubject(lotId), audience: { kind: 'public' } as const };
    if (objects) {
      await appendEvent(tx, s.clock, {
        type: 'opening.objection_raised',
        payload: { ...ref, text: body.text },
        ...common,
      });
    } else {
      await appendEvent(tx, s.clock, { type: 'opening.bid_confirmed', payload: ref, ...common });
    }
  });
}

/** The host answers an objection, on the record, during the read-out; once. */
export async function answerObjection(
  s: Services,
  viewer: UserViewer,
  lotId: string,
  submissionId: string,
  text: string,
): Promise<void> {
  const ctx = await loadHall(s.db, viewer, lotId);
  bidOf(ctx, submissionId);
  assertHallRole(ctx.role, 'host');
  await s.db.transaction(async (tx) => {
    const hall = await lockHall(tx, lotId);
    const bid = await lockOpeningBid(tx, submissionId);
    if (!hall || !bid) throw new AppError('NOT_FOUND');
    if (hall.state !== 'read_out') throw new AppError('HALL_STATE', { state: hall.state });
    if (bid.confirmation !== 'objected' || bid.answer !== null) throw new AppError('NO_OBJECTION');
    await tx
      .update(openingBids)
      .set({ answer: text, answeredAt: s.clock.now() })
      .where(eq(openingBids.submissionId, submissionId));
    await appendEvent(tx, s.clock, {
      type: 'opening.objection_answered',
      payload: { projectId: hall.projectId, lotId, submissionId, text },
      actor: actorOf(viewer),
      subject: hallSubject(lotId),
      audience: { kind: 'public' },
    });
  });
}
