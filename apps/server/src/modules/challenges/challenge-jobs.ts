import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { challenges } from '../../db/schema';
import { appendEvent } from '../../platform/events/append-event';
import { scheduleJob } from '../../platform/jobs/schedule-job';
import type { Clock } from '../../platform/clock';
import type { Services } from '../../services';
import { byZh, notifyOrganisations, notifySupervisors } from '../awards/award-notices';
import { lotParties } from '../awards/repo';
import { hostOrganisationId } from '../opening/policy';
import { lockChallenge } from './repo';

export const CHALLENGE_JOBS = {
  answerReminder: 'challenge.answer_reminder',
  answerOverdue: 'challenge.answer_overdue',
} as const;

export async function scheduleAnswerJobs(
  tx: Tx,
  clock: Clock,
  challengeId: string,
  period: { remindAt: Date; endsAt: Date },
): Promise<void> {
  await scheduleJob(tx, clock, {
    kind: CHALLENGE_JOBS.answerReminder,
    payload: { challengeId },
    runAt: period.remindAt,
    dedupeKey: `${CHALLENGE_JOBS.answerReminder}:${challengeId}`,
  });
  await scheduleJob(tx, clock, {
    kind: CHALLENGE_JOBS.answerOverdue,
    payload: { challengeId },
    runAt: period.endsAt,
    dedupeKey: `${CHALLENGE_JOBS.answerOverdue}:${challengeId}`,
  });
}

async function pendingOf(tx: Tx, payload: unknown) {
  const id = (payload as { challengeId?: unknown }).challengeId;
  if (typeof id !== 'string') return null;
  const challenge = await lockChallenge(tx, id);
  if (challenge?.state !== 'pending') return null;
  const parties = await lotParties(tx, challenge.lotId);
  return parties ? { challenge, ...parties } : null;
}

/** The host's answer period: a reminder one working day before its end; at the end, the overdue flag. */
export function registerChallengeJobs(s: Services): void {
  s.jobs.register(CHALLENGE_JOBS.answerReminder, async (job, tx) => {
    const w = await pendingOf(tx, job.payload);
    if (!w) return;
    await notifyOrganisations(tx, s.clock.now(), w, [hostOrganisationId(w.project)], {
      kind: 'challenge.answer_reminder',
      titleZh: '请尽快答复质疑',
      titleEn: 'Please answer the challenge',
      bodyZh: `质疑应于 ${byZh(w.challenge.answerBy)} 前答复（《中华人民共和国政府采购法》第五十三条）。`,
      bodyEn: `The challenge is to be answered by ${w.challenge.answerBy.toISOString()} (Government Procurement Law, art. 53).`,
    });
  });
  s.jobs.register(CHALLENGE_JOBS.answerOverdue, async (job, tx) => {
    const w = await pendingOf(tx, job.payload);
    if (!w || w.challenge.answerOverdueAt) return;
    const now = s.clock.now();
    await tx
      .update(challenges)
      .set({ answerOverdueAt: now })
      .where(and(eq(challenges.id, w.challenge.id), isNull(challenges.answerOverdueAt)));
    await notifySupervisors(tx, now, w, {
      kind: 'challenge.answer_overdue',
      titleZh: '质疑逾期未答复',
      titleEn: 'A challenge is overdue',
      bodyZh: `质疑的答复期限已于 ${byZh(w.challenge.answerBy)} 届满。`,
      bodyEn: `The answer period ended at ${w.challenge.answerBy.toISOString()}.`,
    });
    await appendEvent(tx, s.clock, {
      type: 'challenge.answer_overdue',
      payload: {
        projectId: w.project.id,
        lotId: w.lot.id,
        challengeId: w.challenge.id,
        answerBy: w.challenge.answerBy.toISOString(),
      },
      actor: { userId: null, organisationId: null },
      subject: { type: 'lot', id: w.lot.id },
      audience: {
        kind: 'organisations',
        organisationIds: [...new Set([w.challenge.organisationId, hostOrganisationId(w.project)])],
      },
    });
  });
}
