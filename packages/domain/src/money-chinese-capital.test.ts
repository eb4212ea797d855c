import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FEN, parseYuan } from './money';
import { parseChineseCapital, toChineseCapital } from './money-chinese-capital';

const fenOf = (yuan: string): number => {
  const parsed = parseYuan(yuan);
  if (!parsed.ok) throw new Error(yuan);
  return parsed.fen;
};

describe('amounts in Chinese capitals (《正确填写票据和结算凭证的基本规定》)', () => {
  it.each<[string, string]>([
    ['0.00', '零元整'],
    ['0.05', '伍分'],
    ['0.50', '伍角'],
    ['0.53', '伍角叁分'],
    ['1.00', '壹元整'],
    ['10.00', '壹拾元整'],
    ['15.00', '壹拾伍元整'],
    ['100.00', '壹佰元整'],
    ['110.00', '壹佰壹拾元整'],
    ['1,005.50', '壹仟零伍元伍角'],
    ['1,050.00', '壹仟零伍拾元整'],
    ['1,409.50', '壹仟肆佰零玖元伍角'], // 规定第（一）项
    ['6,007.14', '陆仟零柒元壹角肆分'], // 第（二）项
    ['1,680.32', '壹仟陆佰捌拾元叁角贰分'], // 第（三）项, the form without 零
    ['107,000.53', '壹拾万柒仟元伍角叁分'], // 第（三）项, the form without 零
    ['16,409.02', '壹万陆仟肆佰零玖元零贰分'], // 第（四）项
    ['325.04', '叁佰贰拾伍元零肆分'], // 第（四）项
    ['10,010.01', '壹万零壹拾元零壹分'],
    ['100,010.00', '壹拾万零壹拾元整'],
    ['120,000.00', '壹拾贰万元整'],
    ['200,000.00', '贰拾万元整'],
    ['1,000,100.00', '壹佰万零壹佰元整'],
    ['20,000,000.10', '贰仟万元壹角'],
    ['100,000,000.00', '壹亿元整'],
    ['100,000,001.00', '壹亿零壹元整'],
    ['100,010,000.00', '壹亿零壹万元整'],
    ['101,000,000.00', '壹亿零壹佰万元整'],
    ['110,000,000.00', '壹亿壹仟万元整'],
    ['1,000,000,000.00', '壹拾亿元整'],
    ['10,000,000,001.00', '壹佰亿零壹元整'],
    ['1,000,000,000,000.00', '壹万亿元整'],
    ['1,000,010,000,000.00', '壹万亿壹仟万元整'],
    ['1,000,000,001,000.00', '壹万亿零壹仟元整'],
    ['1,234,567,890,123.45', '壹万贰仟叁佰肆拾伍亿陆仟柒佰捌拾玖万零壹佰贰拾叁元肆角伍分'],
    ['10,000,000,000,000.00', '壹拾万亿元整'],
  ])('%s → %s', (yuan, capital) => {
    const fen = fenOf(yuan);
    expect(toChineseCapital(fen)).toBe(capital);
    expect(parseChineseCapital(capital)).toEqual({ ok: true, fen, issues: [] });
  });

  it('refuses what is not an amount in fen', () => {
    for (const bad of [-1, 1.5, MAX_FEN + 1, Number.NaN]) expect(() => toChineseCapital(bad)).toThrow(RangeError);
  });
});

describe('reading capitals back', () => {
  it('parse(toChineseCapital(x)) === x, with no convention issue, for every amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_FEN }), (fen) => {
        expect(parseChineseCapital(toChineseCapital(fen))).toEqual({ ok: true, fen, issues: [] });
      }),
      { numRuns: 3000 },
    );
    // Small amounts, where most zero rules bite, exhaustively.
    for (let fen = 0; fen <= 120_000; fen += 7) {
      expect(parseChineseCapital(toChineseCapital(fen))).toEqual({ ok: true, fen, issues: [] });
    }
  });

  it.each<[string, string]>([
    ['壹仟陆佰捌拾元零叁角贰分', '1,680.32'], // 第（三）项, the form with 零
    ['壹拾万零柒仟元伍角叁分', '107,000.53'], // 第（三）项, the form with 零
    ['壹拾亿零壹仟万元整', '1,010,000,000.00'], // the same at the 亿 boundary
    ['人民币壹万元整', '10,000.00'],
    ['人民币：壹万圆正', '10,000.00'],
    ['壹 万 元 整', '10,000.00'],
    ['伍角整', '0.50'], // 整 after 角 is optional
    ['零元伍角', '0.50'],
  ])('accepts the permitted variant %s', (capital, yuan) => {
    expect(parseChineseCapital(capital)).toEqual({ ok: true, fen: fenOf(yuan), issues: [] });
  });

  it.each<[string, string, string]>([
    ['壹仟伍元整', '1,005.00', 'MISSING_ZERO'],
    ['壹万伍元整', '10,005.00', 'MISSING_ZERO'],
    ['壹亿伍万元整', '100,050,000.00', 'MISSING_ZERO'],
    ['壹万零壹拾元壹分', '10,010.01', 'MISSING_ZERO'], // 第（四）项
    ['壹仟零伍佰元整', '1,500.00', 'UNEXPECTED_ZERO'],
    ['壹元零伍角', '1.50', 'UNEXPECTED_ZERO'],
    ['壹万元', '10,000.00', 'MISSING_ZHENG'],
    ['伍分整', '0.05', 'ZHENG_AFTER_FEN'],
    ['拾元整', '10.00', 'BARE_SHI'],
  ])('reads %s as %s but notes %s', (capital, yuan, issue) => {
    expect(parseChineseCapital(capital)).toEqual({ ok: true, fen: fenOf(yuan), issues: [issue] });
  });

  it.each([
    '',
    '元整',
    '壹元元',
    '伍伍元',
    '佰元整',
    '壹佰仟元',
    '壹拾佰元',
    '壹零零元',
    '壹佰零元整',
    '壹万万元',
    '壹亿亿元',
    '零零伍分',
    '伍',
    '壹元零整',
    '一百元整',
    '壹佰元整整',
    'abc',
  ])('refuses %j', (capital) => {
    expect(parseChineseCapital(capital).ok).toBe(false);
  });

  it('refuses amounts above the ceiling', () => {
    expect(parseChineseCapital('壹佰万亿元整')).toMatchObject({ ok: false, code: 'CAPITAL_TOO_LARGE' });
  });
});
