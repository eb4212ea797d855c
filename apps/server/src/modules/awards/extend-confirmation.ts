import { workingDayPeriod } from '@zhengcai/domain';
import { eq } from 'drizzle-orm';
import { awards } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import type { UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { lockEvaluation } from '../evaluations/repo';
import { AWARD_JOBS, schedulePeriodJobs } from './award-jobs';
import { byZh, notifyOrganisations } from './award-notices';
import { assertAwardRole } from './policy';
import { lockAward, lotParties } from './repo';

/**
 * A supervisor records an extension of the purchaser's confirmation period, with its reason: `workingDays` more
 * working days after the current end (or after today, when it has passed). New reminder and deadline jobs; the old
 * deadline's job finds a later deadline and does nothing.
 */
export async function extendConfirmation(
  s: Services,
  viewer: UserViewer,
  lotId: string,
  input: { workingDays: number; reason: string },
) {
  const parties = await lotParties(s.db, lotId);
  if (!parties) throw new AppError('NOT_FOUND');
  assertAwardRole(viewer, parties, ['supervisor']);
  return s.db.transaction(async (tx) => {
    const now = s.clock.now();
    const evaluation = await lockEvaluation(tx, lotId);
    const award = await lockAward(tx, lotId);
    if (!evaluation || !award) throw new AppError('AWARD_NOT_READY');
    if (award.confirmedAt || evaluation.state !== 'reported') throw new AppError('AWARD_EXTENSION_NOT_POSSIBLE');
    const from = new Date(Math.max(now.getTime(), award.confirmBy.getTime() - 1));
    const period = workingDayPeriod(from, input.workingDays);
    await tx
      .update(awards)
      .set({
        confirmBy: period.endsAt,
        extensionReason: input.reason,
        extendedByUserId: viewer.userId,
        extendedAt: now,
      })
      .where(eq(awards.lotId, lotId));
    await schedulePeriodJobs(
      tx,
      s.clock,
      { reminder: AWARD_JOBS.confirmReminder, deadline: AWARD_JOBS.confirmOverdue },
      lotId,
      period,
    );
    await notifyOrganisations(tx, now, parties, [parties.project.purchaserOrganisationId], {
      kind: 'award.confirmation_extended',
      titleZh: '监管部门已延长确认期限',
      titleEn: 'The supervisor extended the confirmation period',
      bodyZh: `确认期限延长至 ${byZh(period.endsAt)}。理由：${input.reason}`,
      bodyEn: `The confirmation period now ends at ${period.endsAt.toISOString()}. Reason: ${input.reason}`,
    });
    await appendEvent(tx, s.clock, {
      type: 'award.confirmation_extended',
      payload: {
        projectId: parties.project.id,
        lotId,
        confirmBy: period.endsAt.toISOString(),
        workingDays: input.workingDays,
        reason: input.reason,
      },
      actor: { userId: viewer.userId, organisationId: viewer.organisationId },
      subject: { type: 'lot', id: lotId },
      audience: { kind: 'organisations', organisationIds: [parties.project.purchaserOrganisationId] },
    });
  });
}
