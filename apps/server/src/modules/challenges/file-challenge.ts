import { answerPeriod, challengeWindow, withinPeriod } from '@zhengcai/domain';
import { challenges } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import type { UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { byZh, notifyOrganisations } from '../awards/award-notices';
import { assertAwardRole } from '../awards/policy';
import { lockAward, lotParties } from '../awards/repo';
import { hostOrganisationId } from '../opening/policy';
import { scheduleAnswerJobs } from './challenge-jobs';

/**
 * A bidder of the lot challenges the result (质疑, C14, 《政府采购法》第五十二条) within the window after the result
 * notice (AWARD_PERIODS; after it: CHALLENGE_WINDOW_CLOSED). The host answers within 7 working days (reminder and
 * overdue jobs). Insiders cannot file (403); anyone else gets 404.
 */
export async function fileChallenge(s: Services, viewer: UserViewer, lotId: string, grounds: string) {
  const parties = await lotParties(s.db, lotId);
  if (!parties) throw new AppError('NOT_FOUND');
  assertAwardRole(viewer, parties, ['bidder']);
  const organisationId = viewer.organisationId;
  if (!organisationId) throw new AppError('NOT_FOUND');
  const { project, lot } = parties;
  return s.db.transaction(async (tx) => {
    const now = s.clock.now();
    const award = await lockAward(tx, lotId);
    if (!award?.publishedAt) throw new AppError('AWARD_NOT_PUBLISHED');
    const window = challengeWindow(award.publishedAt);
    if (!withinPeriod(now, window.endsAt)) {
      throw new AppError('CHALLENGE_WINDOW_CLOSED', { deadline: byZh(window.endsAt) });
    }
    const period = answerPeriod(now);
    const [row] = await tx
      .insert(challenges)
      .values({
        lotId,
        projectId: project.id,
        organisationId,
        filedByUserId: viewer.userId,
        grounds,
        filedAt: now,
        answerBy: period.endsAt,
        state: 'pending',
      })
      .returning();
    if (!row) throw new Error('no challenge');
    await scheduleAnswerJobs(tx, s.clock, row.id, period);
    await notifyOrganisations(tx, now, parties, [hostOrganisationId(project), project.purchaserOrganisationId], {
      kind: 'challenge.filed',
      titleZh: '收到质疑',
      titleEn: 'Challenge received',
      bodyZh: `有投标人对中标（成交）结果提出质疑，请于 ${byZh(period.endsAt)} 前答复（《中华人民共和国政府采购法》第五十三条）。`,
      bodyEn: `A bidder challenged the result; answer by ${period.endsAt.toISOString()} (Government Procurement Law, art. 53).`,
    });
    await appendEvent(tx, s.clock, {
      type: 'challenge.filed',
      payload: {
        projectId: project.id,
        lotId: lot.id,
        challengeId: row.id,
        organisationId,
        grounds,
        answerBy: period.endsAt.toISOString(),
      },
      actor: { userId: viewer.userId, organisationId },
      subject: { type: 'lot', id: lot.id },
      audience: {
        kind: 'organisations',
        organisationIds: [...new Set([organisationId, hostOrganisationId(project), project.purchaserOrganisationId])],
      },
    });
    return row;
  });
}
