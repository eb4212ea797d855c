import { z } from 'zod';
import { define } from './define';

const uuid = z.string().uuid();
const lotRef = { projectId: uuid, lotId: uuid };
const winner = z.object({ organisationId: uuid, name: z.string() });

/**
 * The award's and the challenges' events (C13, C14, ADR 0021). Audiences: what concerns the purchaser and the host
 * before publication goes to those organisations (and oversight); the result, the suspension and its lifting are
 * public; a challenge goes to the challenger, the purchaser and the host.
 */
export const AWARD_EVENTS = {
  /** The signed report reached the purchaser; the confirmation period runs until `confirmBy`. */
  'award.reported': define({
    version: 1,
    payload: z.object({ ...lotRef, reportHash: z.string().nullable(), confirmBy: z.string() }),
    summary: (p) => ({
      zh: `评审报告已送达采购人，应于 ${p.confirmBy} 前确认中标（成交）供应商`,
      en: `The evaluation report reached the purchaser; the winner is to be confirmed by ${p.confirmBy}`,
    }),
  }),
  /** The confirmation period ended without a confirmation; the supervisor was told. */
  'award.confirmation_overdue': define({
    version: 1,
    payload: z.object({ ...lotRef, confirmBy: z.string() }),
    summary: (p) => ({
      zh: `采购人未在期限（${p.confirmBy}）内确认中标（成交）供应商`,
      en: `The purchaser did not confirm the winner by ${p.confirmBy}`,
    }),
  }),
  /** A supervisor extended the confirmation period, with the reason. */
  'award.confirmation_extended': define({
    version: 1,
    payload: z.object({
      ...lotRef,
      confirmBy: z.string(),
      workingDays: z.number().int().positive(),
      reason: z.string(),
    }),
    summary: (p) => ({
      zh: `监管部门将确认期限延长 ${p.workingDays} 个工作日至 ${p.confirmBy}：${p.reason}`,
      en: `The supervisor extended the confirmation period by ${p.workingDays} working days to ${p.confirmBy}: ${p.reason}`,
    }),
  }),
  /** The purchaser confirmed the first-ranked bid (with a tie: the tied bid it chose, and why). */
  'award.confirmed': define({
    version: 1,
    payload: z.object({
      ...lotRef,
      submissionId: uuid,
      winner,
      contractAmountFen: z.number().int().positive(),
      tieBreakReason: z.string().nullable(),
      publishBy: z.string(),
    }),
    summary: (p) => ({
      zh: `采购人确认中标（成交）供应商：${p.winner.name}${p.tieBreakReason ? `（并列第一，确定方式：${p.tieBreakReason}）` : ''}`,
      en: `The purchaser confirmed the winner: ${p.winner.name}${p.tieBreakReason ? ` (tie for first, broken by: ${p.tieBreakReason})` : ''}`,
    }),
  }),
  /** The result notice, the notification letters and the certificate went out together. */
  'award.result_published': define({
    version: 1,
    payload: z.object({
      ...lotRef,
      noticeId: uuid,
      winner,
      contractAmountFen: z.number().int().positive(),
      letters: z.number().int().nonnegative(),
      certificateNumber: z.string(),
      challengeBy: z.string(),
    }),
    summary: (p) => ({
      zh: `中标（成交）结果公告已发布：${p.winner.name}；已发出 ${p.letters} 份通知书，交易证明书 ${p.certificateNumber}`,
      en: `Result notice published: ${p.winner.name}; ${p.letters} letters sent, certificate ${p.certificateNumber}`,
    }),
  }),
  /** The result notice was not published within its period after confirmation; the supervisor was told. */
  'award.publication_overdue': define({
    version: 1,
    payload: z.object({ ...lotRef, publishBy: z.string() }),
    summary: (p) => ({
      zh: `结果公告未在期限（${p.publishBy}）内发布`,
      en: `The result notice was not published by ${p.publishBy}`,
    }),
  }),
  /** The purchaser or the supervisor suspended the award while a challenge is pending. */
  'award.suspended': define({
    version: 1,
    payload: z.object({ ...lotRef, reason: z.string() }),
    summary: (p) => ({ zh: `中标（成交）结果已暂停：${p.reason}`, en: `Award suspended: ${p.reason}` }),
  }),
  /** The suspension was lifted. */
  'award.resumed': define({
    version: 1,
    payload: z.object({ ...lotRef, reason: z.string().nullable() }),
    summary: (p) => ({
      zh: `中标（成交）结果恢复${p.reason ? `：${p.reason}` : ''}`,
      en: `Award resumed${p.reason ? `: ${p.reason}` : ''}`,
    }),
  }),
  /** A bidder challenged the result (质疑), with its grounds; the host answers by `answerBy`. */
  'challenge.filed': define({
    version: 1,
    payload: z.object({
      ...lotRef,
      challengeId: uuid,
      organisationId: uuid,
      grounds: z.string(),
      answerBy: z.string(),
    }),
    summary: (p) => ({
      zh: `供应商提出质疑，应于 ${p.answerBy} 前答复`,
      en: `A supplier filed a challenge, to be answered by ${p.answerBy}`,
    }),
  }),
  /** The host answered a challenge. */
  'challenge.answered': define({
    version: 1,
    payload: z.object({ ...lotRef, challengeId: uuid, organisationId: uuid, answer: z.string() }),
    summary: () => ({ zh: '质疑已答复', en: 'Challenge answered' }),
  }),
  /** A challenge was not answered within its period; the supervisor was told. */
  'challenge.answer_overdue': define({
    version: 1,
    payload: z.object({ ...lotRef, challengeId: uuid, answerBy: z.string() }),
    summary: (p) => ({
      zh: `质疑未在期限（${p.answerBy}）内答复`,
      en: `A challenge was not answered by ${p.answerBy}`,
    }),
  }),
};
