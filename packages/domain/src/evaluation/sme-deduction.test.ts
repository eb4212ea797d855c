import { describe, expect, it } from 'vitest';
import { applySmePolicy } from './sme-deduction';
import type { SmeBranch } from './sme-explanations';
import { resolveSmePolicy, type SmeLotInput } from './sme-policy';
import { consortium, outcome, policy, solo, yuan } from './evaluation-fixtures.test-support';
import type { SmeBidInput } from './sme-bid';

// Goods lot published 2026-03-02: 财库〔2022〕19号 ranges (10–20%, consortium 4–6%); the documents fixed 10% and 4%.
const goods = policy();
const price = yuan(1_000_000);

describe('SME price deduction branches (财库〔2020〕46号 第九条, 财库〔2022〕19号)', () => {
  it.each<[string, SmeBidInput, SmeBranch, number, number]>([
    ['small enterprise, all goods made by small/micro', solo('small', price), 'small-micro', 1000, yuan(900_000)],
    ['micro enterprise', solo('micro', price), 'small-micro', 1000, yuan(900_000)],
    [
      'prison enterprise (财库〔2014〕68号)',
      solo('prison-enterprise', price),
      'prison-enterprise',
      1000,
      yuan(900_000),
    ],
    [
      'welfare unit for the disabled (财库〔2017〕141号)',
      solo('disabled-welfare-unit', price),
      'disabled-welfare-unit',
      1000,
      yuan(900_000),
    ],
    ['small, goods partly made by large firms', solo('small', price, false), 'not-supplied-by-small-micro', 0, price],
    ['medium enterprise', solo('medium', price), 'medium', 0, price],
    ['large enterprise', solo('large', price), 'large', 0, price],
    [
      'consortium of small/micro only (46号 第四条)',
      consortium(
        [
          { scale: 'small', shareBasisPoints: 6000 },
          { scale: 'micro', shareBasisPoints: 4000 },
        ],
        price,
      ),
      'small-micro-consortium',
      1000,
      yuan(900_000),
    ],
    [
      'consortium large 70% + small 30%',
      consortium(
        [
          { scale: 'large', shareBasisPoints: 7000 },
          { scale: 'small', shareBasisPoints: 3000 },
        ],
        price,
      ),
      'consortium-share',
      400,
      yuan(960_000),
    ],
    [
      'consortium large 71% + small 29%',
      consortium(
        [
          { scale: 'large', shareBasisPoints: 7100 },
          { scale: 'small', shareBasisPoints: 2900 },
        ],
        price,
      ),
      'share-below-minimum',
      0,
      price,
    ],
    [
      'consortium whose small member is controlled by the large one',
      consortium(
        [
          { scale: 'large', shareBasisPoints: 6000 },
          { scale: 'small', shareBasisPoints: 4000, controlRelationWithOtherMember: true },
        ],
        price,
      ),
      'share-below-minimum',
      0,
      price,
    ],
    [
      'consortium: one controlled small member left out, the other still reaches 30%',
      consortium(
        [
          { scale: 'large', shareBasisPoints: 4000 },
          { scale: 'small', shareBasisPoints: 3000, controlRelationWithOtherMember: true },
          { scale: 'micro', shareBasisPoints: 3000 },
        ],
        price,
      ),
      'consortium-share',
      400,
      yuan(960_000),
    ],
    [
      'consortium of two large enterprises',
      consortium(
        [
          { scale: 'large', shareBasisPoints: 5000 },
          { scale: 'medium', shareBasisPoints: 5000 },
        ],
        price,
      ),
      'no-small-micro-party',
      0,
      price,
    ],
    [
      'large bidder subcontracting 30% to a small firm',
      { ...solo('large', price), subcontracts: [{ scale: 'small', shareBasisPoints: 3000 }] },
      'subcontract-share',
      400,
      yuan(960_000),
    ],
    [
      'medium bidder subcontracting 20% + 15% to micro firms',
      {
        ...solo('medium', price),
        subcontracts: [
          { scale: 'micro', shareBasisPoints: 2000 },
          { scale: 'micro', shareBasisPoints: 1500 },
        ],
      },
      'subcontract-share',
      400,
      yuan(960_000),
    ],
    [
      'subcontract to a small firm the bidder controls',
      {
        ...solo('large', price),
        subcontracts: [{ scale: 'small', shareBasisPoints: 5000, controlRelationWithBidder: true }],
      },
      'share-below-minimum',
      0,
      price,
    ],
  ])('%s', (_name, bid, branch, basisPoints, evaluationPriceFen) => {
    const o = outcome(goods, bid);
    expect(o.branch).toBe(branch);
    expect(o.basisPoints).toBe(basisPoints);
    expect(o.evaluationPriceFen).toBe(evaluationPriceFen);
    expect(o.deductionFen).toBe(price - evaluationPriceFen);
    expect(o.effect).toBe(basisPoints > 0 ? 'price-deduction' : 'none');
    expect(o.rule === null).toBe(basisPoints === 0);
    expect(o.explanation.zh.length).toBeGreaterThan(10);
    expect(o.explanation.en.length).toBeGreaterThan(10);
  });

  it('names the rule version, the ratio, the deduction and the rounding in the explanation', () => {
    const o = outcome(goods, solo('small', price));
    expect(o.rule?.key).toBe('SME_DEDUCTION_SMALL_MICRO@CN@2022-07-01');
    expect(o.rule?.sources.map((s) => s.zh)).toContain('财库〔2022〕19号');
    expect(o.explanation.zh).toContain('10%');
    expect(o.explanation.zh).toContain('100,000.00');
    expect(o.explanation.zh).toContain('900,000.00');
    expect(o.explanation.zh).toContain('四舍五入到分');
    expect(o.explanation.en).toContain('rounded half up to the fen');
    expect(o.explanation.zh).toContain('SME_DEDUCTION_SMALL_MICRO@CN@2022-07-01');
  });

  it('says why there is none: the control relationship, the share, the scale', () => {
    const controlled = outcome(
      goods,
      consortium(
        [
          { scale: 'large', shareBasisPoints: 6000 },
          { scale: 'small', shareBasisPoints: 4000, controlRelationWithOtherMember: true },
        ],
        price,
      ),
    );
    expect(controlled.share).toEqual({ countedBasisPoints: 0, excludedMembers: [1], excludedSubcontracts: [] });
    expect(controlled.explanation.zh).toContain('控股、管理关系');
    expect(controlled.explanation.zh).toContain('低于 30%');
    expect(outcome(goods, solo('medium', price)).explanation.zh).toContain('中型企业');
    expect(outcome(goods, solo('small', price, false)).explanation.zh).toContain('并非全部由小微企业制造');
    expect(outcome(goods, solo('prison-enterprise', price)).sources.map((s) => s.zh)).toContain('财库〔2014〕68号');
    expect(outcome(goods, solo('disabled-welfare-unit', price)).sources.map((s) => s.zh)).toContain(
      '财库〔2017〕141号',
    );
  });

  it('gives nothing on a lot reserved for SMEs, whatever the documents say', () => {
    const reserved = policy({ smeReserved: true, smallMicroPercent: null, consortiumPercent: null });
    const o = outcome(reserved, solo('micro', price));
    expect(o).toMatchObject({ branch: 'reserved-lot', effect: 'none', evaluationPriceFen: price, rule: null });
    expect(o.explanation.zh).toContain('预留份额');
  });

  it('gives nothing to consortia where the documents fix no consortium ratio', () => {
    const noConsortia = policy({ consortiumPercent: null });
    const bid = consortium(
      [
        { scale: 'large', shareBasisPoints: 5000 },
        { scale: 'small', shareBasisPoints: 5000 },
      ],
      price,
    );
    expect(outcome(noConsortia, bid).branch).toBe('no-consortium-ratio');
  });

  it('services: provided by small/micro enterprises', () => {
    const o = outcome(policy({ category: 'services', smallMicroPercent: 15 }), solo('micro', yuan(200_000)));
    expect(o.evaluationPriceFen).toBe(yuan(170_000));
    expect(o.explanation.zh).toContain('服务由小微企业承接');
  });
});

