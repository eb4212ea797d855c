import type { z } from 'zod';
import type { Tx } from '../../db/client';
import type { UserViewer, Viewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { committeeNow } from '../expert-draws/seats';
import { readOutOf } from '../opening/present-hall';
import { findHall, organisationNames } from '../opening/repo';
import { evaluationContext, SEES_EVALUATION, type EvaluationContext } from './context';
import {
  allSubmitted,
  displayNames,
  findEvaluation,
  hasSubmitted,
  listCompliance,
  listQualifications,
  listScores,
  listSubmissions,
  listVotes,
  seatsOfExpert,
  standingBidIds,
  type EvaluationRow,
  type SubmissionRow,
} from './repo';
import type { evaluationView, myEvaluationsView } from './schemas';
import { expertsScore } from './scoring-complete';
import { STATE_TEXT } from './texts';

type View = z.infer<typeof evaluationView>;
type Text = { zh: string; en: string };

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
const VOTING = ['qualification', 'compliance', 'scoring'];
const SCORING = ['scoring', 'computed'];

/** Why the host cannot start the evaluation yet (the same checks as startEvaluation), or null. */
async function startBlocked(tx: Tx, lotId: string): Promise<Text | null> {
  const hall = await findHall(tx, lotId);
  if (!hall) return { zh: '尚未开标', en: 'The opening has not taken place' };
  if (hall.outcome === 'failed') return { zh: '本包开标时已流标', en: 'The lot failed at the opening' };
  if (hall.state !== 'published' || hall.outcome !== 'valid') {
    return { zh: '开标记录尚未签署公布', en: 'The opening record has not been signed and published' };
  }
  const { progress } = await committeeNow(tx, lotId);
  if (!progress) return { zh: '尚未抽取评审专家', en: 'No experts have been drawn' };
  if (progress.status !== 'complete') {
    return {
      zh: `评标委员会尚未组建完成（已确认 ${progress.confirmed}/${progress.seats} 席）`,
      en: `The committee is not complete (${progress.confirmed} of ${progress.seats} seats confirmed)`,
    };
  }
  return null;
}

function submissionOf(rows: readonly SubmissionRow[], userId: string, stage: SubmissionRow['stage'], host: boolean) {
  const row = rows.find((r) => r.expertUserId === userId && r.stage === stage);
  return {
    submittedAt: iso(row?.submittedAt),
    reopenedAt: iso(row?.reopenedAt),
    reopenReason: host ? null : (row?.reopenReason ?? null),
  };
}

async function present(tx: Tx, viewer: UserViewer, ctx: EvaluationContext): Promise<View> {
  const { project, lot, members, role } = ctx;
  const lotId = lot.id;
  const evaluation: EvaluationRow | null = await findEvaluation(tx, lotId);
  const [qualifications, compliance, scores, submissions, votes] = evaluation
    ? await Promise.all([
        listQualifications(tx, lotId),
        listCompliance(tx, lotId),
        listScores(tx, lotId),
        listSubmissions(tx, lotId),
        listVotes(tx, lotId),
      ])
    : [[], [], [], [], []];
  const host = role === 'host';
  const oversight = role === 'oversight';
  const member = role === 'member';
  const me = viewer.userId;
  const state = evaluation?.state ?? null;
  const scored = expertsScore(lot);
  const names = host
    ? new Map<string, string>()
    : await displayNames(
        tx,
        members.map((m) => m.userId),
      );
  const decrypted = ctx.openingBids
    .filter((b) => b.state === 'decrypted')
    .sort((a, b) => (a.readOutSeq ?? 0) - (b.readOutSeq ?? 0));
  const bidderNames = await organisationNames(
    tx,
    decrypted.map((b) => b.organisationId),
  );
  const standing =
    evaluation?.complianceFinishedAt && !host
      ? new Set(standingBidIds({ bids: decrypted, qualifications, compliance, committeeSize: members.length }))
      : null;
  // A member sees qualification results once the host has ended the review; the host and oversight see them live.
  const qualificationsShown = !member || evaluation?.qualificationFinishedAt != null;
  const complianceAll = oversight || (member && allSubmitted(submissions, members, 'compliance'));
  const scoresAll = oversight || (member && allSubmitted(submissions, members, 'scoring'));
  const leaderId = evaluation?.leaderUserId ?? null;
  const leaderSeat = members.find((m) => m.userId === leaderId);
  const mySubmitted = (stage: SubmissionRow['stage']) => hasSubmitted(submissions, me, stage);
  const inState = (...states: string[]) => state !== null && states.includes(state);

  return {
    lotId,
    project: { id: project.id, code: project.code, title: project.title },
    lot: { id: lot.id, number: lot.number, title: lot.title, evaluationMethod: lot.evaluationMethod },
    viewAs: role === 'host' ? 'host' : role === 'member' ? 'member' : 'oversight',
    state,
    stateText: state ? STATE_TEXT[state] : null,
    startedAt: iso(evaluation?.startedAt),
    qualificationFinishedAt: iso(evaluation?.qualificationFinishedAt),
    complianceFinishedAt: iso(evaluation?.complianceFinishedAt),
    failureReason: evaluation?.failureReason ?? null,
    startBlocked: host && !evaluation ? await startBlocked(tx, lotId) : null,
    criteria: lot.criteria.map((c) => ({
      key: c.key,
      label: c.label,
      kind: c.kind,
      weight: c.weight,
      maxScore: c.maxScore,
      scored: scored && c.kind !== 'price',
    })),
    members: members.map((m) => ({
      seat: m.seat,
      userId: host ? null : m.userId,
      name: host ? null : (names.get(m.userId) ?? null),
      me: m.userId === me,
      leader: m.userId === leaderId,
      voted: votes.some((v) => v.voterUserId === m.userId),
      compliance: submissionOf(submissions, m.userId, 'compliance', host),
      scoring: submissionOf(submissions, m.userId, 'scoring', host),
    })),
    leader: leaderSeat
      ? {
          seat: leaderSeat.seat,
          userId: host ? null : leaderSeat.userId,
          name: host ? null : (names.get(leaderSeat.userId) ?? null),
        }
      : null,
    votes: votes
      .filter((v) => oversight || (member && v.voterUserId === me))
      .map((v) => ({ voterUserId: v.voterUserId, candidateUserId: v.candidateUserId })),
    bids: evaluation
      ? decrypted.map((b) => {
          const q = qualifications.find((x) => x.submissionId === b.submissionId);
          return {
            submissionId: b.submissionId,
            organisationId: b.organisationId,
            bidderName: bidderNames.get(b.organisationId) ?? '',
            readOutSeq: b.readOutSeq,
            readOut: readOutOf(b),
            files: (b.files ?? []).map((f) => ({ name: f.name, size: f.size, digest: f.digest })),
            qualification:
              q && qualificationsShown
                ? { passed: q.passed, reason: q.reason, reviewedAt: q.reviewedAt.toISOString() }
                : null,
            stands: standing ? standing.has(b.submissionId) : null,
          };
        })
      : [],
    compliance: host
      ? []
      : compliance
          .filter((c) => complianceAll || c.expertUserId === me)
          .map((c) => ({
            submissionId: c.submissionId,
            expertUserId: c.expertUserId,
            passed: c.passed,
            reason: c.reason,
            updatedAt: c.updatedAt.toISOString(),
          })),
    scores: host
      ? []
      : scores
          .filter((r) => scoresAll || r.expertUserId === me)
          .map((r) => ({
            submissionId: r.submissionId,
            expertUserId: r.expertUserId,
            criterionKey: r.criterionKey,
            score: r.scoreHundredths / 100,
            reason: r.reason,
            updatedAt: r.updatedAt.toISOString(),
          })),
    abilities: {
      start: host && !evaluation,
      qualify: host && inState('qualification'),
      finishQualification: host && inState('qualification'),
      comply: member && inState('compliance') && !mySubmitted('compliance'),
      submitCompliance: member && inState('compliance') && !mySubmitted('compliance'),
      vote: member && inState(...VOTING) && leaderId === null,
      score: member && scored && inState(...SCORING) && !mySubmitted('scoring'),
      submitScoring: member && scored && inState(...SCORING) && !mySubmitted('scoring') && leaderId !== null,
      reopen: member && scored && inState(...SCORING) && leaderId === me,
    },
  };
}

/**
 * A lot's evaluation as the caller may see it (ADR 0021). A member sees the bids, their own reviews and scores and,
 * once every member has submitted a stage, everybody's rows of that stage; who has submitted, not what. The host sees
 * the qualification, the progress by seat and the leader's seat — never a name, a review or a score. Oversight
 * (supervisor, centre) sees everything live and acts on nothing. Anyone else: 404.
 */
export async function presentEvaluation(s: Services, viewer: UserViewer, lotId: string): Promise<View> {
  return s.db.transaction(async (tx) =>
    present(tx, viewer, await evaluationContext(tx, viewer, lotId, SEES_EVALUATION)),
  );
}

type Mine = z.infer<typeof myEvaluationsView>['items'][number];

/** 我的评审: the lots where the expert holds a confirmed seat now, with where each evaluation stands. */
export async function myEvaluations(s: Services, viewer: Viewer & { kind: 'user' }): Promise<Mine[]> {
  const rows = await seatsOfExpert(s.db, viewer.userId);
  const items: Mine[] = [];
  for (const { seat, project, lot, evaluation } of rows) {
    if (seat.seat === null) continue;
    const submissions = evaluation ? await listSubmissions(s.db, lot.id) : [];
    items.push({
      lotId: lot.id,
      project: { id: project.id, code: project.code, title: project.title },
      lot: { id: lot.id, number: lot.number, title: lot.title, evaluationMethod: lot.evaluationMethod },
      seat: seat.seat,
      state: evaluation?.state ?? null,
      stateText: evaluation ? STATE_TEXT[evaluation.state] : null,
      leader: evaluation?.leaderUserId === viewer.userId,
      submitted: {
        compliance: hasSubmitted(submissions, viewer.userId, 'compliance'),
        scoring: hasSubmitted(submissions, viewer.userId, 'scoring'),
      },
    });
  }
  return items;
}
