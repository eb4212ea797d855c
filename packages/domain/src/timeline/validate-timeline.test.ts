import { describe, expect, it } from 'vitest';
import { rulesInForce } from '../rules/rules-in-force';
import type { TimelineInput } from './timeline-types';
import { validateTimeline } from './validate-timeline';

const rules2026 = rulesInForce('2026-03-02');

/** A compliant open tender for goods published on Monday 2026-03-02 (see the comments for each date). */
const openTender: TimelineInput = {
  method: 'open-tender',
  category: 'goods',
  intentionPublishedOn: '2026-01-31', // 30 days before
  publishedAt: '2026-03-02T09:00:00+08:00',
  documentsAvailableFrom: '2026-03-02T09:00:00+08:00',
  documentsAvailableUntil: '2026-03-09T17:00:00+08:00', // 5 working days: 3, 4, 5, 6, 9 March
  bidDeadline: '2026-03-23T09:30:00+08:00', // day 20 is Sunday 22 March: the period runs to Monday 23
};

const ids = (input: TimelineInput, rules = rules2026) => validateTimeline(input, rules).violations.map((v) => v.ruleId);

describe('open tender timeline (政府采购法第三十五条, 实施条例第三十一条, 财库〔2020〕10号)', () => {
  it('accepts the compliant timeline and lists the rule versions applied', () => {
    const check = validateTimeline(openTender, rules2026);
    expect(check).toMatchObject({ ok: true, violations: [], warnings: [] });
    expect(check.rulesApplied).toEqual([
      'OPEN_TENDER_MIN_BID_PERIOD@CN@2017-10-01',
      'OPEN_TENDER_MIN_DOCUMENT_AVAILABILITY@CN@2017-10-01',
      'PROCUREMENT_INTENTION_MIN_LEAD@CN@2022-01-01',
    ]);
  });

  it('reports a bid period of 18 days with the rule, the fields, the numbers and both messages', () => {
    const check = validateTimeline({ ...openTender, bidDeadline: '2026-03-20T09:30:00+08:00' }, rules2026);
    expect(check.violations).toEqual([
      {
        ruleId: 'OPEN_TENDER_MIN_BID_PERIOD',
        fields: ['documentsAvailableFrom', 'bidDeadline'],
        required: 20,
        actual: 18,
        unit: 'calendar-days',
        sources: expect.any(Array) as unknown,
        earliestDate: '2026-03-23',
        message: {
          zh: '投标截止时间须在招标文件开始发出之日起至少20日后（《政府采购法》第三十五条）：当前为 18 日，最早可定于 2026-03-23',
          en: 'The bid deadline must be at least 20 days after the tender documents are first issued (Government Procurement Law, art. 35): it is 18 days; the earliest compliant date is 2026-03-23',
        },
      },
    ]);
  });

  it('a 20th day on a Sunday runs to Monday (民法典第二百零三条, 87号令第八十五条)', () => {
    const check = validateTimeline({ ...openTender, bidDeadline: '2026-03-22T09:30:00+08:00' }, rules2026);
    expect(check.violations).toHaveLength(1);
    expect(check.violations[0]).toMatchObject({
      ruleId: 'OPEN_TENDER_MIN_BID_PERIOD',
      actual: 20,
      earliestDate: '2026-03-23',
    });
    expect(check.violations[0]?.message.zh).toContain('第 20 日（2026-03-22）为休息日，期间顺延至 2026-03-23');
    expect(check.warnings.map((w) => w.code)).toEqual(['DEADLINE_ON_REST_DAY']);
  });

  it.each<[string, Partial<TimelineInput>, string, number]>([
    [
      'documents for 4 working days',
      { documentsAvailableUntil: '2026-03-06T17:00:00+08:00' },
      'OPEN_TENDER_MIN_DOCUMENT_AVAILABILITY',
      4,
    ],
    ['an intention 29 days ahead', { intentionPublishedOn: '2026-02-01' }, 'PROCUREMENT_INTENTION_MIN_LEAD', 29],
  ])('reports %s', (_label, change, ruleId, actual) => {
    const check = validateTimeline({ ...openTender, ...change }, rules2026);
    expect(check.violations.map((v) => [v.ruleId, v.actual])).toEqual([[ruleId, actual]]);
  });

  it('counts document days around Qingming and the 9-day Spring Festival of 2026', () => {
    const qingming = rulesInForce('2026-04-01');
    const base = { ...openTender, intentionPublishedOn: '2026-02-01', bidDeadline: '2026-04-30T09:30:00+08:00' };
    const at = (from: string, until: string): TimelineInput => ({
      ...base,
      publishedAt: from,
      documentsAvailableFrom: from,
      documentsAvailableUntil: until,
    });
    // 4-1 (Wed) → 4-2, 4-3, [4-4…4-6 off], 4-7, 4-8, 4-9
    expect(ids(at('2026-04-01T09:00:00+08:00', '2026-04-09T17:00:00+08:00'), qingming)).toEqual([]);
    expect(ids(at('2026-04-01T09:00:00+08:00', '2026-04-08T17:00:00+08:00'), qingming)).toEqual([
      'OPEN_TENDER_MIN_DOCUMENT_AVAILABILITY',
    ]);
    // 2-12 (Thu) → 2-13, 2-14 (Saturday worked), [2-15…2-23 off], 2-24, 2-25, 2-26
    const spring = { ...base, intentionPublishedOn: '2026-01-10', bidDeadline: '2026-03-09T09:30:00+08:00' };
    expect(
      ids({
        ...spring,
        publishedAt: '2026-02-12T09:00:00+08:00',
        documentsAvailableFrom: '2026-02-12T09:00:00+08:00',
        documentsAvailableUntil: '2026-02-26T17:00:00+08:00',
      }),
    ).toEqual([]);
    expect(
      ids({
        ...spring,
        publishedAt: '2026-02-12T09:00:00+08:00',
        documentsAvailableFrom: '2026-02-12T09:00:00+08:00',
        documentsAvailableUntil: '2026-02-25T17:00:00+08:00',
      }),
    ).toEqual(['OPEN_TENDER_MIN_DOCUMENT_AVAILABILITY']);
  });

  it('requires the intention unless the purchase is exempt, and not before 2022', () => {
    expect(ids({ ...openTender, intentionPublishedOn: null })).toEqual(['PROCUREMENT_INTENTION_MIN_LEAD']);
    expect(ids({ ...openTender, intentionPublishedOn: null, intentionExempt: true })).toEqual([]);
    const in2021: TimelineInput = {
      ...openTender,
      intentionPublishedOn: null,
      publishedAt: '2021-06-01T09:00:00+08:00',
      documentsAvailableFrom: '2021-06-01T09:00:00+08:00',
      documentsAvailableUntil: '2021-06-08T17:00:00+08:00',
      bidDeadline: '2021-06-22T09:30:00+08:00',
    };
    const check = validateTimeline(in2021, rulesInForce('2021-06-01'));
    expect(check.violations).toEqual([]);
    // 2021 has no holiday data here: the check says the working days are Monday–Friday only.
    expect(check.warnings).toMatchObject([{ code: 'CALENDAR_NOT_OFFICIAL', coverage: { year: 2021, status: 'none' } }]);
  });

  it('reports moments out of order and missing fields once', () => {
    const early = { ...openTender, documentsAvailableFrom: '2026-03-02T08:00:00+08:00' };
    expect(ids(early)).toEqual(['TIMELINE_SEQUENCE']);
    const check = validateTimeline({ ...openTender, bidDeadline: null }, rules2026);
    expect(check.violations.map((v) => [v.ruleId, v.fields])).toEqual([['TIMELINE_FIELD_MISSING', ['bidDeadline']]]);
    const late = { ...openTender, documentsAvailableUntil: '2026-03-24T17:00:00+08:00' };
    expect(validateTimeline(late, rules2026).violations[0]?.message.zh).toBe(
      '投标（响应）截止时间（2026-03-23T09:30+08:00）不得早于采购文件获取截止时间（2026-03-24T17:00+08:00）',
    );
  });

  it('judges the day in Beijing, not in UTC', () => {
    // 2026-03-22T16:30Z is Monday 23 March 00:30 in Beijing: compliant although the UTC date is the 22nd.
    expect(ids({ ...openTender, bidDeadline: '2026-03-22T16:30:00Z' })).toEqual([]);
    expect(ids({ ...openTender, bidDeadline: '2026-03-22T15:30:00Z' })).toEqual(['OPEN_TENDER_MIN_BID_PERIOD']);
  });

  it('flags a late clarification that did not move the deadline (87号令第二十七条)', () => {
    const check = validateTimeline(
      {
        ...openTender,
        clarifications: [
          { at: '2026-03-10T15:00:00+08:00', affectsPreparation: true },
          { at: '2026-03-20T10:00:00+08:00', affectsPreparation: false },
        ],
      },
      rules2026,
    );
    expect(check.violations.map((v) => [v.ruleId, v.actual, v.earliestDate])).toEqual([
      ['OPEN_TENDER_CLARIFICATION_NOTICE', 13, '2026-03-25'],
    ]);
  });

  it('warns when the timeline reaches 2027, whose holiday data is provisional', () => {
    const dec: TimelineInput = {
      ...openTender,
      intentionPublishedOn: '2026-11-01',
      publishedAt: '2026-12-01T09:00:00+08:00',
      documentsAvailableFrom: '2026-12-01T09:00:00+08:00',
      documentsAvailableUntil: '2026-12-08T17:00:00+08:00',
      bidDeadline: '2027-01-04T09:30:00+08:00',
    };
    const check = validateTimeline(dec, rulesInForce('2026-12-01'));
    expect(check.ok).toBe(true);
    expect(check.warnings).toMatchObject([
      { code: 'CALENDAR_NOT_OFFICIAL', coverage: { year: 2027, status: 'provisional' } },
    ]);
  });
});

