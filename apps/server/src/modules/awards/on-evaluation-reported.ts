import { confirmationPeriod } from '@zhengcai/domain';
import type { Tx } from '../../db/client';
import { awards } from '../../db/schema';
import { appendEvent } from '../../platform/events/append-event';
import type { Services } from '../../services';
import { findEvaluation } from '../evaluations/repo';
import { AWARD_JOBS, schedulePeriodJobs } from './award-jobs';
import { byZh, notifyOrganisations } from './award-notices';
import { findAward, lotParties } from './repo';

/**
 * The award begins (ADR 0021): called by the evaluation's signing, in its transaction, when the last committee member
 * signs and the evaluation becomes `reported` — the report reaches the purchaser at `at`. Records the confirmation
 * period (5 working days, 实施条例第四十三条), tells the purchaser's users, and schedules the reminder (one working day
 * before the end) and the deadline job (overdue flag, supervisors told). Idempotent: a second call does nothing.
 */
export async function onEvaluationReported(tx: Tx, s: Services, lotId: string, at: Date): Promise<void> {
  if (await findAward(tx, lotId)) return;
  const parties = await lotParties(tx, lotId);
  if (!parties) throw new Error(`onEvaluationReported: no lot ${lotId}`);
  const evaluation = await findEvaluation(tx, lotId);
  const period = confirmationPeriod(at);
  await tx.insert(awards).values({
    lotId,
    projectId: parties.project.id,
    reportedAt: at,
    confirmBy: period.endsAt,
  });
  await schedulePeriodJobs(
    tx,
    s.clock,
    { reminder: AWARD_JOBS.confirmReminder, deadline: AWARD_JOBS.confirmOverdue },
    lotId,
    period,
  );
  await notifyOrganisations(tx, at, parties, [parties.project.purchaserOrganisationId], {
    kind: 'award.reported',
    titleZh: '评审报告已送达，请确认中标（成交）供应商',
    titleEn: 'Evaluation report received: confirm the winner',
    bodyZh: `评标委员会已签署评审报告。请于 ${byZh(period.endsAt)} 前在评审报告推荐的候选人中按顺序确认中标（成交）供应商（《政府采购法实施条例》第四十三条）。`,
    bodyEn: `The committee signed the evaluation report. Confirm the winner among the recommended candidates, in order, by ${period.endsAt.toISOString()} (Implementing Regulation of the GPL, art. 43).`,
  });
  await appendEvent(tx, s.clock, {
    type: 'award.reported',
    payload: {
      projectId: parties.project.id,
      lotId,
      reportHash: evaluation?.reportHash ?? null,
      confirmBy: period.endsAt.toISOString(),
    },
    actor: { userId: null, organisationId: null },
    subject: { type: 'lot', id: lotId },
    audience: { kind: 'organisations', organisationIds: [parties.project.purchaserOrganisationId] },
  });
}
