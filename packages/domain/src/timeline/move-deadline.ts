import { atBeijingDate, beijingDateOf, epochMillis, formatBeijing, type Instant } from '../calendar/civil-date';
import type { Bilingual } from '../bilingual';
import { CN_WORKING_CALENDAR, type WorkingCalendar } from '../calendar/working-calendar';
import { clarificationRuleIdFor, type ProcurementMethod } from '../rules/procurement-methods';
import type { CategoryKind, PeriodRuleId, RuleVersion } from '../rules/rule-types';
import type { RuleSet } from '../rules/rules-in-force';
import { measurePeriod, periodMessage } from './measure-period';

export type DeadlineMove =
  | { ok: true; moved: false; deadline: Date; ruleId: PeriodRuleId }
  | {
      ok: true;
      moved: true;
      deadline: Date;
      previous: Date;
      ruleId: PeriodRuleId;
      /** Days (or working days) the clarification left before the old deadline, and the minimum. */
      actual: number;
      required: number;
      message: Bilingual;
    }
  | { ok: false; code: 'CLARIFICATION_AFTER_DEADLINE'; message: Bilingual };

/** The clarification rule of a project's method and category in a rule set, if the method has one. */
export function clarificationRule(
  rules: RuleSet,
  method: ProcurementMethod,
  category: CategoryKind,
): RuleVersion<PeriodRuleId> | null {
  const id = clarificationRuleIdFor(method, category);
  return (id && rules.rules[id]) || null;
}

/**
 * A clarification or amendment that may affect bid preparation must come at least N days before the deadline
 * (87号令 第二十七条: 15 days for an open tender); "不足15日的，采购人或者采购代理机构应当顺延提交投标文件的截止时间".
 * Returns the deadline that satisfies the rule: unchanged when it already does, otherwise the earliest compliant date
 * at the same Beijing time of day as the original deadline. A period ending on a rest day runs to the next working day
 * (民法典 第二百零三条), so a moved deadline always falls on a working day.
 */
export function moveDeadlineForClarification(
  deadline: Instant,
  clarificationAt: Instant,
  rule: RuleVersion<PeriodRuleId>,
  calendar: WorkingCalendar = CN_WORKING_CALENDAR,
): DeadlineMove {
  const previous = new Date(epochMillis(deadline));
  if (epochMillis(clarificationAt) >= previous.getTime()) {
    return {
      ok: false,
      code: 'CLARIFICATION_AFTER_DEADLINE',
      message: {
        zh: `澄清或者修改（${formatBeijing(clarificationAt)}）不得晚于投标截止时间（${formatBeijing(previous)}）`,
        en: `A clarification (${formatBeijing(clarificationAt)}) cannot come after the bid deadline (${formatBeijing(previous)})`,
      },
    };
  }
  const m = measurePeriod(rule.value, beijingDateOf(clarificationAt), beijingDateOf(previous), calendar);
  if (m.ok) return { ok: true, moved: false, deadline: previous, ruleId: rule.id };
  return {
    ok: true,
    moved: true,
    deadline: atBeijingDate(previous, m.earliest),
    previous,
    ruleId: rule.id,
    actual: m.actual,
    required: rule.value.min,
    message: periodMessage(rule, m),
  };
}
