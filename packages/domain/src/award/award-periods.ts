import { addCalendarDays, beijingDateOf, beijingInstant, type Instant, type IsoDate } from '../calendar/civil-date';
import { CN_WORKING_CALENDAR, addWorkingDays, type WorkingCalendar } from '../calendar/working-calendar';

/**
 * The legal periods of the award and of challenges, in working days (工作日), counted from the day after the act
 * (《民法典》第二百零一条: the first day is not counted) on the Beijing calendar; a period ends at the end (24:00 Beijing)
 * of its last working day.
 *
 * - `confirm`: the purchaser confirms the winner within 5 working days of receiving the evaluation report
 *   (《政府采购法实施条例》第四十三条第一款; 财政部令第87号第六十八条 — check).
 * - `publish`: the result notice and the notification letters go out within 2 working days of the winner's
 *   confirmation (实施条例第四十三条第二款; 87号令第六十九条 — check).
 * - `noticePeriod`: the result notice stands for 1 working day (87号令第六十九条 — check).
 * - `challenge`: a supplier may challenge the result within 7 working days of the day it knew or should have known of
 *   the harm (《政府采购法》第五十二条); for the result that day is the end of the notice period
 *   (实施条例第五十三条 — check), so the window closes 1 + 7 working days after the publication day.
 * - `answer`: the purchaser (its agency) answers within 7 working days of receiving the challenge (政府采购法第五十三条).
 */
export const AWARD_PERIODS = {
  confirm: 5,
  publish: 2,
  noticePeriod: 1,
  challenge: 7,
  answer: 7,
} as const;

/** A supervisor's extension of the confirmation period: whole working days, at most this many at a time. */
export const MAX_EXTENSION_WORKING_DAYS = 10;

export interface Period {
  /** The last working day of the period (Beijing). */
  lastDay: IsoDate;
  /** The end of the period: 24:00 Beijing of `lastDay` (an act at or after it is late). */
  endsAt: Date;
  /** When the reminder goes out: the start (00:00 Beijing) of the last working day, one working day before the end. */
  remindAt: Date;
}

/** The period of `workingDays` working days that starts the day after `from` (Beijing). */
export function workingDayPeriod(
  from: Instant,
  workingDays: number,
  calendar: WorkingCalendar = CN_WORKING_CALENDAR,
): Period {
  if (!Number.isSafeInteger(workingDays) || workingDays < 1) {
    throw new RangeError(`a period is at least one working day: ${workingDays}`);
  }
  const lastDay = addWorkingDays(beijingDateOf(from), workingDays, calendar);
  return { lastDay, endsAt: beijingInstant(addCalendarDays(lastDay, 1)), remindAt: beijingInstant(lastDay) };
}

/** The purchaser's confirmation period, from the moment the report reached it. */
export function confirmationPeriod(reportedAt: Instant, calendar?: WorkingCalendar): Period {
  return workingDayPeriod(reportedAt, AWARD_PERIODS.confirm, calendar);
}

/** A supervisor's extension: `workingDays` more working days after the current end's last day. */
export function extendedPeriod(current: Period, workingDays: number, calendar?: WorkingCalendar): Period {
  if (workingDays > MAX_EXTENSION_WORKING_DAYS) {
    throw new RangeError(`an extension is at most ${MAX_EXTENSION_WORKING_DAYS} working days`);
  }
  return workingDayPeriod(beijingInstant(current.lastDay), workingDays, calendar);
}

/** The period for publishing the result notice, from the confirmation. */
export function publicationPeriod(confirmedAt: Instant, calendar?: WorkingCalendar): Period {
  return workingDayPeriod(confirmedAt, AWARD_PERIODS.publish, calendar);
}

/** The window for challenging the result: the notice period, then the challenge period (see AWARD_PERIODS). */
export function challengeWindow(publishedAt: Instant, calendar?: WorkingCalendar): Period {
  return workingDayPeriod(publishedAt, AWARD_PERIODS.noticePeriod + AWARD_PERIODS.challenge, calendar);
}

/** The host's period for answering a challenge, from its filing. */
export function answerPeriod(filedAt: Instant, calendar?: WorkingCalendar): Period {
  return workingDayPeriod(filedAt, AWARD_PERIODS.answer, calendar);
}

/** Whether `at` is still inside a period ending at `endsAt`. */
export function withinPeriod(at: Instant, endsAt: Date): boolean {
  return new Date(at).getTime() < endsAt.getTime();
}