describe('rounding of the evaluation price: half up to the fen', () => {
  it.each<[number, number, number]>([
    [12_345, 10, 11_111], // 11110.5 → 11111
    [12_355, 10, 11_120], // 11119.5 → 11120
    [101, 12.5, 88], // 88.375 → 88
    [99, 12.5, 87], // 86.625 → 87
    [1, 10, 1], // 0.9 → 1: the deduction of a one-fen bid rounds to nothing
  ])('%i fen less %d%% → %i fen', (bidPriceFen, percent, expected) => {
    const o = outcome(policy({ smallMicroPercent: percent }), solo('small', bidPriceFen));
    expect(o.evaluationPriceFen).toBe(expected);
    expect(o.evaluationPriceFen + o.deductionFen).toBe(bidPriceFen);
  });
});

describe('the rule version follows the publication date (B4)', () => {
  it.each<[string, number, number, string, boolean]>([
    ['2022-06-30', 10, 3, 'SME_DEDUCTION_SMALL_MICRO@CN@2021-01-01', true],
    ['2022-06-30', 12, 3, '', false], // 12% exceeds 46号's 6–10%
    ['2022-06-30', 10, 4, '', false], // 4% exceeds 46号's 2–3% for consortia
    ['2022-07-01', 10, 4, 'SME_DEDUCTION_SMALL_MICRO@CN@2022-07-01', true],
    ['2022-07-01', 6, 4, '', false], // 6% is below 19号's 10%
    ['2022-07-01', 20, 6, 'SME_DEDUCTION_SMALL_MICRO@CN@2022-07-01', true],
    ['2019-05-01', 6, 2, 'SME_DEDUCTION_SMALL_MICRO@CN@2012-01-01', true],
  ])('published %s, documents %d%% / %d%%', (date, smallMicroPercent, consortiumPercent, key, ok) => {
    const r = resolveSmePolicy({
      publishedOn: date,
      category: 'goods',
      smeReserved: false,
      evaluationMethod: 'lowest-evaluated-price',
      smallMicroPercent,
      consortiumPercent,
    });
    expect(r.ok).toBe(ok);
    if (r.ok) expect(outcome(r.policy, solo('small', price)).rule?.key).toBe(key);
    else expect(r.problems.map((p) => p.ruleId)).toEqual([expect.stringMatching(/^SME_DEDUCTION_/)]);
  });

  it('a project published on 2022-06-30 is evaluated with the 财库〔2020〕46号 ranges', () => {
    const old = policy({ smallMicroPercent: 10, consortiumPercent: 3 }, '2022-06-30');
    const o = outcome(
      old,
      consortium(
        [
          { scale: 'large', shareBasisPoints: 6000 },
          { scale: 'micro', shareBasisPoints: 4000 },
        ],
        price,
      ),
    );
    expect(o).toMatchObject({ branch: 'consortium-share', basisPoints: 300, evaluationPriceFen: yuan(970_000) });
    expect(o.rule?.key).toBe('SME_DEDUCTION_CONSORTIUM@CN@2021-01-01');
    expect(o.rule?.sources[0]?.zh).toBe('财库〔2020〕46号第九条');
  });

  it('under 财库〔2011〕181号 only consortia count, not subcontracts', () => {
    const p = policy({ smallMicroPercent: 6, consortiumPercent: 2 }, '2019-05-01');
    const sub = outcome(p, { ...solo('large', price), subcontracts: [{ scale: 'small', shareBasisPoints: 4000 }] });
    expect(sub.branch).toBe('share-below-minimum');
    expect(sub.share?.excludedSubcontracts).toEqual([0]);
    const joint = outcome(
      p,
      consortium(
        [
          { scale: 'large', shareBasisPoints: 6000 },
          { scale: 'small', shareBasisPoints: 4000 },
        ],
        price,
      ),
    );
    expect(joint).toMatchObject({ branch: 'consortium-share', basisPoints: 200 });
  });
});

