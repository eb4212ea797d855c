import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FEN } from '../money';
import { parseChineseCapital, toChineseCapital } from '../money-chinese-capital';
import { confirmCorrection, correctBidPrice } from './arithmetic-corrections';
import { yuan } from './evaluation-fixtures.test-support';

describe('arithmetic corrections (87号令 第五十九条)', () => {
  it('a consistent sheet needs no correction', () => {
    const r = correctBidPrice({
      sheetTotalFen: yuan(1_200),
      sheetTotalInWords: '壹仟贰佰元整',
      bodyTotalFen: yuan(1_200),
      lines: [
        { unitPriceFen: yuan(100), quantity: 10 },
        { unitPriceFen: yuan(50), quantity: 4 },
      ],
    });
    expect(r).toMatchObject({
      ok: true,
      correctedFen: yuan(1_200),
      changed: false,
      steps: [],
      decidedBy: null,
      requiresConfirmation: false,
    });
  });

  it('(一) the price sheet prevails over the body of the bid', () => {
    const r = correctBidPrice({ sheetTotalFen: yuan(1_200), bodyTotalFen: yuan(1_300) });
    expect(r).toMatchObject({
      ok: true,
      correctedFen: yuan(1_200),
      changed: false,
      decidedBy: 'SHEET_OVER_BODY',
      requiresConfirmation: true,
    });
  });

  it('(二) the amount in words prevails over the figures', () => {
    const r = correctBidPrice({ sheetTotalFen: yuan(1_000_000), sheetTotalInWords: '壹佰万零壹佰元整' });
    expect(r).toMatchObject({
      ok: true,
      correctedFen: yuan(1_000_100),
      changed: true,
      decidedBy: 'WORDS_OVER_FIGURES',
    });
    expect(r.ok && r.text.zh).toContain('以大写金额为准');
  });

  it('(四) unit price × quantity prevails over the total', () => {
    const r = correctBidPrice({
      sheetTotalFen: yuan(1_300),
      lines: [
        { item: '服务器', unitPriceFen: yuan(100), quantity: 10 },
        { item: '线缆', unitPriceFen: yuan(50), quantity: 4 },
      ],
    });
    expect(r).toMatchObject({ ok: true, correctedFen: yuan(1_200), decidedBy: 'UNIT_PRICES_OVER_TOTAL' });
  });

  it('(三) unless a unit price’s decimal point is obviously misplaced: the total prevails, the unit price is fixed', () => {
    const r = correctBidPrice({
      sheetTotalFen: yuan(1_200),
      lines: [
        { unitPriceFen: yuan(1_000), quantity: 10 }, // 1,000.00 written for 100.00
        { unitPriceFen: yuan(50), quantity: 4 },
      ],
    });
    expect(r).toMatchObject({
      ok: true,
      correctedFen: yuan(1_200),
      changed: false,
      decidedBy: 'TOTAL_OVER_MISPLACED_UNIT_PRICE',
    });
    if (!r.ok) return;
    expect(r.steps[0]).toMatchObject({ lineIndex: 0, fromFen: yuan(1_000), toFen: yuan(100) });
    expect(r.lines[0]?.unitPriceFen).toBe(yuan(100));
  });

  it('the committee may name the line; the unit price then fits the total', () => {
    const r = correctBidPrice({
      sheetTotalFen: yuan(1_210),
      misplacedDecimalLine: 0,
      lines: [
        { unitPriceFen: yuan(1_000), quantity: 10 },
        { unitPriceFen: yuan(50), quantity: 4 },
      ],
    });
    expect(r.ok && r.lines[0]?.unitPriceFen).toBe(yuan(101)); // (1,210 − 200) ÷ 10
  });

  it('two inconsistencies are corrected in the order of the article', () => {
    const r = correctBidPrice({
      sheetTotalFen: yuan(1_200),
      sheetTotalInWords: '壹仟叁佰元整', // words say 1,300
      bodyTotalFen: yuan(1_250),
      lines: [
        { unitPriceFen: yuan(100), quantity: 10 },
        { unitPriceFen: yuan(50), quantity: 4 },
      ],
    });
    if (!r.ok) throw new Error('expected a correction');
    expect(r.steps.map((s) => [s.rule, s.fromFen, s.toFen])).toEqual([
      ['SHEET_OVER_BODY', yuan(1_250), yuan(1_200)],
      ['WORDS_OVER_FIGURES', yuan(1_200), yuan(1_300)],
      ['UNIT_PRICES_OVER_TOTAL', yuan(1_300), yuan(1_200)],
    ]);
    expect(r.decidedBy).toBe('UNIT_PRICES_OVER_TOTAL');
    expect(r.text.zh).toContain('经投标人确认后产生约束力');
  });

  it('quantities with decimals round each line half up to the fen', () => {
    const r = correctBidPrice({ sheetTotalFen: 0, lines: [{ unitPriceFen: 333, quantity: 1.5 }] }); // 499.5 → 500
    expect(r.ok && r.correctedFen).toBe(500);
  });

  it('refuses what it cannot read', () => {
    expect(correctBidPrice({ sheetTotalFen: 100, sheetTotalInWords: '一百元' })).toMatchObject({
      ok: false,
      problems: [{ code: 'WORDS_UNREADABLE' }],
    });
    expect(correctBidPrice({ sheetTotalFen: -1, lines: [{ unitPriceFen: 1, quantity: 0 }] })).toMatchObject({
      ok: false,
      problems: [{ code: 'AMOUNT_INVALID' }, { code: 'LINE_INVALID' }],
    });
  });

  it('binds only when the bidder confirms; otherwise the bid is invalid', () => {
    const r = correctBidPrice({ sheetTotalFen: yuan(1_000_000), sheetTotalInWords: '壹佰万零壹佰元整' });
    if (!r.ok) throw new Error('expected a correction');
    expect(confirmCorrection(r, true)).toMatchObject({ status: 'binding', priceFen: yuan(1_000_100) });
    expect(confirmCorrection(r, false)).toMatchObject({ status: 'bid-invalid' });
    expect(confirmCorrection({ correctedFen: 5, requiresConfirmation: false }, false)).toMatchObject({
      status: 'binding',
    });
  });

  it('the amount in words round-trips: figures written in words never need a correction', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_FEN }), (fen) => {
        const words = toChineseCapital(fen);
        expect(parseChineseCapital(words)).toEqual({ ok: true, fen, issues: [] });
        const r = correctBidPrice({ sheetTotalFen: fen, sheetTotalInWords: words });
        expect(r).toMatchObject({ ok: true, correctedFen: fen, steps: [] });
      }),
    );
  });
});
