import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FEN, fenAtMostRatio, fenTimesBasisPoints, formatFen, parseYuan } from './money';

describe('parsing yuan amounts into fen', () => {
  it.each<[string, number]>([
    ['1234567.89', 123_456_789],
    ['1,234,567.89', 123_456_789],
    ['1234567', 123_456_700],
    ['0.5', 50],
    ['0.05', 5],
    ['0', 0],
    ['007', 700],
    ['  12.30 ', 1230],
    ['999,999', 99_999_900],
    ['10000000000000', MAX_FEN], // 10^13 yuan is the ceiling
    ['10,000,000,000,000.00', MAX_FEN],
  ])('%j → %i fen', (input, fen) => {
    expect(parseYuan(input)).toEqual({ ok: true, fen });
  });

  it.each<[string, string]>([
    ['', 'AMOUNT_EMPTY'],
    ['   ', 'AMOUNT_EMPTY'],
    ['-5', 'AMOUNT_NEGATIVE'],
    ['-1,000.00', 'AMOUNT_NEGATIVE'],
    ['1.234', 'AMOUNT_TOO_MANY_DECIMALS'],
    ['0.001', 'AMOUNT_TOO_MANY_DECIMALS'],
    ['12,34', 'AMOUNT_BAD_GROUPING'],
    ['1,2345', 'AMOUNT_BAD_GROUPING'],
    ['0,123', 'AMOUNT_BAD_GROUPING'],
    ['10000000000000.01', 'AMOUNT_TOO_LARGE'],
    ['99999999999999999999', 'AMOUNT_TOO_LARGE'],
    ['abc', 'AMOUNT_NOT_A_NUMBER'],
    ['1e5', 'AMOUNT_NOT_A_NUMBER'],
    ['+5', 'AMOUNT_NOT_A_NUMBER'],
    ['.5', 'AMOUNT_NOT_A_NUMBER'],
    ['5.', 'AMOUNT_NOT_A_NUMBER'],
    ['1 000', 'AMOUNT_NOT_A_NUMBER'],
    ['¥100', 'AMOUNT_NOT_A_NUMBER'],
    ['１００', 'AMOUNT_NOT_A_NUMBER'],
    ['NaN', 'AMOUNT_NOT_A_NUMBER'],
  ])('%j is refused with %s', (input, code) => {
    const result = parseYuan(input);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.message.zh.length).toBeGreaterThan(0);
  });

  it('formats and parses back, with and without grouping', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_FEN }), fc.boolean(), (fen, grouping) => {
        expect(parseYuan(formatFen(fen, { grouping }))).toEqual({ ok: true, fen });
      }),
    );
  });

  it('formats fen as yuan', () => {
    expect(formatFen(123_456_789)).toBe('1,234,567.89');
    expect(formatFen(123_456_789, { grouping: false })).toBe('1234567.89');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(-150)).toBe('-1.50');
    expect(() => formatFen(1.5)).toThrow(RangeError);
  });
});

describe('ratios in exact integer arithmetic', () => {
  it('takes basis points of an amount, rounding down by default', () => {
    expect(fenTimesBasisPoints(100_000_000, 200)).toBe(2_000_000); // 2% of 1,000,000.00
    expect(fenTimesBasisPoints(12_345, 200)).toBe(246); // 246.9 → 246
    expect(fenTimesBasisPoints(12_345, 200, 'half-up')).toBe(247);
    expect(fenTimesBasisPoints(MAX_FEN, 200)).toBe(MAX_FEN / 50);
  });

  it('compares a ratio without rounding', () => {
    expect(fenAtMostRatio(2_000_000, 100_000_000, 200)).toBe(true);
    expect(fenAtMostRatio(2_000_001, 100_000_000, 200)).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_FEN }), (budget) => {
        const cap = fenTimesBasisPoints(budget, 200);
        expect(fenAtMostRatio(cap, budget, 200)).toBe(true);
        expect(fenAtMostRatio(cap + 1, budget, 200)).toBe(false);
      }),
    );
  });
});
