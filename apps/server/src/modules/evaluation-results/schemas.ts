import { BIDDER_QUERY_KINDS, BIDDER_QUERY_STATES, EVALUATION_STATES } from '@zhengcai/domain';
import { z } from 'zod';
import { RESULT_ACTIONS } from './view';

export const lotParams = z.object({ lotId: z.string().uuid() });
export const lotQueryParams = z.object({ lotId: z.string().uuid(), queryId: z.string().uuid() });
export const queryParams = z.object({ queryId: z.string().uuid() });

const fen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const respondBy = z.string().datetime({ offset: true }).optional();

export const openQueryBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('arithmetic_correction'),
    submissionId: z.string().uuid(),
    bodyTotalFen: fen.nullable().optional(),
    lines: z
      .array(
        z.object({
          item: z.string().trim().max(200).optional(),
          unitPriceFen: fen,
          quantity: z.number().positive().max(1e9),
        }),
      )
      .max(500)
      .optional(),
    misplacedDecimalLine: z.number().int().min(0).max(499).nullable().optional(),
    respondBy,
  }),
  z.object({
    kind: z.literal('abnormal_price'),
    submissionId: z.string().uuid(),
    question: z.string().trim().min(2).max(2000),
    respondBy,
  }),
]);

export const decisionBody = z.object({
  decision: z.enum(['accepted', 'rejected']),
  reason: z.string().trim().min(2).max(2000),
});

export const answerBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('confirm') }),
  z.object({ action: z.literal('refuse'), reason: z.string().trim().max(2000).optional() }),
  z.object({ action: z.literal('explain'), text: z.string().trim().min(2).max(5000) }),
]);

export const signBody = z.object({
  signature: z
    .string()
    .regex(/^[0-9a-f]{128}$/i, 'r ‖ s in hex (128 hex digits)')
    .transform((v) => v.toLowerCase()),
  dissent: z.string().trim().max(5000).nullable().optional(),
});

export const queryView = z.object({
  id: z.string().uuid(),
  submissionId: z.string().uuid(),
  organisationId: z.string().uuid(),
  kind: z.enum(BIDDER_QUERY_KINDS),
  state: z.enum(BIDDER_QUERY_STATES),
  request: z.record(z.string(), z.unknown()),
  askedAt: z.string(),
  respondBy: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
});

export const memberSignatureView = z.object({
  seat: z.number().int(),
  userId: z.string().uuid(),
  name: z.string(),
  leader: z.boolean(),
  signedAt: z.string().nullable(),
  signature: z.string().nullable(),
  dissent: z.string().nullable(),
});

export const resultsView = z.object({
  lotId: z.string().uuid(),
  projectId: z.string().uuid(),
  projectCode: z.string(),
  projectTitle: z.string(),
  lotNumber: z.number().int(),
  lotTitle: z.string(),
  evaluationMethod: z.string(),
  state: z.enum(EVALUATION_STATES),
  role: z.enum(['host', 'member', 'oversight', 'purchaser']),
  leader: z.boolean(),
  leaderUserId: z.string().uuid().nullable(),
  computedAt: z.string().nullable(),
  resultHash: z.string().nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
  queries: z.array(queryView),
  reportHash: z.string().nullable(),
  reportFixedAt: z.string().nullable(),
  reportedAt: z.string().nullable(),
  members: z.array(memberSignatureView),
  actions: z.array(z.enum(RESULT_ACTIONS)),
});

export const reportView = z.object({
  state: z.enum(EVALUATION_STATES),
  report: z.record(z.string(), z.unknown()),
  reportHash: z.string(),
  hashAlgorithm: z.literal('SM3'),
  /** What a member signs when agreeing; with a dissent, `dissent` holds its text (packages/domain report-signature.ts). */
  statement: z.object({
    type: z.literal('zhengcai-evaluation-report-signature'),
    version: z.literal(1),
    lotId: z.string().uuid(),
    reportHash: z.string(),
    dissent: z.string().nullable(),
  }),
  signatures: z.array(memberSignatureView),
});

export const myQueryView = queryView.extend({
  projectId: z.string().uuid(),
  projectCode: z.string(),
  projectTitle: z.string(),
  lotId: z.string().uuid(),
  lotNumber: z.number().int(),
  lotTitle: z.string(),
  actions: z.array(z.enum(['confirm', 'refuse', 'explain'])),
});
