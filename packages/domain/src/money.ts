import type { Bilingual } from './bilingual';

/**
 * Money is an integer number of fen (分, 1/100 yuan), never a float (ENGINEERING.md §2). The platform's ceiling is
 * 10^13 yuan (10^15 fen), below 2^53, so every amount is a safe JavaScript integer; products that could exceed it
 * (amount × ratio) go through BigInt.
 */
export const MAX_YUAN = 10_000_000_000_000;
export const MAX_FEN = MAX_YUAN * 100;

export type AmountProblemCode =
  | 'AMOUNT_EMPTY'
  | 'AMOUNT_NOT_A_NUMBER'
  | 'AMOUNT_NEGATIVE'
  | 'AMOUNT_TOO_MANY_DECIMALS'
  | 'AMOUNT_BAD_GROUPING'
  | 'AMOUNT_TOO_LARGE';

export type ParsedAmount = { ok: true; fen: number } | { ok: false; code: AmountProblemCode; message: Bilingual };

const PROBLEMS = {
  AMOUNT_EMPTY: { zh: '请输入金额', en: 'Enter an amount' },
  AMOUNT_NOT_A_NUMBER: {
    zh: '金额须为数字，如 1234567.89 或 1,234,567.89',
    en: 'The amount must be a number such as 1234567.89 or 1,234,567.89',
  },
  AMOUNT_NEGATIVE: { zh: '金额不得为负数', en: 'The amount cannot be negative' },
  AMOUNT_TOO_MANY_DECIMALS: {
    zh: '金额最多保留两位小数（到分）',
    en: 'The amount can have at most two decimals (fen)',
  },
  AMOUNT_BAD_GROUPING: {
    zh: '千位分隔符位置不正确，应每三位一组',
    en: 'Thousands separators must group the digits by three',
  },
  AMOUNT_TOO_LARGE: { zh: '金额超出上限（10万亿元）', en: 'The amount exceeds the limit (10^13 yuan)' },
} as const satisfies Record<AmountProblemCode, Bilingual>;

const fail = (code: AmountProblemCode): ParsedAmount => ({ ok: false, code, message: PROBLEMS[code] });

/**
 * Parses a yuan amount as typed in a form — `1234567.89`, `1,234,567.89`, `1234567`, `0.5` — into fen. Rejects empty
 * input, signs, exponents, more than two decimals, misplaced separators and amounts above 10^13 yuan, each with its
 * own code, so the form can say exactly what is wrong.
 */
export function parseYuan(input: string): ParsedAmount {
  const s = input.trim();
  if (s === '') return fail('AMOUNT_EMPTY');
  if (/^-/.test(s)) return /^-[\d.,\s]+$/.test(s) ? fail('AMOUNT_NEGATIVE') : fail('AMOUNT_NOT_A_NUMBER');
  const m = /^([\d,]+)(?:\.(\d+))?$/.exec(s);
  if (!m) return fail('AMOUNT_NOT_A_NUMBER');
  const intPart = m[1] ?? '';
  const decimals = m[2] ?? '';
  if (intPart.includes(',') && !/^[1-9]\d{0,2}(,\d{3})+$/.test(intPart)) return fail('AMOUNT_BAD_GROUPING');
  if (decimals.length > 2) return fail('AMOUNT_TOO_MANY_DECIMALS');
  const digits = intPart.replace(/,/g, '').replace(/^0+(?=\d)/, '');
  // Compare as strings before converting: beyond 16 digits a Number would already be rounded.
  if (digits.length > String(MAX_YUAN).length) return fail('AMOUNT_TOO_LARGE');
  const fen = Number(digits) * 100 + Number(decimals.padEnd(2, '0'));
  if (fen > MAX_FEN) return fail('AMOUNT_TOO_LARGE');
  return { ok: true, fen };
}

export function isFen(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_FEN;
}

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen) || Math.abs(fen) > MAX_FEN) throw new RangeError(`not an amount in fen: ${fen}`);
}

/** `123456789` fen → `1,234,567.89` (or `1234567.89` without grouping). Negative amounts keep their sign. */
export function formatFen(fen: number, options: { grouping?: boolean } = {}): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  let yuan = String(Math.floor(abs / 100));
  if (options.grouping ?? true) yuan = yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * `fen × basisPoints / 10000`, rounded down (the default: a cap must never be exceeded by rounding) or half up, in
 * exact integer arithmetic.
 */
export function fenTimesBasisPoints(fen: number, basisPoints: number, rounding: 'down' | 'half-up' = 'down'): number {
  assertFen(fen);
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0) throw new RangeError(`not basis points: ${basisPoints}`);
  const product = BigInt(fen) * BigInt(basisPoints);
  const q = product / 10_000n;
  const r = product % 10_000n;
  return Number(rounding === 'half-up' && r * 2n >= 10_000n ? q + 1n : q);
}

/** `a × 10000 ≤ b × basisPoints`, exactly: is `a` at most `basisPoints` of `b`? */
export function fenAtMostRatio(a: number, b: number, basisPoints: number): boolean {
  assertFen(a);
  assertFen(b);
  return BigInt(a) * 10_000n <= BigInt(b) * BigInt(basisPoints);
}
