import { eq } from 'drizzle-orm';
import { awards } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import type { UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { hostOrganisationId } from '../opening/policy';
import { byZh, notifyOrganisations } from './award-notices';
import { assertAwardRole } from './policy';
import { lockAward, lotParties, pendingChallengeCount } from './repo';

/**
 * The purchaser or the supervisor suspends a published award while a challenge is pending (C14; 政府采购法第五十七条
 * lets the supervisor suspend during a complaint — check), or lifts the suspension. The certificate's public
 * verification page shows a suspended award. Public events: the suspension concerns everyone relying on the result.
 */
export async function setAwardSuspension(
  s: Services,
  viewer: UserViewer,
  lotId: string,
  act: { suspend: true; reason: string } | { suspend: false; reason: string | null },
) {
  const parties = await lotParties(s.db, lotId);
  if (!parties) throw new AppError('NOT_FOUND');
  assertAwardRole(viewer, parties, ['purchaser', 'supervisor']);
  const { project, lot } = parties;
  return s.db.transaction(async (tx) => {
    const now = s.clock.now();
    const award = await lockAward(tx, lotId);
    if (!award?.publishedAt) throw new AppError('AWARD_NOT_PUBLISHED');
    if (act.suspend) {
      if (award.suspendedAt) throw new AppError('AWARD_ALREADY_SUSPENDED', { at: byZh(award.suspendedAt) });
      if ((await pendingChallengeCount(tx, lotId)) === 0) throw new AppError('AWARD_SUSPENSION_NEEDS_CHALLENGE');
    } else if (!award.suspendedAt) {
      throw new AppError('AWARD_NOT_SUSPENDED');
    }
    await tx
      .update(awards)
      .set(
        act.suspend
          ? { suspendedAt: now, suspensionReason: act.reason, suspendedByUserId: viewer.userId }
          : { suspendedAt: null, suspensionReason: null, suspendedByUserId: null },
      )
      .where(eq(awards.lotId, lotId));
    const told = [project.purchaserOrganisationId, hostOrganisationId(project)];
    if (award.winnerOrganisationId) told.push(award.winnerOrganisationId);
    await notifyOrganisations(tx, now, parties, told, {
      kind: act.suspend ? 'award.suspended' : 'award.resumed',
      titleZh: act.suspend ? '中标（成交）结果已暂停' : '中标（成交）结果已恢复',
      titleEn: act.suspend ? 'Award suspended' : 'Award resumed',
      bodyZh: act.reason ? `理由：${act.reason}` : '暂停已解除。',
      bodyEn: act.reason ? `Reason: ${act.reason}` : 'The suspension was lifted.',
    });
    const base = { projectId: project.id, lotId: lot.id };
    const actor = { userId: viewer.userId, organisationId: viewer.organisationId };
    const subject = { type: 'lot', id: lot.id };
    if (act.suspend) {
      await appendEvent(tx, s.clock, {
        type: 'award.suspended',
        payload: { ...base, reason: act.reason },
        actor,
        subject,
        audience: { kind: 'public' },
      });
    } else {
      await appendEvent(tx, s.clock, {
        type: 'award.resumed',
        payload: { ...base, reason: act.reason },
        actor,
        subject,
        audience: { kind: 'public' },
      });
    }
  });
}
