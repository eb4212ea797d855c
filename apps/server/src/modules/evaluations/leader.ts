import { electedLeader } from '@zhengcai/domain';
import { eq } from 'drizzle-orm';
import { evaluationLeaderVotes, evaluations } from '../../db/schema';
import { AppError, fieldError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { evaluationContext } from './context';
import { listVotes } from './repo';
import { assertStage, lockedEvaluation } from './stage';
import { evaluationSubject } from './start';

/**
 * A committee member votes for a member as the committee's leader (评审组长), themselves included, while the
 * reviews and the scoring go on; a member may change their vote until someone is elected. The first candidate with
 * a majority of the committee (`electedLeader`) is the leader, recorded on the evaluation; voting then closes.
 */
export async function voteLeader(
  s: Services,
  viewer: UserViewer,
  lotId: string,
  candidateUserId: string,
): Promise<void> {
  const ctx = await evaluationContext(s.db, viewer, lotId, ['member']);
  if (!ctx.members.some((m) => m.userId === candidateUserId)) {
    throw fieldError(
      'body.candidateUserId',
      '只能推选本评标委员会的成员',
      'Only a member of this committee can be elected',
    );
  }
  await s.db.transaction(async (tx) => {
    const row = await lockedEvaluation(tx, lotId);
    assertStage(row, ['qualification', 'compliance', 'scoring'], 'vote');
    if (row.leaderUserId) throw new AppError('EVALUATION_LEADER_ELECTED');
    const now = s.clock.now();
    await tx
      .insert(evaluationLeaderVotes)
      .values({ lotId, voterUserId: viewer.userId, candidateUserId, votedAt: now })
      .onConflictDoUpdate({
        target: [evaluationLeaderVotes.lotId, evaluationLeaderVotes.voterUserId],
        set: { candidateUserId, votedAt: now },
      });
    const ref = { projectId: ctx.project.id, lotId };
    await appendEvent(tx, s.clock, {
      type: 'evaluation.leader_voted',
      payload: { ...ref, voterUserId: viewer.userId, candidateUserId },
      actor: actorOf(viewer),
      subject: evaluationSubject(lotId),
      audience: { kind: 'oversight' },
    });
    const votes = (await listVotes(tx, lotId)).filter((v) => ctx.members.some((m) => m.userId === v.voterUserId));
    const leader = electedLeader(
      votes.map((v) => ({ voter: v.voterUserId, candidate: v.candidateUserId })),
      ctx.members.length,
    );
    if (!leader) return;
    await tx.update(evaluations).set({ leaderUserId: leader }).where(eq(evaluations.lotId, lotId));
    await appendEvent(tx, s.clock, {
      type: 'evaluation.leader_elected',
      payload: {
        ...ref,
        leaderUserId: leader,
        votes: votes.filter((v) => v.candidateUserId === leader).length,
        committee: ctx.members.length,
      },
      actor: actorOf(viewer),
      subject: evaluationSubject(lotId),
      audience: { kind: 'oversight' },
    });
  });
}
