import {
  toScaledInteger,
  validateExpertScores,
  type EvaluationCriterion,
  type ExpertScoreProblem,
} from '@zhengcai/domain';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { evaluationScores, evaluationSubmissions } from '../../db/schema';
import { AppError, fieldError, type FieldError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { insertNotifications } from '../notifications/repo';
import { organisationNames } from '../opening/repo';
import { assertNotSubmitted, recordSubmission } from './compliance';
import { evaluationContext, type EvaluationContext } from './context';
import { evaluationPath } from './notices';
import { allSubmitted, hasSubmitted, listScores, listSubmissions, standingBids, type EvaluationRow } from './repo';
import { expertsScore, markScoringComplete } from './scoring-complete';
import { assertStage, lockedEvaluation } from './stage';
import { evaluationSubject } from './start';

type Text = { zh: string; en: string };

export interface ScoreInput {
  submissionId: string;
  criterionKey: string;
  /** Points on the criterion's scale: 0 ≤ score ≤ maxScore, at most two decimals. */
  score: number;
  reason?: string | null | undefined;
}

/**
 * Scoring happens at the `scoring` stage, and at `computed` for a member whose scores the leader returned (a
 * re-scoring, 87号令 第六十四条): the result is then computed again once they submit.
 */
const SCORING_STAGES = ['scoring', 'computed'] as const;

/** The lot's scoring, locked: refused for a lot that is not scored by experts, or at another stage. */
async function lockedScoring(tx: Tx, ctx: EvaluationContext, action: 'score' | 'reopen'): Promise<EvaluationRow> {
  const row = await lockedEvaluation(tx, ctx.lot.id);
  if (!expertsScore(ctx.lot)) throw new AppError('EVALUATION_NO_SCORING');
  assertStage(row, SCORING_STAGES, action);
  return row;
}

/** One message per problem, naming the criterion and the bidder rather than ids. */
function summary(problems: readonly Text[]): { detailZh: string; detailEn: string } {
  const [first] = problems;
  const more = problems.length - 1;
  return {
    detailZh: `${first?.zh ?? ''}${more > 0 ? `；另有 ${more} 处问题，见标出的各项` : ''}`,
    detailEn: `${first?.en ?? ''}${more > 0 ? `; ${more} more problem(s), see the fields marked` : ''}`,
  };
}

const rangeText = (c: EvaluationCriterion, score: number): Text => ({
  zh: `评审因素“${c.label}”的评分须在 0 至 ${c.maxScore} 分之间（填写的是 ${score}）`,
  en: `The score on "${c.label}" must be between 0 and ${c.maxScore} (it is ${score})`,
});
const precisionText = (c: EvaluationCriterion, score: number): Text => ({
  zh: `评审因素“${c.label}”的评分最多保留两位小数（填写的是 ${score}）`,
  en: `The score on "${c.label}" may have at most two decimals (it is ${score})`,
});

/**
 * A member saves some of their scores (one or many rows, each a standing bid on a non-price criterion). Every row
 * is checked at once — the criterion exists and is not the price, the bid stands, 0 ≤ score ≤ maximum, at most two
 * decimals — and nothing is saved if any row is wrong (422 naming the criterion). Scores are drafts until the member
 * submits; after that they cannot change unless the leader returns them.
 */
export async function saveScores(
  s: Services,
  viewer: UserViewer,
  lotId: string,
  rows: readonly ScoreInput[],
): Promise<void> {
  const ctx = await evaluationContext(s.db, viewer, lotId, ['member']);
  const names = await organisationNames(
    s.db,
    ctx.openingBids.map((b) => b.organisationId),
  );
  const bidderOf = (submissionId: string) => {
    const bid = ctx.openingBids.find((b) => b.submissionId === submissionId);
    return bid ? (names.get(bid.organisationId) ?? submissionId) : null;
  };
  await s.db.transaction(async (tx) => {
    await lockedScoring(tx, ctx, 'score');
    await assertNotSubmitted(tx, lotId, viewer.userId, 'scoring');
    const standing = new Set(await standingBids(tx, lotId));
    const problems: FieldError[] = [];
    const seen = new Set<string>();
    const valid: { input: ScoreInput; hundredths: number }[] = [];
    rows.forEach((input, i) => {
      const at = (field: string, reason: Text) => problems.push({ field: `body.scores.${i}.${field}`, reason });
      const criterion = ctx.lot.criteria.find((c) => c.key === input.criterionKey);
      if (!criterion) {
        return at('criterionKey', {
          zh: `本包没有编号为“${input.criterionKey}”的评审因素`,
          en: `This lot has no criterion "${input.criterionKey}"`,
        });
      }
      if (criterion.kind === 'price') {
        return at('criterionKey', {
          zh: `“${criterion.label}”为价格分，由平台按评标办法的公式计算，专家不评分`,
          en: `"${criterion.label}" is the price score: the platform computes it by formula; experts do not score it`,
        });
      }
      if (!standing.has(input.submissionId)) {
        const bidder = bidderOf(input.submissionId);
        return at(
          'submissionId',
          bidder
            ? {
                zh: `“${bidder}”的投标未通过资格审查或符合性审查，不参加“${criterion.label}”的评分`,
                en: `The bid of "${bidder}" did not pass the qualification or compliance review: it is not scored on "${criterion.label}"`,
              }
            : {
                zh: `评审因素“${criterion.label}”：该投标不是本包参加评分的投标`,
                en: `Criterion "${criterion.label}": this is not a bid scored in this lot`,
              },
        );
      }
      if (!Number.isFinite(input.score) || input.score < 0 || input.score > criterion.maxScore) {
        return at('score', rangeText(criterion, input.score));
      }
      const hundredths = toScaledInteger(input.score, 2);
      if (hundredths === null) return at('score', precisionText(criterion, input.score));
      const key = `${input.submissionId}\u0000${input.criterionKey}`;
      if (seen.has(key)) {
        return at('criterionKey', {
          zh: `“${bidderOf(input.submissionId) ?? ''}”的“${criterion.label}”在本次提交中出现了两次`,
          en: `"${bidderOf(input.submissionId) ?? ''}" on "${criterion.label}" appears twice in this request`,
        });
      }
      seen.add(key);
      valid.push({ input, hundredths });
    });
    if (problems.length > 0) {
      throw new AppError('EVALUATION_SCORE_INVALID', summary(problems.map((p) => p.reason)), problems);
    }
    const now = s.clock.now();
    for (const { input, hundredths } of valid) {
      const values = { scoreHundredths: hundredths, reason: input.reason?.trim() || null, updatedAt: now };
      await tx
        .insert(evaluationScores)
        .values({
          lotId,
          submissionId: input.submissionId,
          expertUserId: viewer.userId,
          criterionKey: input.criterionKey,
          ...values,
        })
        .onConflictDoUpdate({
          target: [evaluationScores.submissionId, evaluationScores.expertUserId, evaluationScores.criterionKey],
          set: values,
        });
    }
  });
}

/** A domain problem with the member's score sheet, in words naming the bidder and the criterion. */
function problemText(
  p: ExpertScoreProblem,
  criteria: readonly EvaluationCriterion[],
  bidder: (id: string) => string,
  scoreAt: (index: number | undefined) => number | undefined,
): Text {
  const c = criteria.find((x) => x.key === p.criterionKey);
  const label = c?.label ?? p.criterionKey ?? '';
  const who = p.bidId ? bidder(p.bidId) : '';
  switch (p.code) {
    case 'SCORE_MISSING':
      return { zh: `尚未对“${who}”的“${label}”评分`, en: `"${who}" has not been scored on "${label}"` };
    case 'REASON_REQUIRED': {
      const atZero = scoreAt(p.index) === 0;
      return {
        zh: `对“${who}”的“${label}”打出${atZero ? '最低分 0 分' : `满分 ${c?.maxScore ?? ''} 分`}，须填写理由`,
        en: `"${who}" got ${atZero ? 'the minimum, 0,' : `the maximum, ${c?.maxScore ?? ''},`} on "${label}": a reason is required`,
      };
    }
    case 'SCORE_OUT_OF_RANGE':
      return c ? rangeText(c, scoreAt(p.index) ?? NaN) : p.message;
    case 'SCORE_PRECISION':
      return c ? precisionText(c, scoreAt(p.index) ?? NaN) : p.message;
    default:
      return p.message;
  }
}

/**
 * A member submits their scores: the leader must be elected first; the full set is checked (`validateExpertScores`:
 * every standing bid on every non-price criterion, in range, at most two decimals, a reason at 0 and at the
 * maximum). When the last member submits, the scoring is complete and the result is computed.
 */
export async function submitScoring(s: Services, viewer: UserViewer, lotId: string): Promise<void> {
  const ctx = await evaluationContext(s.db, viewer, lotId, ['member']);
  const names = await organisationNames(
    s.db,
    ctx.openingBids.map((b) => b.organisationId),
  );
  const bidder = (id: string) => {
    const bid = ctx.openingBids.find((b) => b.submissionId === id);
    return bid ? (names.get(bid.organisationId) ?? id) : id;
  };
  await s.db.transaction(async (tx) => {
    const row = await lockedScoring(tx, ctx, 'score');
    await assertNotSubmitted(tx, lotId, viewer.userId, 'scoring');
    if (!row.leaderUserId) throw new AppError('EVALUATION_LEADER_NOT_ELECTED');
    const standing = await standingBids(tx, lotId);
    const mine = (await listScores(tx, lotId)).filter((r) => r.expertUserId === viewer.userId);
    const problems = validateExpertScores({
      criteria: ctx.lot.criteria,
      experts: [viewer.userId],
      bidIds: standing,
      scores: mine.map((r) => ({
        expertId: r.expertUserId,
        bidId: r.submissionId,
        criterionKey: r.criterionKey,
        score: r.scoreHundredths / 100,
        ...(r.reason ? { reason: r.reason } : {}),
      })),
    });
    if (problems.length > 0) {
      const fields: FieldError[] = problems.map((p) => ({
        field: `scores.${p.bidId ?? ''}.${p.criterionKey ?? ''}`,
        reason: problemText(p, ctx.lot.criteria, bidder, (i) =>
          i === undefined ? undefined : (mine[i]?.scoreHundredths ?? 0) / 100,
        ),
      }));
      throw new AppError('EVALUATION_SCORE_SHEET_INCOMPLETE', summary(fields.map((f) => f.reason)), fields);
    }
    await recordSubmission(tx, lotId, viewer.userId, 'scoring', s.clock.now());
    await appendEvent(tx, s.clock, {
      type: 'evaluation.scoring_submitted',
      payload: {
        projectId: ctx.project.id,
        lotId,
        expertUserId: viewer.userId,
        scores: mine.map((r) => ({
          submissionId: r.submissionId,
          criterionKey: r.criterionKey,
          scoreHundredths: r.scoreHundredths,
          reason: r.reason,
        })),
      },
      actor: actorOf(viewer),
      subject: evaluationSubject(lotId),
      audience: { kind: 'oversight' },
    });
    if (allSubmitted(await listSubmissions(tx, lotId), ctx.members, 'scoring')) {
      await markScoringComplete(tx, s, ctx, actorOf(viewer));
    }
  });
}

/**
 * The leader returns a member's submitted scores for re-scoring, with the committee's reason (87号令 第六十四条:
 * scores out of range, inconsistent on objective criteria, or found abnormally high or low). Recorded; the member is
 * told, may change their scores and submits again.
 */
export async function reopenScoring(
  s: Services,
  viewer: UserViewer,
  lotId: string,
  input: { expertUserId: string; reason: string },
): Promise<void> {
  const ctx = await evaluationContext(s.db, viewer, lotId, ['member']);
  await s.db.transaction(async (tx) => {
    const row = await lockedScoring(tx, ctx, 'reopen');
    if (row.leaderUserId !== viewer.userId) throw new AppError('EVALUATION_LEADER_ONLY');
    if (!ctx.members.some((m) => m.userId === input.expertUserId)) {
      throw fieldError('body.expertUserId', '不是本评标委员会的成员', 'Not a member of this committee');
    }
    if (!hasSubmitted(await listSubmissions(tx, lotId), input.expertUserId, 'scoring')) {
      throw new AppError('EVALUATION_NOT_SUBMITTED');
    }
    const now = s.clock.now();
    await tx
      .update(evaluationSubmissions)
      .set({ submittedAt: null, reopenedAt: now, reopenReason: input.reason })
      .where(
        and(
          eq(evaluationSubmissions.lotId, lotId),
          eq(evaluationSubmissions.expertUserId, input.expertUserId),
          eq(evaluationSubmissions.stage, 'scoring'),
        ),
      );
    await appendEvent(tx, s.clock, {
      type: 'evaluation.scoring_reopened',
      payload: {
        projectId: ctx.project.id,
        lotId,
        expertUserId: input.expertUserId,
        leaderUserId: viewer.userId,
        reason: input.reason,
      },
      actor: actorOf(viewer),
      subject: evaluationSubject(lotId),
      audience: { kind: 'oversight' },
    });
    const { project, lot } = ctx;
    await insertNotifications(tx, [
      {
        userId: input.expertUserId,
        organisationId: null,
        kind: 'evaluation.scoring_reopened',
        titleZh: `评分被退回重新评分：${project.code} 第${lot.number}包`,
        titleEn: `Scores returned for re-scoring: ${project.code} lot ${lot.number}`,
        bodyZh: `评审组长经评标委员会认定，退回了您的评分：${input.reason}。请修改后重新提交。`,
        bodyEn: `The committee leader returned your scores on the committee's decision: ${input.reason}. Review them and submit again.`,
        link: evaluationPath(lot.id),
        createdAt: now,
      },
    ]);
  });
}
