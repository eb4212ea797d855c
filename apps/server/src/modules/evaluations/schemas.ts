import { CRITERION_KINDS, EVALUATION_METHODS, EVALUATION_STATES } from '@zhengcai/domain';
import { z } from 'zod';
import { readOutView } from '../opening/schemas';

export const lotParams = z.object({ lotId: z.string().uuid() });
export const bidParams = z.object({ lotId: z.string().uuid(), submissionId: z.string().uuid() });
/** One file of an opened bid: its place in the bid's package (two files may have the same bytes). */
export const bidFileParams = bidParams.extend({ index: z.coerce.number().int().min(0).max(9999) });

const REASON_REQUIRED = {
  zh: '不通过时须说明理由（至少 2 个字）',
  en: 'A reason (at least 2 characters) is required when the bid does not pass',
};

/** A pass/fail review of one bid (qualification by the host, compliance by a member): a reason when failing. */
export const reviewBody = z
  .object({
    passed: z.boolean(),
    reason: z.string().trim().max(500).nullable().optional(),
  })
  .refine((v) => v.passed || (v.reason ?? '').length >= 2, { path: ['reason'], params: REASON_REQUIRED });

export const voteBody = z.object({ candidateUserId: z.string().uuid() });

/** Scores to save: the range and decimals are the criterion's, checked by the use case (422 naming the criterion). */
export const scoresBody = z.object({
  scores: z
    .array(
      z.object({
        submissionId: z.string().uuid(),
        criterionKey: z.string().min(1).max(64),
        score: z.number(),
        reason: z.string().trim().max(1000).nullable().optional(),
      }),
    )
    .min(1)
    .max(1000),
});

export const reopenBody = z.object({
  expertUserId: z.string().uuid(),
  reason: z.string().trim().min(2).max(500),
});

const text = z.object({ zh: z.string(), en: z.string() });
const projectRef = z.object({ id: z.string().uuid(), code: z.string(), title: z.string() });
const lotRef = z.object({
  id: z.string().uuid(),
  number: z.number().int(),
  title: z.string(),
  evaluationMethod: z.enum(EVALUATION_METHODS),
});

const submissionState = z.object({
  submittedAt: z.string().nullable(),
  reopenedAt: z.string().nullable(),
  /** The leader's reason for returning the scores (not shown to the host). */
  reopenReason: z.string().nullable(),
});

/** A committee member as the caller may see them: the host sees the seat only, never the name. */
const memberView = z.object({
  seat: z.number().int(),
  userId: z.string().uuid().nullable(),
  name: z.string().nullable(),
  me: z.boolean(),
  leader: z.boolean(),
  /** Has voted for the leader (not for whom). */
  voted: z.boolean(),
  compliance: submissionState,
  scoring: submissionState,
});

const bidView = z.object({
  submissionId: z.string().uuid(),
  organisationId: z.string().uuid(),
  bidderName: z.string(),
  readOutSeq: z.number().int().nullable(),
  readOut: readOutView.nullable(),
  /** The decrypted files as declared in the bid, in package order (GET …/bids/:submissionId/files/:index). */
  files: z.array(z.object({ name: z.string(), size: z.number().int(), digest: z.string() })),
  qualification: z.object({ passed: z.boolean(), reason: z.string().nullable(), reviewedAt: z.string() }).nullable(),
  /** Whether the bid stands after the reviews (once the compliance review has ended; never for the host). */
  stands: z.boolean().nullable(),
});

export const evaluationView = z
  .object({
    lotId: z.string().uuid(),
    project: projectRef,
    lot: lotRef,
    viewAs: z.enum(['host', 'member', 'oversight']),
    /** null: not started. */
    state: z.enum(EVALUATION_STATES).nullable(),
    stateText: text.nullable(),
    startedAt: z.string().nullable(),
    qualificationFinishedAt: z.string().nullable(),
    complianceFinishedAt: z.string().nullable(),
    failureReason: text.nullable(),
    /** Why the host cannot start yet (null when it can, or once started). */
    startBlocked: text.nullable(),
    criteria: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        kind: z.enum(CRITERION_KINDS),
        weight: z.number(),
        maxScore: z.number(),
        /** Scored by the experts (not the price, and only under comprehensive scoring). */
        scored: z.boolean(),
      }),
    ),
    members: z.array(memberView),
    leader: z
      .object({ seat: z.number().int(), userId: z.string().uuid().nullable(), name: z.string().nullable() })
      .nullable(),
    /** The caller's own vote (a member), or every vote (oversight). */
    votes: z.array(z.object({ voterUserId: z.string().uuid(), candidateUserId: z.string().uuid() })),
    bids: z.array(bidView),
    /** The caller's own reviews until every member has submitted them, then all (oversight: all, live; host: none). */
    compliance: z.array(
      z.object({
        submissionId: z.string().uuid(),
        expertUserId: z.string().uuid(),
        passed: z.boolean(),
        reason: z.string().nullable(),
        updatedAt: z.string(),
      }),
    ),
    /** Same rule as compliance: own scores, everybody's once all have submitted; the host sees none. */
    scores: z.array(
      z.object({
        submissionId: z.string().uuid(),
        expertUserId: z.string().uuid(),
        criterionKey: z.string(),
        score: z.number(),
        reason: z.string().nullable(),
        updatedAt: z.string(),
      }),
    ),
    /** What the caller may do now (the web shows only these). */
    abilities: z.object({
      start: z.boolean(),
      qualify: z.boolean(),
      finishQualification: z.boolean(),
      comply: z.boolean(),
      submitCompliance: z.boolean(),
      vote: z.boolean(),
      score: z.boolean(),
      submitScoring: z.boolean(),
      reopen: z.boolean(),
    }),
  })
  .meta({ id: 'EvaluationView' });

export const myEvaluationsView = z.object({
  items: z.array(
    z.object({
      lotId: z.string().uuid(),
      project: projectRef,
      lot: lotRef,
      seat: z.number().int(),
      state: z.enum(EVALUATION_STATES).nullable(),
      stateText: text.nullable(),
      leader: z.boolean(),
      submitted: z.object({ compliance: z.boolean(), scoring: z.boolean() }),
    }),
  ),
});
