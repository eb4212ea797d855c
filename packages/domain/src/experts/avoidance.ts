import type { Bilingual } from '../bilingual';
import { dayNumber } from '../calendar/civil-date';
import { categoryWithin } from '../procurement-categories';
import type { Citation } from '../rules/rule-types';
import type { ExclusionCode, ExclusionReason } from './draw-types';
import { EXCLUSION_CODES } from './draw-types';
import { EXPERT_CITE as CITE } from './expert-citations';
import { sameOrganisation, type OrganisationKey } from './organisation-matching';
import type { SnapshotExpertFacts, SnapshotRequest } from './pool-snapshot-types';

type Texts = (detail: string, request: SnapshotRequest) => Bilingual;

/** Each reason: its message (the detail is what matched) and its sources. */
const REASONS: Record<ExclusionCode, { text: Texts; sources: readonly Citation[] }> = {
  SPECIALTY_MISMATCH: {
    text: (d, r) => ({
      zh: `专业（${d}）不属于抽取专业（${r.specialties.join('、')}）`,
      en: `Specialties (${d}) are not among the requested ones (${r.specialties.join(', ')})`,
    }),
    sources: [CITE.mof87Art48],
  },
  REGION_NOT_INCLUDED: {
    text: (d) => ({
      zh: `所在地区（${d}）不在抽取地区范围内`,
      en: `Region (${d}) is not among the regions drawn from`,
    }),
    sources: [CITE.platform],
  },
  REGION_EXCLUDED: {
    text: (d) => ({ zh: `所在地区（${d}）已被排除`, en: `Region (${d}) is excluded from this draw` }),
    sources: [CITE.platform],
  },
  EMPLOYER_IS_PURCHASER: {
    text: (d) => ({
      zh: `工作单位为本项目采购人（${d}），只能作为采购人代表参加评审`,
      en: `Works for the purchaser (${d}): may sit only as the purchaser's representative`,
    }),
    sources: [CITE.mof87Art47, CITE.gplArt12],
  },
  EMPLOYER_IS_AGENCY: {
    text: (d) => ({
      zh: `工作单位为本项目采购代理机构（${d}），不得参加本机构代理项目的评审`,
      en: `Works for the agency (${d}), whose staff may not evaluate its own projects`,
    }),
    sources: [CITE.mof87Art47],
  },
  EMPLOYER_IS_BIDDER: {
    text: (d) => ({
      zh: `工作单位为本项目投标人（${d}），与供应商存在利害关系，应当回避`,
      en: `Works for a bidder (${d}): an interest in a supplier, must withdraw`,
    }),
    sources: [CITE.gplArt12, CITE.regArt9, CITE.czk2016n198Art16],
  },
  CONFLICT_WITH_PURCHASER: {
    text: (d) => ({
      zh: `已申报与本项目采购人（${d}）存在利害关系，应当回避`,
      en: `Declared a conflict with the purchaser (${d}): must withdraw`,
    }),
    sources: [CITE.platform],
  },
  CONFLICT_WITH_AGENCY: {
    text: (d) => ({
      zh: `已申报与本项目采购代理机构（${d}）存在利害关系，应当回避`,
      en: `Declared a conflict with the agency (${d}): must withdraw`,
    }),
    sources: [CITE.platform],
  },
  CONFLICT_WITH_BIDDER: {
    text: (d) => ({
      zh: `已申报与本项目投标人（${d}）存在利害关系，应当回避`,
      en: `Declared a conflict with a bidder (${d}): must withdraw`,
    }),
    sources: [CITE.gplArt12, CITE.regArt9, CITE.czk2016n198Art16],
  },
  RECENTLY_DRAWN: {
    text: (d, r) => ({
      zh: `${d}已被抽取，抽取当日及前${r.recentDrawDays}日内被抽取的专家不再抽取`,
      en: `Drawn on ${d}: experts drawn on the draw day or in the ${r.recentDrawDays} days before it are skipped`,
    }),
    sources: [CITE.platform],
  },
  ALREADY_DRAWN_FOR_PROJECT: {
    text: () => ({
      zh: '已在本项目此前的抽取中被抽中（补充抽取不重复抽取）',
      en: 'Already drawn for this project (a supplementary draw does not draw anyone twice)',
    }),
    sources: [CITE.platform],
  },
};

/** A party's display form in a message: its name, or its code when that is what matched. */
const label = (o: OrganisationKey): string => o.name || (o.uscc ?? '');

function matches(employerOrConflict: OrganisationKey, parties: readonly OrganisationKey[]): string[] {
  return parties.filter((p) => sameOrganisation(employerOrConflict, p)).map(label);
}

/** Every reason the expert may not be drawn, with what matched; empty when eligible. */
export function exclusionsOf(expert: SnapshotExpertFacts, request: SnapshotRequest): ExclusionReason[] {
  const found = new Map<ExclusionCode, string[]>();
  const add = (code: ExclusionCode, details: readonly string[]): void => {
    if (details.length > 0) found.set(code, [...(found.get(code) ?? []), ...details]);
  };
  const matching = expert.specialties.some((s) => request.specialties.some((r) => categoryWithin(s, r)));
  if (!matching) add('SPECIALTY_MISMATCH', [expert.specialties.join('、')]);
  if (request.includeRegions.length > 0 && !request.includeRegions.includes(expert.region)) {
    add('REGION_NOT_INCLUDED', [expert.region]);
  }
  if (request.excludeRegions.includes(expert.region)) add('REGION_EXCLUDED', [expert.region]);

  const agency = request.agency === null ? [] : [request.agency];
  add('EMPLOYER_IS_PURCHASER', matches(expert.employer, [request.purchaser]));
  add('EMPLOYER_IS_AGENCY', matches(expert.employer, agency));
  add('EMPLOYER_IS_BIDDER', matches(expert.employer, request.bidders));
  const drawAt = Date.parse(request.drawAt);
  for (const conflict of expert.conflicts) {
    // A withdrawal takes effect at its instant: one made after the draw instant did not exist at the draw.
    if (conflict.withdrawnAt !== null && Date.parse(conflict.withdrawnAt) <= drawAt) continue;
    add('CONFLICT_WITH_PURCHASER', matches(conflict, [request.purchaser]));
    add('CONFLICT_WITH_AGENCY', matches(conflict, agency));
    add('CONFLICT_WITH_BIDDER', matches(conflict, request.bidders));
  }

  const recent = lastRecentDraw(expert.recentDrawDates, request);
  if (recent !== null) add('RECENTLY_DRAWN', [recent]);
  if (request.previouslyDrawn.includes(expert.id)) add('ALREADY_DRAWN_FOR_PROJECT', [expert.id]);

  return EXCLUSION_CODES.filter((code) => found.has(code)).map((code) => {
    const detail = [...new Set(found.get(code))].join('、');
    return { code, detail, message: REASONS[code].text(detail, request), sources: REASONS[code].sources };
  });
}

/**
 * The latest draw date inside the recent-draw period, or null. With N days and the draw on Beijing date D, a draw
 * on d counts when d ≥ D − N (the N days before D, and D itself; a later date too, being a committee to come).
 * Counted as 《民法典》第二百零一条 counts periods: the period after a draw on d runs d+1 … d+N.
 */
export function lastRecentDraw(dates: readonly string[], request: SnapshotRequest): string | null {
  if (request.recentDrawDays === 0) return null;
  const from = dayNumber(request.drawDate) - request.recentDrawDays;
  const recent = dates.filter((d) => dayNumber(d) >= from).sort((a, b) => dayNumber(b) - dayNumber(a));
  return recent[0] ?? null;
}
