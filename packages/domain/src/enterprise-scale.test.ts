import { describe, expect, it } from 'vitest';
import { classifyEnterpriseScale, fenToWanString, type ScaleFigures } from './enterprise-scale';
import {
  INDUSTRY_CODES,
  INDUSTRY_SCALE_STANDARDS,
  type IndustryCode,
  type ScaleIndicator,
} from './enterprise-scale-standard';
import type { EnterpriseScale } from './roles';

type T = Partial<Record<ScaleIndicator, number>>;

/**
 * 工信部联企业〔2011〕300号 第四条, typed a second time from the text (independently of the data table) so that a
 * typo in either is caught: [SME ceilings ("以下", any one), medium floors ("及以上", all), small floors].
 */
const FROM_THE_TEXT: Record<IndustryCode, [T, T, T]> = {
  agriculture: [{ revenue: 20000 }, { revenue: 500 }, { revenue: 50 }],
  industry: [
    { employees: 1000, revenue: 40000 },
    { employees: 300, revenue: 2000 },
    { employees: 20, revenue: 300 },
  ],
  construction: [
    { revenue: 80000, assets: 80000 },
    { revenue: 6000, assets: 5000 },
    { revenue: 300, assets: 300 },
  ],
  wholesale: [
    { employees: 200, revenue: 40000 },
    { employees: 20, revenue: 5000 },
    { employees: 5, revenue: 1000 },
  ],
  retail: [
    { employees: 300, revenue: 20000 },
    { employees: 50, revenue: 500 },
    { employees: 10, revenue: 100 },
  ],
  transport: [
    { employees: 1000, revenue: 30000 },
    { employees: 300, revenue: 3000 },
    { employees: 20, revenue: 200 },
  ],
  warehousing: [
    { employees: 200, revenue: 30000 },
    { employees: 100, revenue: 1000 },
    { employees: 20, revenue: 100 },
  ],
  postal: [
    { employees: 1000, revenue: 30000 },
    { employees: 300, revenue: 2000 },
    { employees: 20, revenue: 100 },
  ],
  accommodation: [
    { employees: 300, revenue: 10000 },
    { employees: 100, revenue: 2000 },
    { employees: 10, revenue: 100 },
  ],
  catering: [
    { employees: 300, revenue: 10000 },
    { employees: 100, revenue: 2000 },
    { employees: 10, revenue: 100 },
  ],
  'information-transmission': [
    { employees: 2000, revenue: 100000 },
    { employees: 100, revenue: 1000 },
    { employees: 10, revenue: 100 },
  ],
  'software-it-services': [
    { employees: 300, revenue: 10000 },
    { employees: 100, revenue: 1000 },
    { employees: 10, revenue: 50 },
  ],
  'real-estate-development': [
    { revenue: 200000, assets: 10000 },
    { revenue: 1000, assets: 5000 },
    { revenue: 100, assets: 2000 },
  ],
  'property-management': [
    { employees: 1000, revenue: 5000 },
    { employees: 300, revenue: 1000 },
    { employees: 100, revenue: 500 },
  ],
  'leasing-business-services': [
    { employees: 300, assets: 120000 },
    { employees: 100, assets: 8000 },
    { employees: 10, assets: 100 },
  ],
  other: [{ employees: 300 }, { employees: 100 }, { employees: 10 }],
};

const WAN = 1_000_000; // fen per 万元

/** Figures at a set of thresholds, with one indicator one unit (a person, a fen) below its threshold. */
function figures(industry: IndustryCode, at: T, oneBelow?: ScaleIndicator): ScaleFigures {
  const value = (i: ScaleIndicator): number | undefined => {
    const t = at[i];
    if (t === undefined) return undefined;
    const v = i === 'employees' ? t : t * WAN;
    return i === oneBelow ? v - 1 : v;
  };
  return { industry, employees: value('employees'), revenueFen: value('revenue'), assetsFen: value('assets') };
}

