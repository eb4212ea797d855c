import { CN_2025 } from './cn-2025';
import { CN_2026 } from './cn-2026';
import { CN_2027 } from './cn-2027';
import { dayNumber, fromDayNumber, isWeekend, yearOf, type IsoDate } from './civil-date';
import type { Bilingual } from '../bilingual';
import type { HolidayDataStatus, HolidayPeriod, HolidaySource, HolidayYear } from './holiday-year';

/**
 * Working days (工作日) in mainland China: Monday to Friday, minus the public holidays, plus the weekend days the State
 * Council declares working days (调休上班). The holiday data is a table per year (calendar/cn-YYYY.ts) that an
 * administrator can extend; a year without data falls back to Monday–Friday and says so (`calendarCoverage`).
 */
export interface WorkingCalendar {
  readonly years: ReadonlyMap<number, HolidayYear>;
  /** day number → the holiday it belongs to */
  readonly daysOff: ReadonlyMap<number, HolidayPeriod>;
  /** day number → the adjusted working day */
  readonly extraWorkingDays: ReadonlySet<number>;
}

export type CoverageStatus = HolidayDataStatus | 'none';

export interface CalendarCoverage {
  year: number;
  /** `official`: the year's notice is in the data; `provisional`: statutory days only; `none`: Monday–Friday only. */
  status: CoverageStatus;
  source: HolidaySource | null;
  note: Bilingual | null;
}

/**
 * Builds a calendar from yearly tables, checking them: each year once, every date inside its year, adjusted working
 * days on weekends and outside the holidays, holiday periods not overlapping.
 */
export function createWorkingCalendar(years: readonly HolidayYear[]): WorkingCalendar {
  const byYear = new Map<number, HolidayYear>();
  const daysOff = new Map<number, HolidayPeriod>();
  const extra = new Set<number>();
  for (const data of years) {
    if (byYear.has(data.year)) throw new Error(`holiday data for ${data.year} given twice`);
    byYear.set(data.year, data);
    for (const period of data.holidays) {
      const from = dayNumber(period.from);
      const to = dayNumber(period.to);
      if (to < from) throw new Error(`${data.year}: holiday ${period.name.en} ends before it starts`);
      if (yearOf(period.from) !== data.year && yearOf(period.to) !== data.year) {
        throw new Error(`${data.year}: holiday ${period.name.en} is outside the year`);
      }
      for (let d = from; d <= to; d++) {
        if (daysOff.has(d)) throw new Error(`${data.year}: ${fromDayNumber(d)} is in two holidays`);
        daysOff.set(d, period);
      }
    }
    for (const w of data.adjustedWorkingDays) {
      if (yearOf(w.date) !== data.year)
        throw new Error(`${data.year}: adjusted working day ${w.date} outside the year`);
      if (!isWeekend(w.date)) throw new Error(`${data.year}: adjusted working day ${w.date} is not a weekend day`);
      extra.add(dayNumber(w.date));
    }
  }
  for (const d of extra) {
    if (daysOff.has(d)) throw new Error(`${fromDayNumber(d)} is both a holiday and a working day`);
  }
  return { years: byYear, daysOff, extraWorkingDays: extra };
}

/** The national calendar with the data shipped in this package (2025 and 2026 official, 2027 provisional). */
export const CN_WORKING_CALENDAR: WorkingCalendar = createWorkingCalendar([CN_2025, CN_2026, CN_2027]);

export function calendarCoverage(year: number, calendar: WorkingCalendar = CN_WORKING_CALENDAR): CalendarCoverage {
  const data = calendar.years.get(year);
  if (!data) {
    return {
      year,
      status: 'none',
      source: null,
      note: {
        zh: `${year}年无节假日数据：按周一至周五为工作日计算，未计法定节假日和调休。`,
        en: `No holiday data for ${year}: Monday to Friday are counted as working days, without public holidays or swapped days.`,
      },
    };
  }
  return { year, status: data.status, source: data.source, note: data.note };
}