describe('works (46号 第九条)', () => {
  const works = (over: Partial<SmeLotInput>, date = '2026-03-02') =>
    policy({ category: 'works', smallMicroPercent: 4, consortiumPercent: 1, ...over }, date);

  it('works procured under the GPL get the 3–5% deduction', () => {
    const o = outcome(works({ evaluationMethod: 'lowest-evaluated-price' }), solo('small', price));
    expect(o).toMatchObject({ effect: 'price-deduction', basisPoints: 400, evaluationPriceFen: yuan(960_000) });
  });

  it('works under the Bidding Law, comprehensive scoring, no low-price priority: a price-score bonus, no deduction', () => {
    const p = works({ worksUnderBiddingLaw: true, smallMicroPercent: 5, consortiumPercent: 2 });
    expect(p.effect).toBe('price-score-bonus');
    const small = outcome(p, solo('micro', price));
    expect(small).toMatchObject({
      effect: 'price-score-bonus',
      basisPoints: 500,
      evaluationPriceFen: price,
      deductionFen: 0,
    });
    expect(small.rule?.key).toBe('SME_WORKS_PRICE_BONUS_SMALL_MICRO@CN@2022-07-01');
    expect(small.explanation.zh).toContain('价格分按原报价');
    const joint = outcome(
      p,
      consortium(
        [
          { scale: 'large', shareBasisPoints: 6500 },
          { scale: 'small', shareBasisPoints: 3500 },
        ],
        price,
      ),
    );
    expect(joint).toMatchObject({ branch: 'consortium-share', effect: 'price-score-bonus', basisPoints: 200 });
    expect(outcome(p, solo('large', price)).effect).toBe('none');
  });

  it('the bonus range is checked like a deduction range', () => {
    const r = resolveSmePolicy({
      publishedOn: '2026-03-02',
      category: 'works',
      smeReserved: false,
      evaluationMethod: 'comprehensive-scoring',
      worksUnderBiddingLaw: true,
      smallMicroPercent: 6,
      consortiumPercent: 2,
    });
    expect(r.ok ? [] : r.problems.map((p) => p.ruleId)).toEqual(['SME_WORKS_PRICE_BONUS_SMALL_MICRO']);
  });

  it('with low-price priority the deduction applies again', () => {
    const p = works({ worksUnderBiddingLaw: true, lowPricePriority: true });
    expect(outcome(p, solo('small', price)).effect).toBe('price-deduction');
  });

  it('before 2021 no rule covers works: nothing, and the documents cannot set a ratio', () => {
    const p = works({ smallMicroPercent: null, consortiumPercent: null }, '2019-05-01');
    expect(outcome(p, solo('small', price)).branch).toBe('no-rule-in-force');
    const r = resolveSmePolicy({
      publishedOn: '2019-05-01',
      category: 'works',
      smeReserved: false,
      evaluationMethod: 'lowest-evaluated-price',
      smallMicroPercent: 3,
      consortiumPercent: null,
    });
    expect(r.ok ? [] : r.problems.map((x) => x.ruleId)).toEqual(['SME_RATIO_WITHOUT_RULE']);
  });
});

