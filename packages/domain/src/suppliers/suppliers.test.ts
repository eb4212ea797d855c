import { describe, expect, it } from 'vitest';
import { buildUscc } from '../uscc';
import { qualificationValidity } from './qualification-validity';
import { checkDeclaredScale, smeDeclarationText, wanToFen } from './sme-declaration';
import { admitUscc } from './uscc-pilot';

const WAN = 1_000_000;

describe('SME declaration (财库〔2020〕46号 附件)', () => {
  it('states the figures, the scale and the three statements of the annex', () => {
    const text = smeDeclarationText({
      supplierName: '贵州凉都信息技术有限公司',
      industry: 'software-it-services',
      employees: 50,
      revenueFen: 600 * WAN,
      assetsFen: 1234 * WAN + 500_000,
      scale: 'small',
      date: '2026-03-02',
    });
    expect(text.split('\n')).toEqual([
      '中小企业声明函',
      '本企业郑重声明，根据《政府采购促进中小企业发展管理办法》（财库〔2020〕46号）的规定，本企业参加政府采购活动时的相关情况如下：',
      '贵州凉都信息技术有限公司，属于软件和信息技术服务业行业；从业人员50人，营业收入为600万元，资产总额为1234.5万元，属于小型企业。',
      '本企业不属于大企业的分支机构，不存在控股股东为大企业的情形，也不存在与大企业的负责人为同一人的情形。',
      '本企业对上述声明内容的真实性负责。如有虚假，将依法承担相应责任。',
      '企业名称：贵州凉都信息技术有限公司',
      '日期：2026年3月2日',
    ]);
  });

  it('does not say 行业 twice, and shows figures the industry does not use as —', () => {
    const text = smeDeclarationText({
      supplierName: '某',
      industry: 'other',
      employees: 5,
      scale: 'micro',
      date: '2026-12-31',
    });
    expect(text).toContain('属于其他未列明行业；从业人员5人，营业收入为—万元，资产总额为—万元，属于微型企业。');
  });

  it('refuses a declared scale that differs from the derived one, saying both', () => {
    expect(checkDeclaredScale('small', 'small')).toEqual({ ok: true });
    const refused = checkDeclaredScale('micro', 'small');
    expect(refused).toMatchObject({ ok: false, code: 'SME_DECLARATION_MISMATCH' });
    if (refused.ok) throw new Error('accepted');
    expect(refused.message.zh).toContain('声明的企业规模（微型企业）与按所填数据划型的结果（小型企业）不一致');
    expect(refused.message.en).toContain(
      '(micro enterprise) differs from the scale the figures give (small enterprise)',
    );
  });
});

describe('qualification validity, by the Beijing date', () => {
  it.each<[string | null, string | null, string, ReturnType<typeof qualificationValidity>]>([
    [null, null, '2026-03-02T01:00:00Z', 'permanent'],
    ['2020-01-01', null, '2026-03-02T01:00:00Z', 'permanent'],
    [null, '2026-03-01', '2026-03-01T15:59:59.999Z', 'valid'], // 23:59:59.999 Beijing on the last day
    [null, '2026-03-01', '2026-03-01T16:00:00.000Z', 'expired'], // 00:00 Beijing the next day
    ['2026-03-02', '2027-03-01', '2026-03-01T15:59:59.999Z', 'not-yet-valid'],
    ['2026-03-02', '2027-03-01', '2026-03-01T16:00:00.000Z', 'valid'],
  ])('from %s until %s at %s → %s', (from, until, now, expected) => {
    expect(qualificationValidity(from, until, now)).toBe(expected);
  });
});

describe('pilot credit codes (USCC override)', () => {
  const good = buildUscc('91', '520200', 'MA6H7K2P');
  const badCheck = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');

  it('a valid code needs no override, claimed or not', () => {
    expect(admitUscc(good, false)).toEqual({ ok: true, code: good, needsOverride: false });
    expect(admitUscc(good, true)).toEqual({ ok: true, code: good, needsOverride: false });
  });

  it('a wrong check character is refused unless the supplier claims a pilot code; then it needs an override', () => {
    expect(admitUscc(badCheck, false)).toMatchObject({ ok: false, problem: { code: 'USCC_CHECK_CHARACTER' } });
    expect(admitUscc(` ${badCheck.toLowerCase()} `, true)).toMatchObject({
      ok: true,
      code: badCheck,
      needsOverride: true,
      problem: { code: 'USCC_CHECK_CHARACTER', expected: good.charAt(17) },
    });
  });

  it.each([
    ['wrong length', good.slice(0, 17), 'USCC_LENGTH'],
    ['a character outside the alphabet', `${good.slice(0, 10)}I${good.slice(11)}`, 'USCC_CHARACTER'],
    ['a division that is not digits', `91A${good.slice(3)}`, 'USCC_DIVISION'],
  ])('%s is never admitted, even claimed as a pilot code', (_label, code, problem) => {
    expect(admitUscc(code, true)).toMatchObject({ ok: false, problem: { code: problem } });
  });
});

describe('amounts in 万元', () => {
  it.each<[string, number | null]>([
    ['600', 600_000_000],
    ['1234.5', 1_234_500_000],
    ['0.000001', 1],
    [' 2000 ', 2_000_000_000],
    ['1.0000001', null],
    ['-1', null],
    ['1e3', null],
    ['', null],
  ])('%s 万元 → %s fen', (input, fen) => {
    expect(wanToFen(input)).toBe(fen);
  });
});
