import { z } from 'zod';
import { define } from './define';

const uuid = z.string().uuid();
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const drawRef = { drawId: uuid, projectId: uuid, lotId: uuid };

/**
 * The expert draw's events (C11, ADR 0019). Two audiences on purpose: what the host may know (the commitment, the
 * snapshot hash, that the draw ran and the hash of its result, empty seats) goes to the host organisation and
 * oversight, without a name; the events that name an expert go to oversight only, so the committee stays
 * confidential until the result notice. The seed is never in the ledger: its commitment is, before the draw.
 */
export const EXPERT_DRAW_EVENTS = {
  /**
   * The host asked for a draw: the server made the seed and fixed the pool. `seedCommitment` and `poolSnapshotHash`
   * are on the record before anyone can know the result; `supplementOf` names the first draw of a supplementary one.
   */
  'expert_draw.requested': define({
    version: 1,
    payload: z.object({
      ...drawRef,
      supplementOf: uuid.nullable(),
      seedCommitment: hex64,
      poolSnapshotHash: hex64,
      poolSize: z.number().int().nonnegative(),
      eligible: z.number().int().nonnegative(),
      specialties: z.array(z.string()),
      members: z.number().int().positive(),
      reserves: z.number().int().nonnegative(),
      purchaserRepresentatives: z.number().int().nonnegative(),
    }),
    summary: (p) => ({
      zh: `${p.supplementOf ? '补充抽取' : '专家抽取'}已申请：抽取 ${p.members} 人、备选 ${p.reserves} 人（种子承诺 ${p.seedCommitment.slice(0, 12)}…）`,
      en: `${p.supplementOf ? 'Supplementary draw' : 'Expert draw'} requested: ${p.members} experts, ${p.reserves} reserves (seed commitment ${p.seedCommitment.slice(0, 12)}…)`,
    }),
  }),
  /** The host ran the draw; `committeeHash` fixes members and reserves in draw order without naming them. */
  'expert_draw.drawn': define({
    version: 1,
    payload: z.object({
      ...drawRef,
      committeeHash: hex64,
      members: z.number().int().nonnegative(),
      reserves: z.number().int().nonnegative(),
    }),
    summary: (p) => ({
      zh: `专家抽取完成：${p.members} 名评审专家、${p.reserves} 名备选（结果摘要 ${p.committeeHash.slice(0, 12)}…）`,
      en: `Experts drawn: ${p.members} members, ${p.reserves} reserves (result hash ${p.committeeHash.slice(0, 12)}…)`,
    }),
  }),
  /** A drawn expert was asked to confirm a seat (a member at the draw, or a reserve stepping in). Oversight only. */
  'expert_draw.expert_invited': define({
    version: 1,
    payload: z.object({
      ...drawRef,
      seatId: uuid,
      expertUserId: uuid,
      seat: z.number().int().positive(),
      steppedInFor: uuid.nullable(),
      respondBy: z.string(),
    }),
    summary: (p) => ({
      zh: `评审专家席位 ${p.seat}${p.steppedInFor ? '由备选专家递补' : ''}，已通知专家确认`,
      en: `Seat ${p.seat}${p.steppedInFor ? ' taken by a reserve' : ''}: the expert was asked to confirm`,
    }),
  }),
  /** The expert confirmed they will sit. Oversight only. */
  'expert_draw.expert_confirmed': define({
    version: 1,
    payload: z.object({ ...drawRef, seatId: uuid, expertUserId: uuid, seat: z.number().int().positive() }),
    summary: (p) => ({ zh: `评审专家席位 ${p.seat} 已确认参加`, en: `Seat ${p.seat}: the expert confirmed` }),
  }),
  /** The expert declined with a reason, or did not answer before the deadline (`timedOut`). Oversight only. */
  'expert_draw.expert_declined': define({
    version: 1,
    payload: z.object({
      ...drawRef,
      seatId: uuid,
      expertUserId: uuid,
      seat: z.number().int().positive(),
      reason: z.string(),
      timedOut: z.boolean(),
    }),
    summary: (p) => ({
      zh: `评审专家席位 ${p.seat}：${p.timedOut ? '专家未在时限内确认' : '专家拒绝参加'}`,
      en: `Seat ${p.seat}: ${p.timedOut ? 'the expert did not answer in time' : 'the expert declined'}`,
    }),
  }),
  /** A seat is empty and no reserve is left: the host must run a supplementary draw. */
  'expert_draw.seat_vacant': define({
    version: 1,
    payload: z.object({ ...drawRef, seat: z.number().int().positive() }),
    summary: (p) => ({
      zh: `评审专家席位 ${p.seat} 空缺，备选专家已用完，需补充抽取`,
      en: `Seat ${p.seat} is empty and no reserve is left: a supplementary draw is needed`,
    }),
  }),
  /** Every seat of the lot's committee is confirmed. */
  'expert_draw.committee_complete': define({
    version: 1,
    payload: z.object({ ...drawRef, seats: z.number().int().positive() }),
    summary: (p) => ({
      zh: `评标委员会 ${p.seats} 名抽取专家均已确认`,
      en: `All ${p.seats} drawn experts of the committee confirmed`,
    }),
  }),
};
