import { addCalendarDays, calendarDaysBetween, dayNumber, type IsoDate } from '../calendar/civil-date';
import type { Bilingual } from '../bilingual';
import {
  CN_WORKING_CALENDAR,
  addWorkingDays,
  nextWorkingDayOnOrAfter,
  workingDaysBetween,
  type WorkingCalendar,
} from '../calendar/working-calendar';
import { CITE } from '../rules/citations';
import { fillText } from '../rules/rules-in-force';
import type { MinPeriodValue, PeriodRuleId, RuleVersion } from '../rules/rule-types';

export interface PeriodMeasure {
  /** Days (or working days) from the start date to the end date, the start day not counted. */
  actual: number;
  /** The first date the period's end may fall on. */
  earliest: IsoDate;
  /** When the nominal last day was a rest day and the period was extended: that nominal day. */
  extendedFrom: IsoDate | null;
  ok: boolean;
}

/** The first date a period that starts on `from` may end on. */
export function earliestEnd(
  value: MinPeriodValue,
  from: IsoDate,
  calendar: WorkingCalendar = CN_WORKING_CALENDAR,
): IsoDate {
  if (value.unit === 'working-days') return addWorkingDays(from, value.min, calendar);
  const nominal = addCalendarDays(from, value.min);
  return value.lastDayOnRestDay === 'extend' ? nextWorkingDayOnOrAfter(nominal, calendar) : nominal;
}

export function measurePeriod(
  value: MinPeriodValue,
  from: IsoDate,
  to: IsoDate,
  calendar: WorkingCalendar = CN_WORKING_CALENDAR,
): PeriodMeasure {
  const actual = value.unit === 'working-days' ? workingDaysBetween(from, to, calendar) : calendarDaysBetween(from, to);
  const earliest = earliestEnd(value, from, calendar);
  const nominal = value.unit === 'calendar-days' ? addCalendarDays(from, value.min) : earliest;
  return {
    actual,
    earliest,
    extendedFrom: nominal !== earliest ? nominal : null,
    ok: dayNumber(to) >= dayNumber(earliest),
  };
}

const UNIT_WORDS = {
  'calendar-days': { zh: '日', en: 'days' },
  'working-days': { zh: '个工作日', en: 'working days' },
} as const;

/**
 * "投标截止时间须在招标文件开始发出之日起至少20日后（《政府采购法》第三十五条）：当前为 18 日，最早可定于 2026-03-23".
 */
export function periodMessage(rule: RuleVersion<PeriodRuleId>, m: PeriodMeasure): Bilingual {
  const text = fillText(rule.text, { min: rule.value.min });
  const source = rule.sources[0] ?? CITE.platform;
  const unit = UNIT_WORDS[rule.value.unit];
  const head = { zh: `${text.zh}（${source.zh}）`, en: `${text.en} (${source.en})` };
  if (m.actual >= rule.value.min && m.extendedFrom) {
    return {
      zh: `${head.zh}：当前为 ${m.actual} ${unit.zh}，但第 ${rule.value.min} 日（${m.extendedFrom}）为休息日，期间顺延至 ${m.earliest}（${CITE.civilCodeArt203.zh}）`,
      en: `${head.en}: it is ${m.actual} ${unit.en}, but day ${rule.value.min} (${m.extendedFrom}) is a rest day, so the period runs to ${m.earliest} (${CITE.civilCodeArt203.en})`,
    };
  }
  return {
    zh: `${head.zh}：当前为 ${m.actual} ${unit.zh}，最早可定于 ${m.earliest}`,
    en: `${head.en}: it is ${m.actual} ${unit.en}; the earliest compliant date is ${m.earliest}`,
  };
}
