import type { Bilingual } from '../bilingual';
import { EXCLUSION_CODES, type ExclusionCode } from './draw-types';
import type { PoolSnapshot } from './pool-snapshot-types';

/** Short names of the reasons, for counts ("专业不符 12人"). */
export const EXCLUSION_LABELS = {
  SPECIALTY_MISMATCH: { zh: '专业不符', en: 'other specialty' },
  REGION_NOT_INCLUDED: { zh: '不在抽取地区', en: 'region not drawn from' },
  REGION_EXCLUDED: { zh: '所在地区被排除', en: 'region excluded' },
  EMPLOYER_IS_PURCHASER: { zh: '任职于采购人', en: 'works for the purchaser' },
  EMPLOYER_IS_AGENCY: { zh: '任职于采购代理机构', en: 'works for the agency' },
  EMPLOYER_IS_BIDDER: { zh: '任职于投标人', en: 'works for a bidder' },
  CONFLICT_WITH_PURCHASER: { zh: '申报与采购人有利害关系', en: 'declared conflict with the purchaser' },
  CONFLICT_WITH_AGENCY: { zh: '申报与采购代理机构有利害关系', en: 'declared conflict with the agency' },
  CONFLICT_WITH_BIDDER: { zh: '申报与投标人有利害关系', en: 'declared conflict with a bidder' },
  RECENTLY_DRAWN: { zh: '近期已被抽取', en: 'drawn recently' },
  ALREADY_DRAWN_FOR_PROJECT: { zh: '本项目已抽中', en: 'already drawn for this project' },
} as const satisfies Record<ExclusionCode, Bilingual>;

/** How many experts each reason excluded; an expert with two reasons counts under both. Codes with 0 are left out. */
export type ExclusionCounts = Partial<Record<ExclusionCode, number>>;

export function countExclusions(snapshot: PoolSnapshot): ExclusionCounts {
  const counts: ExclusionCounts = {};
  for (const expert of snapshot.experts) {
    for (const code of expert.excludedFor) counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

export interface NotEnoughEligible {
  code: 'NOT_ENOUGH_ELIGIBLE_EXPERTS';
  poolSize: number;
  eligible: number;
  /** members + reserves */
  needed: number;
  excludedByReason: ExclusionCounts;
  message: Bilingual;
}

export function notEnoughEligible(snapshot: PoolSnapshot, eligible: number): NotEnoughEligible {
  const { members, reserves } = snapshot.request;
  const counts = countExclusions(snapshot);
  const listed = EXCLUSION_CODES.filter((code) => counts[code] !== undefined);
  const zh = listed.map((code) => `${EXCLUSION_LABELS[code].zh}${counts[code]}人`).join('，');
  const en = listed.map((code) => `${EXCLUSION_LABELS[code].en} ${counts[code]}`).join(', ');
  const excluded = snapshot.experts.length - eligible;
  return {
    code: 'NOT_ENOUGH_ELIGIBLE_EXPERTS',
    poolSize: snapshot.experts.length,
    eligible,
    needed: members + reserves,
    excludedByReason: counts,
    message: {
      zh:
        `符合条件的专家仅${eligible}人，需要${members + reserves}人（评审专家${members}人、备选${reserves}人）；` +
        `专家库${snapshot.experts.length}人中${excluded}人不符合条件` +
        (zh ? `：${zh}` : '') +
        '。请扩大专业或地区范围，或减少备选人数',
      en:
        `Only ${eligible} eligible experts; ${members + reserves} needed (${members} members, ${reserves} reserves); ` +
        `${excluded} of the ${snapshot.experts.length} in the pool are not eligible` +
        (en ? ` (${en})` : '') +
        '. Widen the specialties or regions, or draw fewer reserves',
    },
  };
}
