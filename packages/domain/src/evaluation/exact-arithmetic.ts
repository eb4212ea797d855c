/**
 * Exact arithmetic for evaluation (ADR 0017). Money is integer fen, percentages are basis points (1/100 %), scores are
 * integer hundredths of a point; every quotient is kept as a fraction of BigInts until the one place where the rules
 * say it is rounded, and rounding is half up (四舍五入) on non-negative values. No floating point touches a result.
 */

/** A score in integer hundredths of a point: 2857 is 28.57 points. */
export type Hundredths = number;

/** A non-negative rational number, kept exactly, with its decimal expansion for people. */
export interface ExactValue {
  numerator: string;
  denominator: string;
  /** Six decimals, truncated; ends with `…` when the expansion goes on (28.571428…), none when it is exact. */
  text: string;
}

/** `num / den` rounded half up to an integer; both non-negative, `den` > 0. */
export function divideHalfUp(num: bigint, den: bigint): bigint {
  if (den <= 0n || num < 0n) throw new RangeError(`divideHalfUp needs num ≥ 0 and den > 0: ${num}/${den}`);
  const q = num / den;
  return (num % den) * 2n >= den ? q + 1n : q;
}

/** `num / den` as a decimal with `places` decimals, truncated, marked `…` when inexact; trailing zeros trimmed. */
export function decimalText(num: bigint, den: bigint, places = 6): string {
  if (den <= 0n || num < 0n) throw new RangeError(`decimalText needs num ≥ 0 and den > 0: ${num}/${den}`);
  const scale = 10n ** BigInt(places);
  const scaled = (num * scale) / den;
  const exact = (num * scale) % den === 0n;
  const whole = scaled / scale;
  const frac = (scaled % scale).toString().padStart(places, '0');
  const shown = exact ? frac.replace(/0+$/, '') : frac;
  return `${whole}${shown ? `.${shown}` : ''}${exact ? '' : '…'}`;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** `num / den` in lowest terms, with its decimal text. */
export function exactValue(num: bigint, den: bigint): ExactValue {
  const g = num === 0n ? den : gcd(num, den);
  return { numerator: (num / g).toString(), denominator: (den / g).toString(), text: decimalText(num, den) };
}

/** 2857 → `28.57`, 3000 → `30.00`: hundredths always with two decimals, as score sheets print them. */
export function formatHundredths(h: Hundredths): string {
  if (!Number.isSafeInteger(h)) throw new RangeError(`not hundredths: ${h}`);
  const sign = h < 0 ? '-' : '';
  const abs = Math.abs(h);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Basis points as a percentage for people: 1000 → `10%`, 1250 → `12.5%`. */
export function formatBasisPoints(bp: number): string {
  return `${decimalText(BigInt(bp), 100n, 2)}%`;
}

/**
 * A number typed with at most `decimals` decimals as an integer count of 10^-decimals (7.5 with 2 → 750), or null
 * if it has more decimals, is negative or is not finite. The tolerance only absorbs binary representation (0.29 * 100).
 */
export function toScaledInteger(value: number, decimals: 2 | 3): number | null {
  if (!Number.isFinite(value) || value < 0) return null;
  const factor = 10 ** decimals;
  const scaled = Math.round(value * factor);
  if (!Number.isSafeInteger(scaled) || Math.abs(scaled - value * factor) > 1e-6) return null;
  return scaled;
}
