import { EVALUATION_METHODS } from '@zhengcai/domain';
import { z } from 'zod';
import { define } from './define';

const uuid = z.string().uuid();
const lotRef = { projectId: uuid, lotId: uuid };
const text = z.object({ zh: z.string(), en: z.string() });

/**
 * The evaluation's reviews (C12, ADR 0021): start, qualification (资格审查), compliance (符合性审查), the leader
 * (评审组长) and the scoring (详细评审). What the host may know — that a stage ended and which bids went on — goes to
 * the host organisation (and oversight); every event that names an expert, or carries a member's reviews and
 * scores, goes to oversight only: the committee stays confidential until the result notice.
 */
export const EVALUATION_REVIEW_EVENTS = {
  /** The host started the lot's evaluation: the opening record is published and every seat of the committee is confirmed. */
  'evaluation.started': define({
    version: 1,
    payload: z.object({ ...lotRef, members: z.number().int().positive(), bids: z.number().int().nonnegative() }),
    summary: (p) => ({
      zh: `评审开始：评标委员会 ${p.members} 人，解密成功的投标 ${p.bids} 份`,
      en: `Evaluation started: a committee of ${p.members}, ${p.bids} decrypted bids`,
    }),
  }),
  /**
   * Someone who evaluates the lot (host, member or oversight: the actor) downloaded one of an opened bid's files —
   * who read which bid, and when, is on the record. Oversight only: it names a committee member.
   */
  'evaluation.bid_file_read': define({
    version: 1,
    payload: z.object({
      ...lotRef,
      submissionId: uuid,
      bidderName: z.string(),
      index: z.number().int().nonnegative(),
      fileName: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      as: z.enum(['host', 'member', 'oversight']),
    }),
    summary: (p) => ({
      zh: `查阅投标文件：“${p.bidderName}”的 ${p.fileName}`,
      en: `Bid file read: ${p.fileName} of "${p.bidderName}"`,
    }),
  }),
  /** The host passed or failed one bid's qualification (a reason when failing); it may change until the stage ends. */
  'evaluation.qualification_reviewed': define({
    version: 1,
    payload: z.object({
      ...lotRef,
      submissionId: uuid,
      organisationId: uuid,
      bidderName: z.string(),
      passed: z.boolean(),
      reason: z.string().nullable(),
    }),
    summary: (p) => ({
      zh: `资格审查：“${p.bidderName}”${p.passed ? '通过' : `不通过（${p.reason ?? ''}）`}`,
      en: `Qualification review: "${p.bidderName}" ${p.passed ? 'passed' : `failed (${p.reason ?? ''})`}`,
    }),
  }),
  /** The host ended the qualification review; with fewer than 3 qualified bids the lot failed (废标). */
  'evaluation.qualification_finished': define({
    version: 1,
    payload: z.object({
      ...lotRef,
      qualified: z.array(uuid),
      disqualified: z.array(uuid),
      outcome: z.enum(['compliance', 'failed']),
      failureReason: text.nullable(),
    }),
    summary: (p) =>
      p.outcome === 'failed'
        ? {
            zh: `资格审查结束，废标：${p.failureReason?.zh ?? ''}`,
            en: `Qualification ended, lot failed: ${p.failureReason?.en ?? ''}`,
          }
        : {
            zh: `资格审查结束：${p.qualified.length} 份投标通过，进入符合性审查`,
            en: `Qualification ended: ${p.qualified.length} bids qualified, compliance review begins`,
          },
  }),
  /** A member submitted their compliance review of every qualified bid. Oversight only. */
  'evaluation.compliance_submitted': define({
    version: 1,
    payload: z.object({
      ...lotRef,
      expertUserId: uuid,
      reviews: z.array(z.object({ submissionId: uuid, passed: z.boolean(), reason: z.string().nullable() })),
    }),
    summary: (p) => ({
      zh: `评审专家提交符合性审查意见（${p.reviews.length} 份投标）`,
      en: `A member submitted their compliance review (${p.reviews.length} bids)`,
    }),
  }),
  /** Every member submitted: each bid stands or not by majority; with fewer than 3 standing the lot failed (废标). */
  'evaluation.compliance_finished': define({
    version: 1,
    payload: z.object({
      ...lotRef,
      standing: z.array(uuid),
      notStanding: z.array(uuid),
      outcome: z.enum(['scoring', 'failed']),
      failureReason: text.nullable(),
    }),
    summary: (p) =>
      p.outcome === 'failed'
        ? {
            zh: `符合性审查结束，废标：${p.failureReason?.zh ?? ''}`,
            en: `Compliance ended, lot failed: ${p.failureReason?.en ?? ''}`,
          }
        : {
            zh: `符合性审查结束：${p.standing.length} 份投标通过，进入详细评审`,
            en: `Compliance ended: ${p.standing.length} bids compliant, detailed evaluation begins`,
          },
  }),
  /** A member voted for the committee leader. Oversight only. */
  'evaluation.leader_voted': define({
    version: 1,
    payload: z.object({ ...lotRef, voterUserId: uuid, candidateUserId: uuid }),
    summary: () => ({ zh: '评审专家推选评审组长（投票）', en: 'A member voted for the committee leader' }),
  }),
  /** A majority of the committee voted for one member: the leader (评审组长). Oversight only. */
  'evaluation.leader_elected': define({
    version: 1,
    payload: z.object({
      ...lotRef,
      leaderUserId: uuid,
      votes: z.number().int().positive(),
      committee: z.number().int(),
    }),
    summary: (p) => ({
      zh: `评审组长推选产生（${p.votes}/${p.committee} 票）`,
      en: `Committee leader elected (${p.votes} of ${p.committee} votes)`,
    }),
  }),
  /** A member submitted their scores: every standing bid on every non-price criterion. Oversight only. */
  'evaluation.scoring_submitted': define({
    version: 1,
    payload: z.object({
      ...lotRef,
      expertUserId: uuid,
      scores: z.array(
        z.object({
          submissionId: uuid,
          criterionKey: z.string(),
          scoreHundredths: z.number().int().nonnegative(),
          reason: z.string().nullable(),
        }),
      ),
    }),
    summary: (p) => ({
      zh: `评审专家提交评分（${p.scores.length} 项）`,
      en: `A member submitted their scores (${p.scores.length} entries)`,
    }),
  }),
  /** The leader returned a member's submitted scores for re-scoring, on the committee's decision (87号令). Oversight only. */
  'evaluation.scoring_reopened': define({
    version: 1,
    payload: z.object({ ...lotRef, expertUserId: uuid, leaderUserId: uuid, reason: z.string() }),
    summary: (p) => ({
      zh: `评审组长退回一名专家的评分重新评分：${p.reason}`,
      en: `The leader returned a member's scores for re-scoring: ${p.reason}`,
    }),
  }),
  /**
   * The scoring is complete: every member submitted (comprehensive scoring), or there is nothing to score (lowest
   * evaluated price, at the end of the compliance review). The result can be computed.
   */
  'evaluation.scoring_complete': define({
    version: 1,
    payload: z.object({ ...lotRef, method: z.enum(EVALUATION_METHODS) }),
    summary: (p) =>
      p.method !== 'comprehensive-scoring'
        ? { zh: '本包不进行专家评分，待平台汇总', en: 'Nothing to score for this lot: the result is computed next' }
        : {
            zh: '全体评审专家已提交评分，待平台汇总',
            en: 'Every member has submitted scores: the result is computed next',
          },
  }),
};
