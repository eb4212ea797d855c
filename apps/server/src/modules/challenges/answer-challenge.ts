import { CHALLENGE_TRANSITIONS, nextState } from '@zhengcai/domain';
import { eq } from 'drizzle-orm';
import { challenges } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import type { UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { byZh, notifyOrganisations } from '../awards/award-notices';
import { lotParties } from '../awards/repo';
import { hostOrganisationId } from '../opening/policy';
import { assertChallengeVisible } from './policy';
import { findChallenge, lockChallenge } from './repo';

/** The host answers a pending challenge (once); the challenger is told. */
export async function answerChallenge(s: Services, viewer: UserViewer, challengeId: string, answer: string) {
  const found = await findChallenge(s.db, challengeId);
  if (!found) throw new AppError('NOT_FOUND');
  const parties = await lotParties(s.db, found.lotId);
  if (!parties) throw new AppError('NOT_FOUND');
  assertChallengeVisible(viewer, parties, found, ['host']);
  const { project, lot } = parties;
  return s.db.transaction(async (tx) => {
    const now = s.clock.now();
    const challenge = await lockChallenge(tx, challengeId);
    if (!challenge) throw new AppError('NOT_FOUND');
    const next = nextState(CHALLENGE_TRANSITIONS, challenge.state, 'answer');
    if (!next) throw new AppError('CHALLENGE_ANSWERED', { at: byZh(challenge.answeredAt ?? now) });
    await tx
      .update(challenges)
      .set({ state: next, answer, answeredAt: now, answeredByUserId: viewer.userId })
      .where(eq(challenges.id, challengeId));
    await notifyOrganisations(tx, now, parties, [challenge.organisationId], {
      kind: 'challenge.answered',
      titleZh: '质疑已答复',
      titleEn: 'Your challenge was answered',
      bodyZh: answer,
      bodyEn: answer,
    });
    await appendEvent(tx, s.clock, {
      type: 'challenge.answered',
      payload: { projectId: project.id, lotId: lot.id, challengeId, organisationId: challenge.organisationId, answer },
      actor: { userId: viewer.userId, organisationId: viewer.organisationId },
      subject: { type: 'lot', id: lot.id },
      audience: {
        kind: 'organisations',
        organisationIds: [
          ...new Set([challenge.organisationId, hostOrganisationId(project), project.purchaserOrganisationId]),
        ],
      },
    });
  });
}
