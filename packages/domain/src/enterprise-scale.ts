import type { Bilingual } from './bilingual';
import {
  ENTERPRISE_SCALE_STANDARD,
  INDUSTRY_SCALE_STANDARDS,
  type IndustryCode,
  type IndustryScaleStandard,
  type ScaleIndicator,
  type Thresholds,
} from './enterprise-scale-standard';
import { formatFen } from './money';
import type { EnterpriseScale } from './roles';

export const ENTERPRISE_SCALE_LABELS = {
  large: { zh: '大型企业', en: 'large enterprise' },
  medium: { zh: '中型企业', en: 'medium-sized enterprise' },
  small: { zh: '小型企业', en: 'small enterprise' },
  micro: { zh: '微型企业', en: 'micro enterprise' },
} as const satisfies Record<EnterpriseScale, Bilingual>;

export interface ScaleFigures {
  industry: IndustryCode;
  /** 从业人员 (persons). */
  employees?: number | null;
  /** 营业收入 in fen. */
  revenueFen?: number | null;
  /** 资产总额 in fen. */
  assetsFen?: number | null;
}

/** One threshold compared: `actual` in persons or fen, `threshold` in persons or 万元 as the standard states it. */
export interface ThresholdTest {
  tier: 'sme' | 'medium' | 'small';
  indicator: ScaleIndicator;
  threshold: number;
  actual: number;
  /** For `sme`: actual below the ceiling; for `medium` and `small`: actual at or above the floor. */
  met: boolean;
}

export type ScaleClassification =
  | {
      ok: true;
      scale: EnterpriseScale;
      industry: IndustryCode;
      /** The comparisons that decided the scale. */
      tests: ThresholdTest[];
      source: Bilingual;
      message: Bilingual;
    }
  | {
      ok: false;
      code: 'SCALE_FIGURE_MISSING' | 'SCALE_FIGURE_INVALID';
      indicators: ScaleIndicator[];
      message: Bilingual;
    };

const FEN_PER_WAN = 1_000_000;

const INDICATOR_WORDS = {
  employees: { zh: '从业人员', en: 'employees' },
  revenue: { zh: '营业收入', en: 'operating revenue' },
  assets: { zh: '资产总额', en: 'total assets' },
} as const satisfies Record<ScaleIndicator, Bilingual>;

const ITEM_NUMERALS = [
  '',
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
  '十六',
];

/** Fen as 万元, exactly (no floating point): 123456789 fen → "123.456789". */
export function fenToWanString(fen: number): string {
  const whole = Math.floor(fen / FEN_PER_WAN);
  const rest = String(fen % FEN_PER_WAN)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : String(whole);
}

function actualOf(figures: ScaleFigures, indicator: ScaleIndicator): number | null | undefined {
  return indicator === 'employees'
    ? figures.employees
    : indicator === 'revenue'
      ? figures.revenueFen
      : figures.assetsFen;
}

/** Compares in the indicator's own unit: persons, or fen against 万元 × 1,000,000. */
function atOrAbove(indicator: ScaleIndicator, actual: number, threshold: number): boolean {
  return indicator === 'employees' ? actual >= threshold : actual >= threshold * FEN_PER_WAN;
}

function tests(tier: ThresholdTest['tier'], thresholds: Thresholds, figures: ScaleFigures): ThresholdTest[] {
  return (Object.entries(thresholds) as [ScaleIndicator, number][]).map(([indicator, threshold]) => {
    const actual = actualOf(figures, indicator) ?? 0;
    const above = atOrAbove(indicator, actual, threshold);
    return { tier, indicator, threshold, actual, met: tier === 'sme' ? !above : above };
  });
}

