import { z } from 'zod';
import { define } from './define';

const uuid = z.string().uuid();
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const lotRef = { projectId: uuid, lotId: uuid };
const queryRef = { ...lotRef, queryId: uuid, submissionId: uuid, organisationId: uuid };
const KIND = z.enum(['abnormal_price', 'arithmetic_correction']);
const KIND_ZH = { abnormal_price: '异常低价说明', arithmetic_correction: '报价算术修正' } as const;
const KIND_EN = { abnormal_price: 'abnormally low price', arithmetic_correction: 'arithmetic correction' } as const;

/**
 * The evaluation's result, the questions to bidders, the report and its signatures (C12, ADR 0021). The result and
 * the report stay with oversight until the purchaser has them; a question and its answer go to the bidder asked.
 */
export const EVALUATION_RESULT_EVENTS = {
  /** The committee leader had the platform compute (or recompute) the result from the rows; its SM3 hash. */
  'evaluation.result_computed': define({
    version: 1,
    payload: z.object({ ...lotRef, resultHash: hex64, recompute: z.boolean() }),
    summary: (p) => ({
      zh: `评审结果已${p.recompute ? '重新' : ''}计算（摘要 ${p.resultHash.slice(0, 12)}…）`,
      en: `Evaluation result ${p.recompute ? 're' : ''}computed (hash ${p.resultHash.slice(0, 12)}…)`,
    }),
  }),
  /** A question put to a bidder, with its deadline. */
  'evaluation.query_opened': define({
    version: 1,
    payload: z.object({ ...queryRef, kind: KIND, respondBy: z.string() }),
    summary: (p) => ({
      zh: `评审委员会要求投标人答复：${KIND_ZH[p.kind]}（期限 ${p.respondBy}）`,
      en: `The committee asked a bidder about an ${KIND_EN[p.kind]} (answer by ${p.respondBy})`,
    }),
  }),
  /** The bidder answered: confirmed or refused a correction, or explained its price. */
  'evaluation.query_answered': define({
    version: 1,
    payload: z.object({ ...queryRef, kind: KIND, state: z.enum(['answered', 'confirmed', 'refused']) }),
    summary: (p) => ({
      zh: `投标人已答复${KIND_ZH[p.kind]}（${{ answered: '已说明', confirmed: '确认', refused: '不确认' }[p.state]}）`,
      en: `The bidder answered the ${KIND_EN[p.kind]} (${p.state})`,
    }),
  }),
  /** The committee's decision on an explanation (87号令 第六十条). */
  'evaluation.query_decided': define({
    version: 1,
    payload: z.object({ ...queryRef, decision: z.enum(['accepted', 'rejected']), reason: z.string() }),
    summary: (p) => ({
      zh: `评审委员会${p.decision === 'accepted' ? '接受' : '不接受'}投标人的异常低价说明：${p.reason}`,
      en: `The committee ${p.decision} the bidder’s explanation of its price: ${p.reason}`,
    }),
  }),
  /** The deadline passed without an answer: the bid is invalid. */
  'evaluation.query_lapsed': define({
    version: 1,
    payload: z.object({ ...queryRef, kind: KIND, respondBy: z.string() }),
    summary: (p) => ({
      zh: `投标人未在期限内答复${KIND_ZH[p.kind]}，其投标无效`,
      en: `The bidder did not answer the ${KIND_EN[p.kind]} in time; its bid is invalid`,
    }),
  }),
  /** The report (评审报告) is fixed for signing: its SM3 hash and the PDF's SHA-256 blob key. */
  'evaluation.report_fixed': define({
    version: 1,
    payload: z.object({ ...lotRef, reportHash: hex64, resultHash: hex64, pdfSha256: z.string() }),
    summary: (p) => ({
      zh: `评审报告已定稿待签署（摘要 ${p.reportHash.slice(0, 12)}…）`,
      en: `Evaluation report fixed for signing (hash ${p.reportHash.slice(0, 12)}…)`,
    }),
  }),
  /** A committee member signed the report, with a dissent or not. */
  'evaluation.report_signed': define({
    version: 1,
    payload: z.object({
      ...lotRef,
      expertUserId: uuid,
      certificateId: uuid,
      reportHash: hex64,
      dissent: z.boolean(),
    }),
    summary: (p) => ({
      zh: `评审专家已签署评审报告${p.dissent ? '（附不同意见）' : ''}`,
      en: `A committee member signed the report${p.dissent ? ' (with a dissent)' : ''}`,
    }),
  }),
  /**
   * Every member signed: the report goes to the purchaser; `pdfSha256` is the signed PDF's blob key (the report with
   * every signature; absent from events recorded before the signed PDF existed).
   */
  'evaluation.reported': define({
    version: 1,
    payload: z.object({
      ...lotRef,
      reportHash: hex64,
      signatures: z.number().int().positive(),
      pdfSha256: hex64.optional(),
    }),
    summary: (p) => ({
      zh: `评审报告已由全体 ${p.signatures} 名评审专家签署，送交采购人`,
      en: `The evaluation report is signed by all ${p.signatures} members and sent to the purchaser`,
    }),
  }),
};