describe('errors, in both languages', () => {
  const base = {
    publishedOn: '2026-03-02',
    category: 'goods',
    smeReserved: false,
    evaluationMethod: 'comprehensive-scoring',
  } as const;

  it.each<[string, Partial<SmeLotInput>, string[]]>([
    ['no ratio on a non-reserved lot', { smallMicroPercent: null, consortiumPercent: null }, ['SME_RATIO_MISSING']],
    ['three decimals', { smallMicroPercent: 10.555, consortiumPercent: 4 }, ['SME_RATIO_INVALID']],
    [
      'both out of range',
      { smallMicroPercent: 21, consortiumPercent: 3.99 },
      ['SME_DEDUCTION_SMALL_MICRO', 'SME_DEDUCTION_CONSORTIUM'],
    ],
    [
      'before 财政部令第87号',
      { publishedOn: '2017-09-30', smallMicroPercent: 6, consortiumPercent: 2 },
      ['RULES_NOT_COVERED'],
    ],
  ])('%s', (_name, over, ids) => {
    const r = resolveSmePolicy({ ...base, smallMicroPercent: 10, consortiumPercent: 4, ...over });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.ruleId)).toEqual(ids);
    for (const p of r.problems) {
      expect(p.message.zh).not.toBe('');
      expect(p.message.en).not.toBe('');
    }
  });

  it('an out-of-range ratio quotes the range, the rule version and the source', () => {
    const r = resolveSmePolicy({ ...base, smallMicroPercent: 25, consortiumPercent: 4 });
    if (r.ok) throw new Error('expected a problem');
    expect(r.problems[0]).toMatchObject({ required: '10–20', actual: 25, unit: 'percent' });
    expect(r.problems[0]?.message.zh).toContain('10%至20%');
    expect(r.problems[0]?.message.zh).toContain('SME_DEDUCTION_SMALL_MICRO@CN@2022-07-01');
  });

  it('a bid with bad shares or price is refused', () => {
    const bad = applySmePolicy(goods, {
      bidPriceFen: 0,
      bidder: {
        kind: 'consortium',
        members: [
          { scale: 'large', shareBasisPoints: 5000 },
          { scale: 'small', shareBasisPoints: 4000 },
        ],
      },
      subcontracts: [{ scale: 'small', shareBasisPoints: 0 }],
      suppliedBySmallMicro: true,
    });
    expect(bad.ok ? [] : bad.problems.map((p) => p.code)).toEqual([
      'BID_PRICE_INVALID',
      'MEMBER_SHARES_NOT_FULL',
      'SHARE_INVALID',
    ]);
  });
});
