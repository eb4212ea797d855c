import {
  addCalendarDays,
  beijingDateOf,
  beijingInstant,
  dayNumber,
  epochMillis,
  type Instant,
  type IsoDate,
} from '../calendar/civil-date';
import { CN_WORKING_CALENDAR, type WorkingCalendar } from '../calendar/working-calendar';
import { periodSpecsFor, type ProcurementMethod } from '../rules/procurement-methods';
import type { CategoryKind } from '../rules/rule-types';
import type { RuleSet } from '../rules/rules-in-force';
import { earliestEnd } from './measure-period';
import type { TimelineInput } from './timeline-types';

export interface MinimumTimelineOptions {
  method: ProcurementMethod;
  category: CategoryKind;
  publishedAt: Instant;
  rules: RuleSet;
  calendar?: WorkingCalendar;
  /** Beijing time at which the documents stop being available on their last day (default 17:00). */
  documentsCloseAt?: string;
  /** Beijing time of the bid deadline and opening (default 09:30). */
  deadlineAt?: string;
  /** Beijing time at which a single-source publicity ends (default 17:00). */
  publicityClosesAt?: string;
}

const later = (a: IsoDate, b: IsoDate): IsoDate => (dayNumber(a) >= dayNumber(b) ? a : b);

/**
 * The shortest timeline the rules allow for a notice published at `publishedAt`: the intention exactly the minimum
 * lead before, documents available from the publication for the minimum period, the deadline on the first date every
 * rule ending there allows (and not before the documents close). Used to propose dates in the UI, and by the tests:
 * it always validates, and shortening any of its periods by a day breaks that period's rule.
 */
export function minimumLegalTimeline(options: MinimumTimelineOptions): TimelineInput {
  const { method, category, publishedAt, rules } = options;
  const calendar = options.calendar ?? CN_WORKING_CALENDAR;
  const published = new Date(epochMillis(publishedAt));
  const publishedOn = beijingDateOf(published);
  const input: TimelineInput = { method, category, publishedAt: published };

  // The latest date each point must reach, over every rule that ends there.
  const ends = new Map<string, IsoDate>();
  const starts: Record<string, IsoDate> = { published: publishedOn, documentsAvailableFrom: publishedOn };
  const specs = periodSpecsFor(method, category);
  const needsDocuments = specs.some((s) => s.from === 'documentsAvailableFrom');

  for (const spec of specs) {
    const rule = rules.rules[spec.ruleId];
    if (!rule) continue;
    if (spec.from === 'intentionPublished') {
      // Counted backwards from the notice: the intention's latest date is the notice date minus the lead.
      input.intentionPublishedOn = addCalendarDays(publishedOn, -rule.value.min);
      continue;
    }
    const start = starts[spec.from];
    if (!start) throw new Error(`minimumLegalTimeline: no start for ${spec.from}`);
    const end = earliestEnd(rule.value, start, calendar);
    const current = ends.get(spec.to);
    ends.set(spec.to, current ? later(current, end) : end);
  }

  if (needsDocuments) input.documentsAvailableFrom = published;
  const docsUntil = ends.get('documentsAvailableUntil');
  let deadlineDate = ends.get('bidDeadline');
  if (deadlineDate && docsUntil) deadlineDate = later(deadlineDate, docsUntil);
  if (deadlineDate) {
    const deadline = beijingInstant(deadlineDate, options.deadlineAt ?? '09:30');
    input.bidDeadline = deadline;
    if (docsUntil) {
      const close = beijingInstant(docsUntil, options.documentsCloseAt ?? '17:00');
      // Documents cannot be obtained after the deadline: on the same day they close with it.
      input.documentsAvailableUntil = close.getTime() <= deadline.getTime() ? close : deadline;
    } else {
      input.documentsAvailableUntil = deadline;
    }
  } else if (docsUntil) {
    input.documentsAvailableUntil = beijingInstant(docsUntil, options.documentsCloseAt ?? '17:00');
  }
  const publicityEnds = ends.get('publicityEnds');
  if (publicityEnds) input.publicityEndsAt = beijingInstant(publicityEnds, options.publicityClosesAt ?? '17:00');
  return input;
}
