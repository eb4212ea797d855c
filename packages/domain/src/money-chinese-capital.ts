import type { Bilingual } from './bilingual';
import { MAX_FEN } from './money';

/**
 * Amounts in Chinese capital numerals (中文大写金额), as banks require them on bills and as bid forms show them next
 * to the figures. The convention is 中国人民银行《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》:
 * - digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟万亿, 元角分; "整" after an amount that ends at 元 (optional after 角, never
 *   after 分); 10 is 壹拾;
 * - 规定第（一）（二）项: a zero (or a run of zeros) between digits is written as one 零: 1,409.50 → 壹仟肆佰零玖元伍角,
 *   6,007.14 → 陆仟零柒元壹角肆分;
 * - 第（三）项: when the 万 or 元 digit is 0 but the next digit down (千, 角) is not, the 零 may be written or left out:
 *   1,680.32 → 壹仟陆佰捌拾元(零)叁角贰分, 107,000.53 → 壹拾万(零)柒仟元伍角叁分. We write it out (shorter form), and
 *   accept both when parsing. The same holds at the 亿 boundary;
 * - 第（四）项: when 角 is 0 and 分 is not, 零 follows 元: 16,409.02 → 壹万陆仟肆佰零玖元零贰分.
 * Amounts below one yuan start at 角 or 分 (0.05 → 伍分); zero is 零元整.
 */
const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SECTION_UNITS = ['', '拾', '佰', '仟'] as const;

/** 1–9999 within a four-digit section (个十百千), with one 零 for each run of inner zeros. */
function section(n: number): string {
  let out = '';
  let pendingZero = false;
  for (let p = 3; p >= 0; p--) {
    const d = Math.floor(n / 10 ** p) % 10;
    if (d === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS.charAt(d) + SECTION_UNITS[p];
  }
  return out;
}

/** A positive whole number of yuan: sections joined by 万 and 亿; 零 where the lower part starts with a zero digit. */
function integerPart(n: number): string {
  if (n >= 1e8) {
    const high = Math.floor(n / 1e8);
    const low = n % 1e8;
    return `${integerPart(high)}亿${low ? (low < 1e7 ? '零' : '') + integerPart(low) : ''}`;
  }
  if (n >= 1e4) {
    const high = Math.floor(n / 1e4);
    const low = n % 1e4;
    return `${section(high)}万${low ? (low < 1e3 ? '零' : '') + section(low) : ''}`;
  }
  return section(n);
}

/** 100000000 fen → 壹亿元整; 100550 → 壹仟零伍元伍角; 5 → 伍分; 1001001 → 壹万零壹拾元零壹分. */
export function toChineseCapital(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0 || fen > MAX_FEN) throw new RangeError(`not an amount in fen: ${fen}`);
  if (fen === 0) return '零元整';
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const f = fen % 10;
  let out = yuan > 0 ? `${integerPart(yuan)}元` : '';
  if (jiao === 0 && f === 0) return `${out}整`;
  if (jiao > 0) out += `${DIGITS.charAt(jiao)}角`;
  else if (yuan > 0) out += '零';
  if (f > 0) out += `${DIGITS.charAt(f)}分`;
  return out;
}

/** Departures from the banking convention that leave the amount unambiguous. */
export type CapitalIssue = 'MISSING_ZERO' | 'UNEXPECTED_ZERO' | 'MISSING_ZHENG' | 'ZHENG_AFTER_FEN' | 'BARE_SHI';

export const CAPITAL_ISSUE_MESSAGES = {
  MISSING_ZERO: { zh: '数字中间的"0"应写"零"', en: 'A zero between digits must be written 零' },
  UNEXPECTED_ZERO: { zh: '多写了"零"', en: 'A 零 is written where there is no zero' },
  MISSING_ZHENG: { zh: '到"元"为止的金额应在"元"后写"整"', en: 'An amount ending at 元 should end with 整' },
  ZHENG_AFTER_FEN: { zh: '"分"后不写"整"', en: '整 is not written after 分' },
  BARE_SHI: { zh: '"拾"前应写"壹"', en: '拾 at the start should be written 壹拾' },
} as const satisfies Record<CapitalIssue, Bilingual>;

export type ParsedCapital =
  | { ok: true; fen: number; issues: CapitalIssue[] }
  | { ok: false; code: 'CAPITAL_EMPTY' | 'CAPITAL_MALFORMED' | 'CAPITAL_TOO_LARGE'; message: Bilingual };

class Malformed extends Error {}

const digitOf = (ch: string | undefined): number => (ch && ch !== '零' ? DIGITS.indexOf(ch) : -1);

/** 1–9999 from 仟佰拾-units; records convention issues. */
function parseSection(s: string, issues: Set<CapitalIssue>): number {
  let value = 0;
  let lastPos = 4;
  let sawZero = false;
  let i = 0;
  while (i < s.length) {
    const ch = s.charAt(i);
    if (ch === '零') {
      if (sawZero || value === 0) throw new Malformed();
      sawZero = true;
      i++;
      continue;
    }
    let d = digitOf(ch);
    let pos: number;
    if (d > 0) {
      const unit = SECTION_UNITS.indexOf(s.charAt(i + 1) as (typeof SECTION_UNITS)[number]);
      if (unit > 0) {
        pos = unit;
        i += 2;
      } else {
        pos = 0;
        i += 1;
        if (i < s.length) throw new Malformed();
      }
    } else if (ch === '拾' && value === 0 && !sawZero) {
      issues.add('BARE_SHI');
      d = 1;
      pos = 1;
      i++;
    } else {
      throw new Malformed();
    }
    if (pos >= lastPos) throw new Malformed();
    const gap = value > 0 && lastPos - pos > 1;
    if (gap && !sawZero) issues.add('MISSING_ZERO');
    if (!gap && sawZero) issues.add('UNEXPECTED_ZERO');
    value += d * 10 ** pos;
    lastPos = pos;
    sawZero = false;
  }
  if (sawZero || value === 0) throw new Malformed();
  return value;
}

