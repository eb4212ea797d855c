import { AWARD_LETTER_KINDS, EVALUATION_STATES, MAX_EXTENSION_WORKING_DAYS } from '@zhengcai/domain';
import { z } from 'zod';

export const lotParams = z.object({ lotId: z.string().uuid() });

const reason = z.string().trim().min(2).max(1000);

export const confirmBody = z.object({
  /** The chosen bid; required when the first rank is a tie. */
  submissionId: z.string().uuid().optional(),
  /** The documents' tie-break rule applied; required with a tie. */
  tieBreakReason: z.string().trim().max(1000).optional(),
});
export const extendBody = z.object({
  workingDays: z.number().int().min(1).max(MAX_EXTENSION_WORKING_DAYS),
  reason,
});
export const suspendBody = z.object({ reason });
export const resumeBody = z.object({ reason: reason.optional() });

const text = z.object({ zh: z.string(), en: z.string() });
const orgRef = z.object({ organisationId: z.string().uuid(), name: z.string() });

export const AWARD_ROLES = ['purchaser', 'host', 'supervisor', 'oversight', 'bidder'] as const;

export const rankedView = z.object({
  submissionId: z.string(),
  organisationId: z.string(),
  name: z.string(),
  rank: z.number().int(),
  bidPriceFen: z.number().int(),
  evaluationPriceFen: z.number().int(),
  total: z.string().nullable(),
  tie: z.boolean(),
});

export const awardView = z.object({
  lotId: z.string().uuid(),
  project: z.object({ id: z.string().uuid(), code: z.string(), title: z.string() }),
  lot: z.object({ number: z.number().int(), title: z.string() }),
  /** The evaluation's state: reported, confirmed, published (earlier states: the award has not begun). */
  state: z.enum(EVALUATION_STATES),
  viewAs: z.array(z.enum(AWARD_ROLES)),
  method: z.enum(['comprehensive-scoring', 'lowest-evaluated-price']).nullable(),
  /** Insiders only: the ranking and the bids left out (empty for bidders). */
  ranking: z.array(rankedView),
  excluded: z.array(z.object({ submissionId: z.string(), organisationId: z.string(), name: z.string(), reason: text })),
  reportedAt: z.string().nullable(),
  confirmBy: z.string().nullable(),
  confirmOverdue: z.boolean(),
  extension: z.object({ reason: z.string(), at: z.string() }).nullable(),
  confirmedAt: z.string().nullable(),
  winner: orgRef.extend({ submissionId: z.string() }).nullable(),
  contractAmountFen: z.number().int().nullable(),
  tieBreakReason: z.string().nullable(),
  publishBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
  resultNoticeId: z.string().uuid().nullable(),
  certificateNumber: z.string().nullable(),
  challengeBy: z.string().nullable(),
  suspension: z.object({ at: z.string(), reason: z.string() }).nullable(),
  /** The host's preview of the result notice, once confirmed and before publication. */
  noticePreview: z.object({ title: z.string(), body: z.string() }).nullable(),
  /** Insiders, after publication: who got which letter. */
  letters: z.array(z.object({ organisationId: z.string(), name: z.string(), kind: z.enum(AWARD_LETTER_KINDS) })),
  abilities: z.object({
    confirm: z.boolean(),
    extend: z.boolean(),
    publish: z.boolean(),
    suspend: z.boolean(),
    resume: z.boolean(),
    challenge: z.boolean(),
  }),
});

export const letterView = z.object({
  id: z.string().uuid(),
  lotId: z.string().uuid(),
  project: z.object({ id: z.string().uuid(), code: z.string(), title: z.string() }),
  lot: z.object({ number: z.number().int(), title: z.string() }),
  kind: z.enum(AWARD_LETTER_KINDS),
  rank: z.number().int().nullable(),
  total: z.string().nullable(),
  bidPriceFen: z.number().int().nullable(),
  exclusionReason: text.nullable(),
  title: z.string(),
  body: z.string(),
  issuedAt: z.string(),
  /** The winner's letter: the transaction certificate's number (its public verification page). */
  certificateNumber: z.string().nullable(),
  challengeBy: z.string().nullable(),
});
export const letterListView = z.object({ items: z.array(letterView) });