describe('other methods use the same checks with their own rules', () => {
  it.each<[string, TimelineInput, string[]]>([
    [
      'negotiation: 3 working days across National Day 2026 (9-30 → 10-8, 10-9, 10-10 worked)',
      {
        method: 'competitive-negotiation',
        category: 'goods',
        intentionPublishedOn: '2026-08-01',
        publishedAt: '2026-09-30T09:00:00+08:00',
        documentsAvailableFrom: '2026-09-30T09:00:00+08:00',
        bidDeadline: '2026-10-09T09:30:00+08:00',
      },
      ['NEGOTIATION_MIN_RESPONSE_PERIOD'],
    ],
    [
      'negotiation on the third working day',
      {
        method: 'competitive-negotiation',
        category: 'goods',
        intentionPublishedOn: '2026-08-01',
        publishedAt: '2026-09-30T09:00:00+08:00',
        documentsAvailableFrom: '2026-09-30T09:00:00+08:00',
        bidDeadline: '2026-10-10T09:30:00+08:00',
      },
      [],
    ],
    [
      'consultation for services: 10 days (214号第十条)',
      {
        method: 'competitive-consultation',
        category: 'services',
        intentionPublishedOn: '2026-01-31',
        publishedAt: '2026-03-02T09:00:00+08:00',
        documentsAvailableFrom: '2026-03-02T09:00:00+08:00',
        documentsAvailableUntil: '2026-03-09T17:00:00+08:00',
        bidDeadline: '2026-03-11T09:30:00+08:00',
      },
      ['CONSULTATION_MIN_RESPONSE_PERIOD'],
    ],
    [
      'single source: publicity of 5 working days (实施条例第三十八条)',
      {
        method: 'single-source',
        category: 'services',
        intentionPublishedOn: '2026-01-31',
        publishedAt: '2026-03-02T09:00:00+08:00',
        publicityEndsAt: '2026-03-06T17:00:00+08:00',
      },
      ['SINGLE_SOURCE_MIN_PUBLICITY'],
    ],
    [
      'works tender: documents on sale for 5 days (招标投标法实施条例第十六条), the fifth on a Saturday runs to Monday',
      {
        method: 'open-tender',
        category: 'works',
        intentionPublishedOn: '2026-01-31',
        publishedAt: '2026-03-02T09:00:00+08:00',
        documentsAvailableFrom: '2026-03-02T09:00:00+08:00',
        documentsAvailableUntil: '2026-03-07T17:00:00+08:00',
        bidDeadline: '2026-03-23T09:30:00+08:00',
      },
      ['WORKS_TENDER_MIN_DOCUMENT_SALE'],
    ],
  ])('%s', (_label, input, expected) => {
    expect(ids(input)).toEqual(expected);
  });
});