/**
 * `high·separator·low`, where `low` < `scale`: the 零 after the separator is required when `low`'s top digit is 0,
 * optional when `high` ends with a zero (规定第（三）项), unexpected otherwise.
 */
function parseScaled(
  s: string,
  separator: '万' | '亿',
  scale: number,
  parseHigh: (t: string) => number,
  parseLow: (t: string) => number,
  issues: Set<CapitalIssue>,
): number {
  const parts = s.split(separator);
  if (parts.length > 2) throw new Malformed();
  if (parts.length === 1) return parseLow(s);
  const [highText = '', lowRaw = ''] = parts;
  if (highText === '') throw new Malformed();
  const high = parseHigh(highText);
  const zero = lowRaw.startsWith('零');
  const lowText = zero ? lowRaw.slice(1) : lowRaw;
  if (zero && lowText === '') throw new Malformed();
  const low = lowText ? parseLow(lowText) : 0;
  if (low > 0 && low < scale / 10 && !zero) issues.add('MISSING_ZERO');
  if (zero && low >= scale / 10 && high % 10 !== 0) issues.add('UNEXPECTED_ZERO');
  return high * scale + low;
}

function parseInteger(s: string, issues: Set<CapitalIssue>): number {
  const underYi = (t: string): number =>
    parseScaled(
      t,
      '万',
      1e4,
      (h) => parseSection(h, issues),
      (l) => parseSection(l, issues),
      issues,
    );
  return parseScaled(s, '亿', 1e8, underYi, underYi, issues);
}

/**
 * Reads a capital amount back into fen (to check 大写 against figures). Accepts the optional forms of the convention
 * (with or without the optional 零, 圆 for 元, 正 for 整, a leading 人民币) and reports departures from it as issues.
 */
export function parseChineseCapital(input: string): ParsedCapital {
  const s = input
    .replace(/\s+/g, '')
    .replace(/^人民币[:：]?/, '')
    .replace(/圆/g, '元')
    .replace(/正/g, '整');
  if (s === '')
    return { ok: false, code: 'CAPITAL_EMPTY', message: { zh: '请填写大写金额', en: 'Enter the amount in capitals' } };
  const issues = new Set<CapitalIssue>();
  try {
    const yuanAt = s.indexOf('元');
    if (yuanAt !== s.lastIndexOf('元')) throw new Malformed();
    const intText = yuanAt >= 0 ? s.slice(0, yuanAt) : '';
    let rest = yuanAt >= 0 ? s.slice(yuanAt + 1) : s;
    if (yuanAt === 0) throw new Malformed();
    const yuan = intText === '' || intText === '零' ? 0 : parseInteger(intText, issues);

    const takeZero = (): boolean => (rest.startsWith('零') ? ((rest = rest.slice(1)), true) : false);
    const takeDigit = (unit: '角' | '分'): number => {
      const d = digitOf(rest.charAt(0));
      if (d > 0 && rest.charAt(1) === unit) {
        rest = rest.slice(2);
        return d;
      }
      return 0;
    };
    const zeroBeforeJiao = takeZero();
    const jiao = takeDigit('角');
    const zeroBeforeFen = takeZero();
    const f = takeDigit('分');
    const zheng = rest === '整';
    if (zheng) rest = '';
    if (rest !== '' || (zeroBeforeJiao && zeroBeforeFen)) throw new Malformed();
    if (yuanAt < 0 && jiao === 0 && f === 0) throw new Malformed();

    if (jiao > 0) {
      if (zeroBeforeJiao && (yuan === 0 || yuan % 10 !== 0)) issues.add('UNEXPECTED_ZERO');
      if (zeroBeforeFen) issues.add('UNEXPECTED_ZERO');
    } else if (f > 0) {
      if (yuan > 0 && !zeroBeforeJiao && !zeroBeforeFen) issues.add('MISSING_ZERO');
    } else if (zeroBeforeJiao || zeroBeforeFen) {
      throw new Malformed();
    }
    if (f > 0 && zheng) issues.add('ZHENG_AFTER_FEN');
    if (jiao === 0 && f === 0 && !zheng) issues.add('MISSING_ZHENG');

    const fen = yuan * 100 + jiao * 10 + f;
    if (!Number.isSafeInteger(fen) || fen > MAX_FEN) {
      return {
        ok: false,
        code: 'CAPITAL_TOO_LARGE',
        message: { zh: '金额超出上限（10万亿元）', en: 'The amount exceeds the limit (10^13 yuan)' },
      };
    }
    return { ok: true, fen, issues: [...issues] };
  } catch (e) {
    if (!(e instanceof Malformed)) throw e;
    return {
      ok: false,
      code: 'CAPITAL_MALFORMED',
      message: { zh: `无法识别的大写金额：${input}`, en: `Not an amount in Chinese capitals: ${input}` },
    };
  }
}
