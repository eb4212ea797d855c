import { describe, expect, it } from 'vitest';
import { checkProjectForPublication, type ProjectForCheck } from './project-publication-check';

/** Monday 2026-03-02 09:00 in Beijing. */
const publishedAt = new Date('2026-03-02T09:00:00+08:00');

const lot = {
  evaluationMethod: 'comprehensive-scoring' as const,
  criteria: [
    { key: 'price', label: '价格', kind: 'price' as const, weight: 30, maxScore: 30 },
    { key: 'tech', label: '技术', kind: 'technical' as const, weight: 70, maxScore: 70 },
  ],
  budgetFen: 100_000_000,
  depositFen: 2_000_000,
  smallMicroPercent: 10,
  consortiumPercent: null,
};

const project: ProjectForCheck = {
  method: 'open-tender',
  category: 'goods',
  intentionPublishedOn: '2026-01-31',
  intentionExempt: false,
  documentsAvailableFrom: null,
  documentsAvailableUntil: new Date('2026-03-09T17:00:00+08:00'),
  bidDeadline: new Date('2026-03-23T09:30:00+08:00'),
  lots: [lot, { ...lot, depositFen: null }],
  documentCount: 1,
};

const ids = (p: ProjectForCheck) => checkProjectForPublication(p, publishedAt).violations.map((v) => v.ruleId);

describe('checkProjectForPublication', () => {
  it('accepts a compliant open tender and records the rules in force on the publication date', () => {
    const check = checkProjectForPublication(project, publishedAt);
    expect(check.violations).toEqual([]);
    expect(check.ok).toBe(true);
    expect(check.rulesApplied).toContain('OPEN_TENDER_MIN_BID_PERIOD@CN@2017-10-01');
    expect(check.rulesApplied.some((k) => k.startsWith('DEPOSIT_MAX_RATIO@CN@'))).toBe(true);
  });

  it('proposes the minimum legal timeline for that publication instant', () => {
    const { minimum } = checkProjectForPublication(project, publishedAt);
    expect(minimum.intentionPublishedOn).toBe('2026-01-31');
    expect(minimum.bidDeadline?.toISOString()).toBe(new Date('2026-03-23T09:30:00+08:00').toISOString());
    expect(minimum.documentsAvailableUntil?.toISOString()).toBe(new Date('2026-03-09T17:00:00+08:00').toISOString());
  });

  it('names the bid-period rule for a deadline 19 days after publication, with the earliest legal date', () => {
    const check = checkProjectForPublication(
      { ...project, bidDeadline: new Date('2026-03-21T09:30:00+08:00') },
      publishedAt,
    );
    expect(check.ok).toBe(false);
    expect(check.violations).toEqual([
      expect.objectContaining({
        ruleId: 'OPEN_TENDER_MIN_BID_PERIOD',
        fields: ['documentsAvailableFrom', 'bidDeadline'],
        actual: 19,
        required: 20,
        earliestDate: '2026-03-23',
      }),
    ]);
  });

  it('prefixes lot fields and names the deposit and price-weight rules', () => {
    const bad = {
      ...lot,
      depositFen: 2_000_001,
      criteria: [
        { key: 'price', label: '价格', kind: 'price' as const, weight: 29, maxScore: 29 },
        { key: 'tech', label: '技术', kind: 'technical' as const, weight: 71, maxScore: 71 },
      ],
    };
    const check = checkProjectForPublication({ ...project, lots: [lot, bad] }, publishedAt);
    expect(check.violations.map((v) => [v.ruleId, v.fields])).toEqual([
      ['TENDER_PRICE_WEIGHT', ['lots[1].criteria[0].weight']],
      ['DEPOSIT_MAX_RATIO', ['lots[1].depositFen']],
    ]);
    expect(check.violations[0]?.message.zh).toMatch(/^包2：/);
    expect(check.violations[1]?.message.en).toMatch(/^Lot 2: /);
  });

  it("needs the documents' SME ratio on a lot not reserved for SMEs, within the range in force on the publication date", () => {
    const check = checkProjectForPublication(
      { ...project, lots: [lot, { ...lot, smallMicroPercent: null }, { ...lot, smallMicroPercent: 8 }] },
      publishedAt,
    );
    expect(check.violations.map((v) => [v.ruleId, v.fields])).toEqual([
      ['SME_RATIO_MISSING', ['lots[1].smallMicroPercent']],
      ['SME_DEDUCTION_SMALL_MICRO', ['lots[2].smallMicroPercent']],
    ]);
    expect(check.violations[1]?.message.zh).toMatch(/^包3：.*10%.*20%/);
    // Under the 2020 rules (6–10%), published 2022-06-30, 8% was allowed.
    const before = new Date('2022-06-30T09:00:00+08:00');
    const old = checkProjectForPublication({ ...project, lots: [{ ...lot, smallMicroPercent: 8 }] }, before);
    expect(old.violations.filter((v) => v.ruleId.startsWith('SME'))).toEqual([]);
    // Reserved for SMEs: no ratio, none needed; single source: nothing to deduct against.
    expect(ids({ ...project, lots: [{ ...lot, smallMicroPercent: null, smeReserved: true }] })).toEqual([]);
    expect(
      checkProjectForPublication(
        { ...project, method: 'single-source', lots: [{ ...lot, smallMicroPercent: null }] },
        publishedAt,
      ).violations.filter((v) => v.ruleId.startsWith('SME')),
    ).toEqual([]);
  });

  it('needs a lot and the documents', () => {
    expect(ids({ ...project, lots: [], documentCount: 0 })).toEqual(['LOTS_REQUIRED', 'DOCUMENTS_REQUIRED']);
  });

  it('documents available before the publication break the order of the timeline', () => {
    expect(ids({ ...project, documentsAvailableFrom: new Date('2026-03-01T09:00:00+08:00') })).toContain(
      'TIMELINE_SEQUENCE',
    );
  });

  it('an intention published 29 days before breaks the intention rule unless the project is exempt', () => {
    expect(ids({ ...project, intentionPublishedOn: '2026-02-01' })).toEqual(['PROCUREMENT_INTENTION_MIN_LEAD']);
    expect(ids({ ...project, intentionPublishedOn: null, intentionExempt: true })).toEqual([]);
  });
});
