import {
  beijingDateOf,
  dayNumber,
  epochMillis,
  formatBeijing,
  type Instant,
  type IsoDate,
} from '../calendar/civil-date';
import {
  CN_WORKING_CALENDAR,
  isWorkingDay,
  uncertainCoverage,
  type WorkingCalendar,
} from '../calendar/working-calendar';
import type { Bilingual } from '../bilingual';
import { CITE } from '../rules/citations';
import { clarificationRuleIdFor, periodSpecsFor, type TimelinePoint } from '../rules/procurement-methods';
import { ruleVersionKey } from '../rules/rule-types';
import { fillText, type RuleSet } from '../rules/rules-in-force';
import type { Citation } from '../rules/rule-types';
import { measurePeriod, periodMessage } from './measure-period';
import {
  TIMELINE_FIELDS,
  TIMELINE_FIELD_LABELS,
  type TimelineCheck,
  type TimelineField,
  type TimelineInput,
  type TimelineViolation,
  type TimelineWarning,
} from './timeline-types';

/** The Beijing date of a timeline point, or null when the field is empty. */
function pointDate(input: TimelineInput, point: TimelinePoint): IsoDate | null {
  if (point === 'intentionPublished') return input.intentionPublishedOn ?? null;
  const value = input[TIMELINE_FIELDS[point]];
  return value ? beijingDateOf(value) : null;
}

function missing(field: TimelineField, because: string): TimelineViolation {
  const label = TIMELINE_FIELD_LABELS[field];
  return {
    ruleId: 'TIMELINE_FIELD_MISSING',
    fields: [field],
    required: because,
    actual: null,
    unit: 'instant',
    sources: [CITE.platform],
    message: { zh: `未填写${label.zh}`, en: `The ${label.en} is missing` },
  };
}

function intentionMissingMessage(text: Bilingual, source: Citation): Bilingual {
  return {
    zh: `${text.zh}（${source.zh}）：未填写采购意向公开日期`,
    en: `${text.en} (${source.en}): no intention publication date is given`,
  };
}

/** `later` must not come before `earlier` (or must come strictly after it). */
function sequence(
  input: TimelineInput,
  earlier: Exclude<TimelineField, 'clarifications' | 'intentionPublishedOn'>,
  later: Exclude<TimelineField, 'clarifications' | 'intentionPublishedOn'>,
  strict: boolean,
): TimelineViolation | null {
  const a = input[earlier];
  const b = input[later];
  if (!a || !b) return null;
  const diff = epochMillis(b) - epochMillis(a);
  if (strict ? diff > 0 : diff >= 0) return null;
  const la = TIMELINE_FIELD_LABELS[earlier];
  const lb = TIMELINE_FIELD_LABELS[later];
  return {
    ruleId: 'TIMELINE_SEQUENCE',
    fields: [earlier, later],
    required: `${earlier} ${strict ? '<' : '≤'} ${later}`,
    actual: `${formatBeijing(a)} / ${formatBeijing(b)}`,
    unit: 'instant',
    sources: [CITE.platform],
    message: {
      zh: `${lb.zh}（${formatBeijing(b)}）${strict ? '须晚于' : '不得早于'}${la.zh}（${formatBeijing(a)}）`,
      en: `The ${lb.en} (${formatBeijing(b)}) must be ${strict ? 'after' : 'no earlier than'} the ${la.en} (${formatBeijing(a)})`,
    },
  };
}

function sequenceViolations(input: TimelineInput): TimelineViolation[] {
  const out: (TimelineViolation | null)[] = [
    sequence(input, 'publishedAt', 'documentsAvailableFrom', false),
    sequence(input, 'documentsAvailableFrom', 'documentsAvailableUntil', true),
    sequence(input, 'documentsAvailableUntil', 'bidDeadline', false),
    sequence(input, 'documentsAvailableFrom', 'bidDeadline', true),
    sequence(input, 'publishedAt', 'bidDeadline', true),
    sequence(input, 'publishedAt', 'publicityEndsAt', true),
  ];
  return out.filter((v): v is TimelineViolation => v !== null);
}

/**
 * Checks a timeline against the rules in force when the notice was published (`rulesInForce(beijingDateOf(
 * publishedAt), jurisdiction)`) and the working-day calendar. A timeline with violations cannot be published (C7).
 */
