import type { Bilingual } from '../bilingual';
import type { EnterpriseScale } from '../roles';
import { normaliseUscc } from '../uscc';

/**
 * Consortium bids (联合体投标). 政府采购法 第二十四条: two or more suppliers may bid jointly as one supplier; each must
 * meet the qualification conditions; they sign a consortium agreement stating each party's work and submit it with
 * the bid. 实施条例 第二十二条: the parties may not also bid alone, or in another consortium, in the same contract
 * (lot). The documents state whether a lot accepts consortia. 财库〔2020〕46号 第九条: the share of the contract that
 * small and micro members take counts for the SME price deduction, so every member's share is kept.
 *
 * Shares are integer basis points (1/100 of a percent); the members' shares sum to exactly 10000 (100%).
 */
export const CONSORTIUM_ROLES = ['lead', 'member'] as const;
export type ConsortiumRole = (typeof CONSORTIUM_ROLES)[number];

/** 100% in basis points. */
export const FULL_SHARE = 10_000;
/** A consortium has at least two parties (政府采购法 第二十四条 "两个以上"). */
export const MIN_CONSORTIUM_MEMBERS = 2;
/** An upper bound against abuse; no statute caps it, documents may set a lower one. */
export const MAX_CONSORTIUM_MEMBERS = 10;

export interface ConsortiumMemberInput {
  /** Unified social credit code of the member organisation. */
  uscc: string;
  role: ConsortiumRole;
  shareBasisPoints: number;
}

export type ConsortiumProblemCode =
  | 'TOO_FEW_MEMBERS'
  | 'TOO_MANY_MEMBERS'
  | 'LEAD_COUNT'
  | 'LEAD_NOT_CALLER'
  | 'DUPLICATE_MEMBER'
  | 'SHARE_OUT_OF_RANGE'
  | 'SHARES_NOT_FULL';

export interface ConsortiumProblem {
  code: ConsortiumProblemCode;
  /** Index of the member concerned, when one is. */
  index?: number;
  message: Bilingual;
}

const pct = (bp: number) => `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')}%`;

/**
 * Checks a consortium's composition as its lead declares it: at least two and at most MAX members, exactly one lead
 * (牵头人) who is the declaring organisation (`leadUscc`), no organisation twice, every share a whole number of basis
 * points above 0 and below 100%, and the shares summing to exactly 100%. Returns every problem found (empty: valid).
 */
export function validateConsortium(members: readonly ConsortiumMemberInput[], leadUscc: string): ConsortiumProblem[] {
  const problems: ConsortiumProblem[] = [];
  if (members.length < MIN_CONSORTIUM_MEMBERS) {
    problems.push({
      code: 'TOO_FEW_MEMBERS',
      message: {
        zh: `联合体至少由 ${MIN_CONSORTIUM_MEMBERS} 个供应商组成（政府采购法第二十四条）`,
        en: `A consortium has at least ${MIN_CONSORTIUM_MEMBERS} suppliers (Government Procurement Law art. 24)`,
      },
    });
  }
  if (members.length > MAX_CONSORTIUM_MEMBERS) {
    problems.push({
      code: 'TOO_MANY_MEMBERS',
      message: {
        zh: `联合体成员不得超过 ${MAX_CONSORTIUM_MEMBERS} 个`,
        en: `A consortium may have at most ${MAX_CONSORTIUM_MEMBERS} members`,
      },
    });
  }
  const leads = members.filter((m) => m.role === 'lead');
  if (leads.length !== 1) {
    problems.push({
      code: 'LEAD_COUNT',
      message: {
        zh: `联合体须有且只有一个牵头人（现有 ${leads.length} 个）`,
        en: `A consortium has exactly one lead member (found ${leads.length})`,
      },
    });
  } else if (normaliseUscc(leads[0]?.uscc ?? '') !== normaliseUscc(leadUscc)) {
    problems.push({
      code: 'LEAD_NOT_CALLER',
      index: members.indexOf(leads[0] as ConsortiumMemberInput),
      message: {
        zh: '牵头人须为发起投标的本单位',
        en: 'The lead member must be your own organisation, which starts the bid',
      },
    });
  }
  const seen = new Map<string, number>();
  members.forEach((m, index) => {
    const code = normaliseUscc(m.uscc);
    const first = seen.get(code);
    if (first !== undefined) {
      problems.push({
        code: 'DUPLICATE_MEMBER',
        index,
        message: {
          zh: `成员 ${index + 1} 与成员 ${first + 1} 是同一单位（${code}）`,
          en: `Member ${index + 1} is the same organisation as member ${first + 1} (${code})`,
        },
      });
    } else seen.set(code, index);
    if (!Number.isSafeInteger(m.shareBasisPoints) || m.shareBasisPoints <= 0 || m.shareBasisPoints >= FULL_SHARE) {
      problems.push({
        code: 'SHARE_OUT_OF_RANGE',
        index,
        message: {
          zh: `成员 ${index + 1} 的分工比例须大于 0 且小于 100%，最多两位小数`,
          en: `Member ${index + 1}'s share must be above 0 and below 100%, with at most two decimals`,
        },
      });
    }
  });
  const sum = members.reduce((n, m) => n + (Number.isSafeInteger(m.shareBasisPoints) ? m.shareBasisPoints : 0), 0);
  if (members.length >= MIN_CONSORTIUM_MEMBERS && sum !== FULL_SHARE) {
    problems.push({
      code: 'SHARES_NOT_FULL',
      message: {
        zh: `各成员分工比例之和须为 100%（现为 ${pct(sum)}）`,
        en: `The members' shares must add up to 100% (they add up to ${pct(sum)})`,
      },
    });
  }
  return problems;
}

/** A percentage typed by a person ("33.33") as basis points, or null when it is not a number with ≤ 2 decimals. */
export function percentToBasisPoints(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(t)) return null;
  const [whole = '0', frac = ''] = t.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/** Basis points as a percentage for display ("33.33%", "50%"). */
export function formatShare(basisPoints: number): string {
  return pct(basisPoints);
}

/**
 * The share of the contract that small and micro members take, in basis points (财库〔2020〕46号 第九条: a consortium
 * giving them ≥ 30% may get the consortium deduction). Scales are those recorded when the bid was made.
 */
export function smallMicroShare(members: readonly { scale: EnterpriseScale | null; shareBasisPoints: number }[]) {
  return members.filter((m) => m.scale === 'small' || m.scale === 'micro').reduce((n, m) => n + m.shareBasisPoints, 0);
}