/** The coverage of every year from `from` to `to` (either order) that is not `official`: what a caller must warn about. */
export function uncertainCoverage(
  from: IsoDate,
  to: IsoDate,
  calendar: WorkingCalendar = CN_WORKING_CALENDAR,
): CalendarCoverage[] {
  const [a, b] = [yearOf(from), yearOf(to)].sort((x, y) => x - y) as [number, number];
  const out: CalendarCoverage[] = [];
  for (let y = a; y <= b; y++) {
    const c = calendarCoverage(y, calendar);
    if (c.status !== 'official') out.push(c);
  }
  return out;
}

export type DayKind = 'working-day' | 'adjusted-working-day' | 'weekend' | 'holiday';

export interface DayDescription {
  date: IsoDate;
  kind: DayKind;
  working: boolean;
  /** The holiday (for `holiday`) or the holiday the day pays for (for `adjusted-working-day`). */
  holiday: Bilingual | null;
}

export function describeDay(date: IsoDate, calendar: WorkingCalendar = CN_WORKING_CALENDAR): DayDescription {
  const n = dayNumber(date);
  const off = calendar.daysOff.get(n);
  if (off) return { date, kind: 'holiday', working: false, holiday: off.name };
  if (calendar.extraWorkingDays.has(n)) {
    const data = calendar.years.get(yearOf(date));
    const entry = data?.adjustedWorkingDays.find((w) => w.date === date);
    return { date, kind: 'adjusted-working-day', working: true, holiday: entry?.for ?? null };
  }
  if (isWeekend(date)) return { date, kind: 'weekend', working: false, holiday: null };
  return { date, kind: 'working-day', working: true, holiday: null };
}

function isWorkingDayNumber(n: number, calendar: WorkingCalendar): boolean {
  if (calendar.daysOff.has(n)) return false;
  if (calendar.extraWorkingDays.has(n)) return true;
  // 1970-01-01 (day 0) was a Thursday: weekday index 0 = Monday … 6 = Sunday.
  const weekday = (((n + 3) % 7) + 7) % 7;
  return weekday < 5;
}

export function isWorkingDay(date: IsoDate, calendar: WorkingCalendar = CN_WORKING_CALENDAR): boolean {
  return isWorkingDayNumber(dayNumber(date), calendar);
}

/** A guard against loops that could never end on corrupt data (no working day for ten years). */
const MAX_SCAN_DAYS = 3660;

/**
 * The `n`-th working day after `date` (n > 0) or before it (n < 0); `date` itself is never counted
 * (《民法典》第二百零一条). `n = 0` returns `date` unchanged, working day or not.
 */
export function addWorkingDays(date: IsoDate, n: number, calendar: WorkingCalendar = CN_WORKING_CALENDAR): IsoDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole number of working days: ${n}`);
  const step = n < 0 ? -1 : 1;
  let d = dayNumber(date);
  let left = Math.abs(n);
  let sinceLastWorkingDay = 0;
  while (left > 0) {
    d += step;
    if (isWorkingDayNumber(d, calendar)) {
      left--;
      sinceLastWorkingDay = 0;
    } else if (++sinceLastWorkingDay > MAX_SCAN_DAYS) {
      throw new Error('the calendar has no working day for ten years');
    }
  }
  return fromDayNumber(d);
}

/**
 * Working days after `from` up to and including `to` — so that `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
 * Negative when `to` is before `from` (then counts the working days from `to` up to but excluding `from`).
 */
export function workingDaysBetween(
  from: IsoDate,
  to: IsoDate,
  calendar: WorkingCalendar = CN_WORKING_CALENDAR,
): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  let count = 0;
  if (b >= a) {
    for (let d = a + 1; d <= b; d++) if (isWorkingDayNumber(d, calendar)) count++;
    return count;
  }
  for (let d = b; d < a; d++) if (isWorkingDayNumber(d, calendar)) count++;
  return -count;
}

/** `date` if it is a working day, else the next working day (the rule for a period's last day falling on a rest day). */
export function nextWorkingDayOnOrAfter(date: IsoDate, calendar: WorkingCalendar = CN_WORKING_CALENDAR): IsoDate {
  return isWorkingDay(date, calendar) ? date : addWorkingDays(date, 1, calendar);
}
