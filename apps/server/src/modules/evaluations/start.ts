import { evaluations } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { lockLot } from '../expert-draws/repo';
import { committeeNow } from '../expert-draws/seats';
import { hostOrganisationId } from '../opening/policy';
import { findHall } from '../opening/repo';
import { evaluationContext } from './context';
import { notifyMembers } from './notices';
import { committeeMembers, decryptedBids, findEvaluation, type EvaluationRow } from './repo';
import { STATE_TEXT } from './texts';

/** The subject of a lot's evaluation events. */
export const evaluationSubject = (lotId: string) => ({ type: 'evaluation', id: lotId });

const cannotStart = (zh: string, en: string) => new AppError('EVALUATION_CANNOT_START', { reasonZh: zh, reasonEn: en });

/**
 * The host starts the lot's evaluation (ADR 0021): the opening record is published with the outcome `valid` (at
 * least 3 valid bids), every seat of the committee is confirmed, and there is no evaluation yet. The evaluation
 * begins with the host's qualification review; the members are told.
 */
export async function startEvaluation(s: Services, viewer: UserViewer, lotId: string): Promise<EvaluationRow> {
  const ctx = await evaluationContext(s.db, viewer, lotId, ['host']);
  return s.db.transaction(async (tx) => {
    await lockLot(tx, lotId);
    const existing = await findEvaluation(tx, lotId);
    if (existing) {
      const text = STATE_TEXT[existing.state];
      throw new AppError('EVALUATION_EXISTS', { stateZh: text.zh, stateEn: text.en });
    }
    const hall = await findHall(tx, lotId);
    if (!hall) throw cannotStart('尚未开标', 'the opening has not taken place');
    if (hall.outcome === 'failed')
      throw cannotStart('开标时有效投标不足三家，本包已流标', 'the lot failed at the opening');
    if (hall.state !== 'published' || hall.outcome !== 'valid') {
      throw cannotStart('开标记录尚未签署公布', 'the opening record has not been signed and published');
    }
    const { progress } = await committeeNow(tx, lotId);
    if (!progress) throw cannotStart('尚未抽取评审专家', 'no experts have been drawn');
    if (progress.status !== 'complete') {
      throw new AppError('EVALUATION_COMMITTEE_INCOMPLETE', { confirmed: progress.confirmed, seats: progress.seats });
    }
    const members = await committeeMembers(tx, lotId);
    const bids = await decryptedBids(tx, lotId);
    const now = s.clock.now();
    const [row] = await tx
      .insert(evaluations)
      .values({
        lotId,
        projectId: ctx.project.id,
        state: 'qualification',
        startedAt: now,
        startedByUserId: viewer.userId,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await appendEvent(tx, s.clock, {
      type: 'evaluation.started',
      payload: { projectId: ctx.project.id, lotId, members: members.length, bids: bids.length },
      actor: actorOf(viewer),
      subject: evaluationSubject(lotId),
      audience: { kind: 'organisation', organisationId: hostOrganisationId(ctx.project) },
    });
    await notifyMembers(
      tx,
      now,
      members.map((m) => m.userId),
      ctx,
      'started',
    );
    return row;
  });
}
