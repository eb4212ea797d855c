import type { Bilingual } from '../bilingual';
import { epochMillis, isIsoDate, type Instant } from '../calendar/civil-date';
import type { DrawInputProblem, DrawParty, ExpertDrawRequest, ExpertForDraw } from './draw-types';
import { normaliseOrganisationName, normaliseRegion } from './organisation-matching';

/** A category code: a letter (A goods, B works, C services), then two digits per level. */
const CATEGORY_CODE = /^[ABC](?:\d{2}){0,6}$/;
/** Expert ids are printable ASCII, so every language sorts them the same way (UUIDs in the platform). */
const EXPERT_ID = /^[\x21-\x7e]{1,128}$/;
/** Ten years: a longer recent-draw period is a typing mistake. */
export const MAX_RECENT_DRAW_DAYS = 3660;

export function normaliseCategoryCode(code: string): string {
  return code.trim().toUpperCase();
}

export function isExpertId(id: string): boolean {
  return EXPERT_ID.test(id);
}

function isInstant(value: Instant): boolean {
  try {
    epochMillis(value);
    return true;
  } catch {
    return false;
  }
}

const T = {
  specialtiesEmpty: { zh: '请至少选择一个专业', en: 'Choose at least one specialty' },
  specialty: { zh: '不是品目分类代码（如 A0201）', en: 'Not a category code (such as A0201)' },
  members: { zh: '抽取人数须为不小于1的整数', en: 'The number of experts must be a whole number of at least 1' },
  reserves: { zh: '备选人数须为不小于0的整数', en: 'The number of reserves must be a whole number, 0 or more' },
  recentDays: {
    zh: `近期抽取回避天数须为0至${MAX_RECENT_DRAW_DAYS}的整数`,
    en: `The recent-draw period must be a whole number of days from 0 to ${MAX_RECENT_DRAW_DAYS}`,
  },
  instant: { zh: '须为带时区的时间（如 2026-03-02T09:30+08:00）', en: 'Must be a date-time with its offset' },
  name: { zh: '单位名称不能为空', en: 'The organisation name is empty' },
  region: { zh: '地区不能为空', en: 'The region is empty' },
  expertId: { zh: '专家标识须为1至128个可打印ASCII字符', en: 'An expert id is 1 to 128 printable ASCII characters' },
  duplicateId: { zh: '专家重复出现在专家库中', en: 'The expert appears twice in the pool' },
  date: { zh: '须为日期（YYYY-MM-DD）', en: 'Must be a date (YYYY-MM-DD)' },
} as const satisfies Record<string, Bilingual>;

/** Every problem with the request and the pool, each naming its field; empty when the draw can run. */
export function validateDrawInput(request: ExpertDrawRequest, experts: readonly ExpertForDraw[]): DrawInputProblem[] {
  const problems: DrawInputProblem[] = [];
  const fail = (field: string, message: Bilingual): void => {
    problems.push({ field, message });
  };
  const wholeAtLeast = (n: number, min: number): boolean => Number.isSafeInteger(n) && n >= min;

  if (request.specialties.length === 0) fail('request.specialties', T.specialtiesEmpty);
  request.specialties.forEach((code, i) => {
    if (!CATEGORY_CODE.test(normaliseCategoryCode(code))) fail(`request.specialties.${i}`, T.specialty);
  });
  if (!wholeAtLeast(request.members, 1)) fail('request.members', T.members);
  if (!wholeAtLeast(request.reserves, 0)) fail('request.reserves', T.reserves);
  if (!wholeAtLeast(request.recentDrawDays, 0) || request.recentDrawDays > MAX_RECENT_DRAW_DAYS) {
    fail('request.recentDrawDays', T.recentDays);
  }
  if (!isInstant(request.drawAt)) fail('request.drawAt', T.instant);
  const party = (p: DrawParty, field: string): void => {
    if (normaliseOrganisationName(p.name) === '') fail(`${field}.name`, T.name);
  };
  party(request.purchaser, 'request.purchaser');
  if (request.agency !== null) party(request.agency, 'request.agency');
  request.bidders.forEach((b, i) => party(b, `request.bidders.${i}`));
  for (const key of ['include', 'exclude'] as const) {
    request.regions[key].forEach((r, i) => {
      if (normaliseRegion(r) === '') fail(`request.regions.${key}.${i}`, T.region);
    });
  }
  request.previouslyDrawn.forEach((id, i) => {
    if (!isExpertId(id)) fail(`request.previouslyDrawn.${i}`, T.expertId);
  });

  const seen = new Set<string>();
  experts.forEach((e, i) => {
    const at = `experts.${i}`;
    if (!isExpertId(e.id)) fail(`${at}.id`, T.expertId);
    else if (seen.has(e.id)) fail(`${at}.id`, T.duplicateId);
    seen.add(e.id);
    if (e.specialties.length === 0) fail(`${at}.specialties`, T.specialtiesEmpty);
    e.specialties.forEach((code, j) => {
      if (!CATEGORY_CODE.test(normaliseCategoryCode(code))) fail(`${at}.specialties.${j}`, T.specialty);
    });
    if (normaliseRegion(e.region) === '') fail(`${at}.region`, T.region);
    if (normaliseOrganisationName(e.employerName) === '') fail(`${at}.employerName`, T.name);
    e.conflicts.forEach((c, j) => {
      if (normaliseOrganisationName(c.organisationName) === '') fail(`${at}.conflicts.${j}.organisationName`, T.name);
      if (c.withdrawnAt !== null && !isInstant(c.withdrawnAt)) fail(`${at}.conflicts.${j}.withdrawnAt`, T.instant);
    });
    e.recentDrawDates.forEach((d, j) => {
      if (!isIsoDate(d)) fail(`${at}.recentDrawDates.${j}`, T.date);
    });
  });
  return problems;
}