function describeTest(t: ThresholdTest): Bilingual {
  const w = INDICATOR_WORDS[t.indicator];
  const money = t.indicator !== 'employees';
  const actual = money
    ? { zh: `${fenToWanString(t.actual)}万元`, en: `CNY ${formatFen(t.actual)}` }
    : { zh: `${t.actual}人`, en: `${t.actual}` };
  const limit = money
    ? { zh: `${t.threshold}万元`, en: `CNY ${formatFen(t.threshold * FEN_PER_WAN)}` }
    : { zh: `${t.threshold}人`, en: `${t.threshold}` };
  const below = t.tier === 'sme' ? t.met : !t.met;
  return {
    zh: `${w.zh}${actual.zh}（${below ? '低于' : '不低于'}${limit.zh}）`,
    en: `${w.en} ${actual.en} (${below ? 'below' : 'at least'} ${limit.en})`,
  };
}

const join = (parts: Bilingual[], zhSep: string, enSep: string): Bilingual => ({
  zh: parts.map((p) => p.zh).join(zhSep),
  en: parts.map((p) => p.en).join(enSep),
});

/**
 * Classifies an enterprise as large, medium, small or micro under 工信部联企业〔2011〕300号 from the figures its
 * industry's standard uses, and says which thresholds decided it.
 */
export function classifyEnterpriseScale(figures: ScaleFigures): ScaleClassification {
  const standard: IndustryScaleStandard = INDUSTRY_SCALE_STANDARDS[figures.industry];
  const needed = Object.keys(standard.sme) as ScaleIndicator[];
  const absent = needed.filter((i) => actualOf(figures, i) === null || actualOf(figures, i) === undefined);
  if (absent.length > 0) {
    return {
      ok: false,
      code: 'SCALE_FIGURE_MISSING',
      indicators: absent,
      message: {
        zh: `${standard.label.zh}企业划型需要：${absent.map((i) => INDICATOR_WORDS[i].zh).join('、')}`,
        en: `Classifying an enterprise in ${standard.label.en} needs: ${absent.map((i) => INDICATOR_WORDS[i].en).join(', ')}`,
      },
    };
  }
  const invalid = needed.filter((i) => {
    const v = actualOf(figures, i);
    return typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0;
  });
  if (invalid.length > 0) {
    return {
      ok: false,
      code: 'SCALE_FIGURE_INVALID',
      indicators: invalid,
      message: {
        zh: `${invalid.map((i) => INDICATOR_WORDS[i].zh).join('、')}须为非负整数（金额以分计）`,
        en: `${invalid.map((i) => INDICATOR_WORDS[i].en).join(', ')} must be non-negative integers (amounts in fen)`,
      },
    };
  }

  const sme = tests('sme', standard.sme, figures);
  const medium = tests('medium', standard.medium, figures);
  const small = tests('small', standard.small, figures);
  let scale: EnterpriseScale;
  let decisive: ThresholdTest[];
  if (!sme.some((t) => t.met)) {
    scale = 'large';
    decisive = sme;
  } else if (medium.every((t) => t.met)) {
    scale = 'medium';
    decisive = medium;
  } else if (small.every((t) => t.met)) {
    scale = 'small';
    decisive = [...small, ...medium.filter((t) => !t.met)];
  } else {
    scale = 'micro';
    decisive = small.filter((t) => !t.met);
  }

  const source = {
    zh: `${ENTERPRISE_SCALE_STANDARD.source.zh}第（${ITEM_NUMERALS[standard.item]}）项`,
    en: `${ENTERPRISE_SCALE_STANDARD.source.en}, item ${standard.item}`,
  };
  const facts = join(decisive.map(describeTest), '，', '; ');
  const label = ENTERPRISE_SCALE_LABELS[scale];
  return {
    ok: true,
    scale,
    industry: figures.industry,
    tests: [...sme, ...medium, ...small],
    source,
    message: {
      zh: `${standard.label.zh}：${facts.zh}，为${label.zh}（${source.zh}）`,
      en: `${standard.label.en}: ${facts.en}; a ${label.en} (${source.en})`,
    },
  };
}