const cases: [string, ScaleFigures, EnterpriseScale][] = [];
for (const industry of INDUSTRY_CODES) {
  const [ceiling, medium, small] = FROM_THE_TEXT[industry];
  const indicators = Object.keys(ceiling) as ScaleIndicator[];
  cases.push([`${industry}: at every SME ceiling`, figures(industry, ceiling), 'large']);
  for (const i of indicators)
    cases.push([`${industry}: ${i} one below its ceiling`, figures(industry, ceiling, i), 'medium']);
  cases.push([`${industry}: at every medium floor`, figures(industry, medium), 'medium']);
  for (const i of indicators)
    cases.push([`${industry}: ${i} one below the medium floor`, figures(industry, medium, i), 'small']);
  cases.push([`${industry}: at every small floor`, figures(industry, small), 'small']);
  for (const i of indicators)
    cases.push([`${industry}: ${i} one below the small floor`, figures(industry, small, i), 'micro']);
}

describe('enterprise scale (工信部联企业〔2011〕300号)', () => {
  it('the data table matches the text for all 16 industries', () => {
    expect(INDUSTRY_CODES).toHaveLength(16);
    for (const industry of INDUSTRY_CODES) {
      const s = INDUSTRY_SCALE_STANDARDS[industry];
      expect([s.sme, s.medium, s.small], industry).toEqual(FROM_THE_TEXT[industry]);
    }
  });

  it.each(cases)('%s → %s', (_label, input, scale) => {
    const result = classifyEnterpriseScale(input);
    expect(result).toMatchObject({ ok: true, scale });
  });

  it.each<[string, ScaleFigures, EnterpriseScale]>([
    // 工业: the example of the brief
    ['工业 1000 staff, revenue 40,000万', { industry: 'industry', employees: 1000, revenueFen: 40000 * WAN }, 'large'],
    [
      '工业 2000 staff but revenue 1,000万: SME (或), small',
      { industry: 'industry', employees: 2000, revenueFen: 1000 * WAN },
      'small',
    ],
    [
      '工业 10 staff, revenue 50,000万: SME by staff, micro',
      { industry: 'industry', employees: 10, revenueFen: 50000 * WAN },
      'micro',
    ],
    [
      '软件 50 staff, revenue 600万',
      { industry: 'software-it-services', employees: 50, revenueFen: 600 * WAN },
      'small',
    ],
    ['其他 99 staff', { industry: 'other', employees: 99 }, 'small'],
    ['农林牧渔 revenue 49.99万', { industry: 'agriculture', revenueFen: 50 * WAN - 100 }, 'micro'],
  ])('%s → %s', (_label, input, scale) => {
    expect(classifyEnterpriseScale(input)).toMatchObject({ ok: true, scale });
  });

  it('says which thresholds applied, in both languages', () => {
    const result = classifyEnterpriseScale({ industry: 'industry', employees: 250, revenueFen: 500 * WAN });
    if (!result.ok) throw new Error('refused');
    expect(result.scale).toBe('small');
    expect(result.message.zh).toBe(
      '工业：从业人员250人（不低于20人），营业收入500万元（不低于300万元），从业人员250人（低于300人），营业收入500万元（低于2000万元），为小型企业（工信部联企业〔2011〕300号第四条第（二）项）',
    );
    expect(result.message.en).toContain('a small enterprise (MIIT [2011] No. 300, art. 4, item 2)');
    expect(result.tests.filter((t) => t.tier === 'medium').every((t) => !t.met)).toBe(true);
  });

  it('asks for the figures the industry uses, and refuses bad ones', () => {
    expect(classifyEnterpriseScale({ industry: 'construction', revenueFen: 100 * WAN })).toMatchObject({
      ok: false,
      code: 'SCALE_FIGURE_MISSING',
      indicators: ['assets'],
    });
    expect(classifyEnterpriseScale({ industry: 'other', employees: 5 })).toMatchObject({ ok: true, scale: 'micro' });
    expect(classifyEnterpriseScale({ industry: 'industry', employees: -1, revenueFen: 0 })).toMatchObject({
      ok: false,
      code: 'SCALE_FIGURE_INVALID',
    });
    expect(classifyEnterpriseScale({ industry: 'industry', employees: 5, revenueFen: 1.5 })).toMatchObject({
      ok: false,
      code: 'SCALE_FIGURE_INVALID',
      indicators: ['revenue'],
    });
  });

  it('shows fen as 万元 exactly', () => {
    expect(fenToWanString(2000 * WAN)).toBe('2000');
    expect(fenToWanString(2000 * WAN - 1)).toBe('1999.999999');
    expect(fenToWanString(50)).toBe('0.00005');
  });
});
