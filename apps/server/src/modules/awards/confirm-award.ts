import { EVALUATION_TRANSITIONS, chooseWinner, nextState, publicationPeriod, withinPeriod } from '@zhengcai/domain';
import { eq } from 'drizzle-orm';
import { awards, evaluations } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import type { UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { lockEvaluation } from '../evaluations/repo';
import { hostOrganisationId } from '../opening/policy';
import { AWARD_JOBS, schedulePeriodJobs } from './award-jobs';
import { byZh, notifyOrganisations } from './award-notices';
import { onEvaluationReported } from './on-evaluation-reported';
import { outcomeOf } from './outcome';
import { assertAwardRole } from './policy';
import { lockAward, lotParties, organisationsByIds } from './repo';

export interface ConfirmAwardInput {
  /** The chosen bid: needed when the first rank is a tie (else it must be the first-ranked bid, or left out). */
  submissionId?: string | null | undefined;
  tieBreakReason?: string | null | undefined;
}

const CHOICE_ERRORS = {
  'no-candidate': 'AWARD_NO_CANDIDATE',
  'tie-choice-required': 'AWARD_TIE_CHOICE_REQUIRED',
  'not-first-ranked': 'AWARD_NOT_FIRST_RANKED',
  'tie-reason-required': 'AWARD_TIE_REASON_REQUIRED',
} as const;

/**
 * The purchaser confirms the winner (确定中标/成交供应商, C13): within the confirmation period (or the supervisor's
 * extension), the first-ranked bid of the report (财政部令第87号第六十八条), once. In one transaction, the evaluation
 * row locked: evaluation `reported → confirmed`, the award's winner and amount, the result notice's period (2 working
 * days) with its reminder and deadline jobs, the host told, `award.confirmed` on the ledger.
 */
export async function confirmAward(s: Services, viewer: UserViewer, lotId: string, input: ConfirmAwardInput) {
  const parties = await lotParties(s.db, lotId);
  if (!parties) throw new AppError('NOT_FOUND');
  assertAwardRole(viewer, parties, ['purchaser']);
  const { project, lot } = parties;
  return s.db.transaction(async (tx) => {
    const now = s.clock.now();
    const evaluation = await lockEvaluation(tx, lotId);
    if (!evaluation) throw new AppError('AWARD_NOT_READY');
    let award = await lockAward(tx, lotId);
    if (award?.confirmedAt) throw new AppError('AWARD_ALREADY_CONFIRMED', { at: byZh(award.confirmedAt) });
    const next = nextState(EVALUATION_TRANSITIONS, evaluation.state, 'confirm');
    if (!next) throw new AppError('AWARD_NOT_READY');
    if (!award) {
      // The signing normally opened the award; a lot reported without it gets its period from the report's time.
      await onEvaluationReported(tx, s, lotId, evaluation.reportedAt ?? now);
      award = await lockAward(tx, lotId);
      if (!award) throw new Error('award not opened');
    }
    if (!withinPeriod(now, award.confirmBy)) {
      throw new AppError('AWARD_CONFIRMATION_OVERDUE', { deadline: byZh(award.confirmBy) });
    }
    const choice = chooseWinner(outcomeOf(evaluation.result), input);
    if (!choice.ok) throw new AppError(CHOICE_ERRORS[choice.problem]);
    const { winner } = choice;
    const tieBreakReason = choice.tied ? (input.tieBreakReason?.trim() ?? null) : null;
    const period = publicationPeriod(now);
    await tx.update(evaluations).set({ state: next }).where(eq(evaluations.lotId, lotId));
    await tx
      .update(awards)
      .set({
        confirmedAt: now,
        confirmedByUserId: viewer.userId,
        winnerSubmissionId: winner.submissionId,
        winnerOrganisationId: winner.organisationId,
        contractAmountFen: winner.bidPriceFen,
        tieBreakReason,
        publishBy: period.endsAt,
      })
      .where(eq(awards.lotId, lotId));
    await schedulePeriodJobs(
      tx,
      s.clock,
      { reminder: AWARD_JOBS.publishReminder, deadline: AWARD_JOBS.publishOverdue },
      lotId,
      period,
    );
    const names = await organisationsByIds(tx, [winner.organisationId]);
    const winnerName = names.get(winner.organisationId)?.name ?? '';
    await notifyOrganisations(tx, now, parties, [hostOrganisationId(project)], {
      kind: 'award.confirmed',
      titleZh: '采购人已确认中标（成交）供应商，请发布结果公告',
      titleEn: 'The purchaser confirmed the winner: publish the result',
      bodyZh: `中标（成交）供应商：${winnerName}。请于 ${byZh(period.endsAt)} 前发布中标（成交）结果公告并发出通知书（《政府采购法实施条例》第四十三条）。`,
      bodyEn: `Winner: ${winnerName}. Publish the result notice and send the letters by ${period.endsAt.toISOString()} (Implementing Regulation of the GPL, art. 43).`,
    });
    await appendEvent(tx, s.clock, {
      type: 'award.confirmed',
      payload: {
        projectId: project.id,
        lotId: lot.id,
        submissionId: winner.submissionId,
        winner: { organisationId: winner.organisationId, name: winnerName },
        contractAmountFen: winner.bidPriceFen,
        tieBreakReason,
        publishBy: period.endsAt.toISOString(),
      },
      actor: { userId: viewer.userId, organisationId: viewer.organisationId },
      subject: { type: 'lot', id: lot.id },
      audience: {
        kind: 'organisations',
        organisationIds: [...new Set([project.purchaserOrganisationId, hostOrganisationId(project)])],
      },
    });
  });
}
