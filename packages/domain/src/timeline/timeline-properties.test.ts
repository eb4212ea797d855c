import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, beijingDateOf, epochMillis, type Instant } from '../calendar/civil-date';
import { isWorkingDay } from '../calendar/working-calendar';
import { CATEGORY_KINDS } from '../rules/rule-types';
import { PROCUREMENT_METHOD_CODES, periodSpecsFor, type PeriodSpec } from '../rules/procurement-methods';
import { rulesInForce } from '../rules/rules-in-force';
import { clarificationRule, moveDeadlineForClarification } from './move-deadline';
import { minimumLegalTimeline } from './minimum-legal-timeline';
import type { TimelineInput } from './timeline-types';
import { validateTimeline } from './validate-timeline';

const DAY = 86_400_000;
const method = fc.constantFrom(...PROCUREMENT_METHOD_CODES);
const category = fc.constantFrom(...CATEGORY_KINDS);
/** Publication instants from 2022 (the intention rule) to 2028 (beyond the holiday data: Monday–Friday fallback). */
const publication = fc.integer({ min: Date.UTC(2022, 0, 1), max: Date.UTC(2028, 11, 31) }).map((t) => new Date(t));

const minus = (instant: Instant | null | undefined, ms: number): Date => {
  if (!instant) throw new Error('point missing from the minimal timeline');
  return new Date(epochMillis(instant) - ms);
};

/** The timeline with the period of `spec` shortened by one day (its end one day earlier, or the intention one later). */
function shorten(t: TimelineInput, spec: PeriodSpec): TimelineInput {
  switch (spec.to) {
    case 'published': {
      if (!t.intentionPublishedOn) throw new Error('no intention');
      return { ...t, intentionPublishedOn: addCalendarDays(t.intentionPublishedOn, 1) };
    }
    case 'documentsAvailableUntil':
      return { ...t, documentsAvailableUntil: minus(t.documentsAvailableUntil, DAY) };
    case 'bidDeadline': {
      const deadline = minus(t.bidDeadline, DAY);
      // Documents cannot stay available after the deadline: they close with it.
      const until =
        t.documentsAvailableUntil && epochMillis(t.documentsAvailableUntil) > deadline.getTime()
          ? deadline
          : t.documentsAvailableUntil;
      return { ...t, bidDeadline: deadline, documentsAvailableUntil: until ?? null };
    }
    case 'publicityEnds':
      return { ...t, publicityEndsAt: minus(t.publicityEndsAt, DAY) };
    default:
      throw new Error(`no shortening for ${spec.to}`);
  }
}

describe('timeline properties', () => {
  it('every minimal legal timeline validates, for every method and category', () => {
    fc.assert(
      fc.property(method, category, publication, (m, c, publishedAt) => {
        const rules = rulesInForce(beijingDateOf(publishedAt));
        const timeline = minimumLegalTimeline({ method: m, category: c, publishedAt, rules });
        expect(validateTimeline(timeline, rules).violations).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('shortening any period of a minimal timeline by one day breaks exactly that period’s rule', () => {
    fc.assert(
      fc.property(method, category, publication, fc.nat(10), (m, c, publishedAt, pick) => {
        const rules = rulesInForce(beijingDateOf(publishedAt));
        const specs = periodSpecsFor(m, c).filter((s) => rules.rules[s.ruleId]);
        const spec = specs[pick % specs.length];
        if (!spec) return;
        const timeline = minimumLegalTimeline({ method: m, category: c, publishedAt, rules });
        // When the documents' own minimum ends on the deadline day (a long holiday inside a short response period),
        // that rule fixes the deadline too, and shortening the deadline breaks it: see the deterministic test below.
        if (spec.to === 'bidDeadline' && timeline.documentsAvailableUntil && timeline.bidDeadline) {
          const bound = specs.some((s) => s.to === 'documentsAvailableUntil');
          fc.pre(!bound || beijingDateOf(timeline.documentsAvailableUntil) !== beijingDateOf(timeline.bidDeadline));
        }
        const broken = validateTimeline(shorten(timeline, spec), rules).violations.map((v) => v.ruleId);
        expect(broken).toEqual([spec.ruleId]);
      }),
      { numRuns: 1000 },
    );
  });

  it('a deadline fixed by the documents’ period breaks that rule when shortened (consultation, Spring Festival 2026)', () => {
    // Published Friday 2026-02-13: 5 working days of documents run to 2026-02-27 (2-14 worked, 2-24…2-27), later than
    // the 10-day response period (2-23, a holiday, extended to 2-24). The deadline is the 27th.
    const rules = rulesInForce('2026-02-13');
    const publishedAt = '2026-02-13T10:00:00+08:00';
    const t = minimumLegalTimeline({ method: 'competitive-consultation', category: 'goods', publishedAt, rules });
    expect(beijingDateOf(t.bidDeadline ?? publishedAt)).toBe('2026-02-27');
    expect(validateTimeline(t, rules).ok).toBe(true);
    const spec = periodSpecsFor('competitive-consultation', 'goods').find((s) => s.to === 'bidDeadline');
    if (!spec) throw new Error('no response period');
    const broken = validateTimeline(shorten(t, spec), rules).violations.map((v) => v.ruleId);
    expect(broken).toEqual(['CONSULTATION_MIN_DOCUMENT_AVAILABILITY']);
  });

  it('a moved deadline satisfies the clarification rule, falls on a working day and is never earlier', () => {
    const tender = fc.constantFrom(
      'open-tender',
      'competitive-negotiation',
      'competitive-consultation',
      'inquiry' as const,
    );
    fc.assert(
      fc.property(tender, category, publication, fc.integer({ min: 0, max: 40 * DAY }), (m, c, publishedAt, offset) => {
        const rules = rulesInForce(beijingDateOf(publishedAt));
        const rule = clarificationRule(rules, m, c);
        if (!rule) return;
        const t = minimumLegalTimeline({ method: m, category: c, publishedAt, rules });
        if (!t.bidDeadline) throw new Error('no deadline');
        const at = new Date(publishedAt.getTime() + offset);
        const result = moveDeadlineForClarification(t.bidDeadline, at, rule);
        if (at.getTime() >= epochMillis(t.bidDeadline)) {
          expect(result.ok).toBe(false);
          return;
        }
        if (!result.ok) throw new Error('unexpected refusal');
        expect(result.deadline.getTime()).toBeGreaterThanOrEqual(epochMillis(t.bidDeadline));
        const moved = { ...t, bidDeadline: result.deadline, clarifications: [{ at, affectsPreparation: true }] };
        expect(validateTimeline(moved, rules).violations).toEqual([]);
        if (result.moved) {
          expect(isWorkingDay(beijingDateOf(result.deadline))).toBe(true);
          const again = moveDeadlineForClarification(result.deadline, at, rule);
          expect(again).toMatchObject({ ok: true, moved: false });
        }
      }),
      { numRuns: 500 },
    );
  });
});
