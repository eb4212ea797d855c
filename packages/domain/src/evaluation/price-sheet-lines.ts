import { divideHalfUp, toScaledInteger } from './exact-arithmetic';

/** The lines of a detailed price sheet (分项报价表) and the decimal-slip finder of 87号令 第五十九条（三）. */

export interface PriceSheetLine {
  /** What the line is, for texts. */
  item?: string;
  unitPriceFen: number;
  /** At most three decimals (2.5 tonnes). */
  quantity: number;
}

/** unit price × quantity, rounded half up to the fen (a quantity with decimals can give a fraction of a fen). */
export function lineAmountFen(line: PriceSheetLine): number {
  const q = toScaledInteger(line.quantity, 3);
  if (q === null) throw new RangeError(`not a quantity with at most three decimals: ${line.quantity}`);
  return Number(divideHalfUp(BigInt(line.unitPriceFen) * BigInt(q), 1000n));
}

/** Powers of ten tried for a slipped decimal point: 10 to 10 000 either way. */
const SHIFTS = [10, 100, 1000, 10_000] as const;

export interface DecimalSlip {
  index: number;
  unitPriceFen: number;
}

function unitPriceFitting(line: PriceSheetLine, targetAmountFen: number): number {
  const q = toScaledInteger(line.quantity, 3) ?? 1000;
  return Number(divideHalfUp(BigInt(Math.max(targetAmountFen, 0)) * 1000n, BigInt(q)));
}

/**
 * A unit price whose decimal point is obviously misplaced: moving it by one to four places makes the lines add up to
 * the sheet total exactly, for exactly one line. When the committee names the line (`committeeLine`), its unit price
 * becomes the one that makes the total fit (a ×10ⁿ shift if one fits, otherwise the remainder ÷ quantity). Null when
 * there is no such slip. Linear in the number of lines.
 */
export function findMisplacedDecimal(
  lines: readonly PriceSheetLine[],
  amounts: readonly number[],
  totalFen: number,
  committeeLine: number | null,
): DecimalSlip | null {
  const sum = amounts.reduce((t, a) => t + a, 0);
  const fits = (i: number): number | null => {
    const line = lines[i];
    if (!line) return null;
    const others = sum - (amounts[i] ?? 0);
    for (const f of SHIFTS) {
      for (const unit of [line.unitPriceFen * f, line.unitPriceFen % f === 0 ? line.unitPriceFen / f : -1]) {
        if (unit < 0 || !Number.isSafeInteger(unit)) continue;
        if (others + lineAmountFen({ ...line, unitPriceFen: unit }) === totalFen) return unit;
      }
    }
    return null;
  };
  if (committeeLine !== null) {
    const line = lines[committeeLine];
    if (!line) return null;
    const others = sum - (amounts[committeeLine] ?? 0);
    return { index: committeeLine, unitPriceFen: fits(committeeLine) ?? unitPriceFitting(line, totalFen - others) };
  }
  let found: DecimalSlip | null = null;
  for (let i = 0; i < lines.length; i++) {
    const unit = fits(i);
    if (unit === null) continue;
    if (found) return null; // two candidates: not "obvious"
    found = { index: i, unitPriceFen: unit };
  }
  return found;
}
