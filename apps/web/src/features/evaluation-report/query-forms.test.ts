import { describe, expect, it } from 'vitest';
import { parsePriceLines } from './query-forms';

describe('parsePriceLines', () => {
  it('reads item | unit price | quantity lines, with grouping commas and without an item', () => {
    expect(parsePriceLines('教学计算机 | 6,234.56 | 100\n\n1234.5\t1')).toEqual({
      ok: true,
      lines: [
        { item: '教学计算机', unitPriceFen: 623_456, quantity: 100 },
        { unitPriceFen: 123_450, quantity: 1 },
      ],
    });
  });

  it('names the first line that is not well formed', () => {
    expect(parsePriceLines('A | 1.00 | 2\nB | abc | 1')).toEqual({ ok: false, line: 2 });
    expect(parsePriceLines('A | 1.00 | 0')).toEqual({ ok: false, line: 1 });
    expect(parsePriceLines('A | 1.001 | 2')).toEqual({ ok: false, line: 1 });
  });
});