export function validateTimeline(
  input: TimelineInput,
  rules: RuleSet,
  calendar: WorkingCalendar = CN_WORKING_CALENDAR,
): TimelineCheck {
  const violations: TimelineViolation[] = [];
  const applied = new Set<string>();

  for (const spec of periodSpecsFor(input.method, input.category)) {
    const rule = rules.rules[spec.ruleId];
    if (!rule) continue; // not in force on that date (e.g. the intention rule before 2022)
    applied.add(ruleVersionKey(rule));
    const from = pointDate(input, spec.from);
    const to = pointDate(input, spec.to);
    if (spec.from === 'intentionPublished' && from === null) {
      if (input.intentionExempt) continue;
      violations.push({
        ruleId: spec.ruleId,
        fields: [TIMELINE_FIELDS.intentionPublished],
        required: rule.value.min,
        actual: null,
        unit: rule.value.unit,
        sources: rule.sources,
        message: intentionMissingMessage(
          fillText(rule.text, { min: rule.value.min }),
          rule.sources[0] ?? CITE.platform,
        ),
      });
      continue;
    }
    if (from === null || to === null) {
      const absent = from === null ? spec.from : spec.to;
      violations.push(missing(TIMELINE_FIELDS[absent], spec.ruleId));
      continue;
    }
    const m = measurePeriod(rule.value, from, to, calendar);
    if (m.ok) continue;
    violations.push({
      ruleId: spec.ruleId,
      fields: [TIMELINE_FIELDS[spec.from], TIMELINE_FIELDS[spec.to]],
      required: rule.value.min,
      actual: m.actual,
      unit: rule.value.unit,
      sources: rule.sources,
      message: periodMessage(rule, m),
      earliestDate: m.earliest,
    });
  }

  violations.push(...sequenceViolations(input));
  violations.push(...clarificationViolations(input, rules, calendar, applied));

  // Each field reported missing once, whatever number of rules needed it.
  const seen = new Set<string>();
  const unique = violations.filter((v) => {
    if (v.ruleId !== 'TIMELINE_FIELD_MISSING') return true;
    const key = v.fields.join();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });

  return {
    ok: unique.length === 0,
    violations: unique,
    warnings: warningsFor(input, calendar),
    rulesApplied: [...applied].sort(),
  };
}

function clarificationViolations(
  input: TimelineInput,
  rules: RuleSet,
  calendar: WorkingCalendar,
  applied: Set<string>,
): TimelineViolation[] {
  const relevant = (input.clarifications ?? []).filter((c) => c.affectsPreparation);
  const ruleId = clarificationRuleIdFor(input.method, input.category);
  const rule = ruleId ? rules.rules[ruleId] : undefined;
  if (relevant.length === 0 || !rule || !input.bidDeadline) return [];
  applied.add(ruleVersionKey(rule));
  const deadline = beijingDateOf(input.bidDeadline);
  const out: TimelineViolation[] = [];
  for (const c of relevant) {
    const m = measurePeriod(rule.value, beijingDateOf(c.at), deadline, calendar);
    if (m.ok) continue;
    out.push({
      ruleId: rule.id,
      fields: ['clarifications', 'bidDeadline'],
      required: rule.value.min,
      actual: m.actual,
      unit: rule.value.unit,
      sources: rule.sources,
      message: periodMessage(rule, m),
      earliestDate: m.earliest,
    });
  }
  return out;
}

function warningsFor(input: TimelineInput, calendar: WorkingCalendar): TimelineWarning[] {
  const instants: Instant[] = [input.publishedAt];
  for (const v of [
    input.documentsAvailableFrom,
    input.documentsAvailableUntil,
    input.bidDeadline,
    input.publicityEndsAt,
  ]) {
    if (v) instants.push(v);
  }
  const dates = instants.map((i) => beijingDateOf(i));
  if (input.intentionPublishedOn) dates.push(input.intentionPublishedOn);
  dates.sort((a, b) => dayNumber(a) - dayNumber(b));
  const first = dates[0];
  const last = dates[dates.length - 1];
  const warnings: TimelineWarning[] = [];
  if (first && last) {
    for (const coverage of uncertainCoverage(first, last, calendar)) {
      warnings.push({
        code: 'CALENDAR_NOT_OFFICIAL',
        coverage,
        message: coverage.note ?? {
          zh: `${coverage.year}年节假日数据不完整`,
          en: `Holiday data for ${coverage.year} is incomplete`,
        },
      });
    }
  }
  if (input.bidDeadline) {
    const date = beijingDateOf(input.bidDeadline);
    if (!isWorkingDay(date, calendar)) {
      warnings.push({
        code: 'DEADLINE_ON_REST_DAY',
        date,
        message: { zh: `投标截止（开标）日 ${date} 为休息日`, en: `The bid deadline (opening) ${date} is a rest day` },
      });
    }
  }
  return warnings;
}
