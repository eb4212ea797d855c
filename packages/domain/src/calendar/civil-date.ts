/**
 * Calendar dates as they are read in China, independent of the machine's time zone.
 *
 * Legal periods are counted in whole days (《民法典》第二百零一条: "按照年、月、日计算期间的，开始的当日不计入，自下一日开始
 * 计算"), and the day that counts is the day on the wall in Beijing. A date is an ISO `YYYY-MM-DD` string; arithmetic goes
 * through a day number (days since 1970-01-01) computed with integer arithmetic only, so nothing here ever reads the
 * host's zone (no `getDate()`, no `getHours()`, no `new Date(y, m, d)`).
 */

/** A calendar date, `YYYY-MM-DD` (years 1000–9999). */
export type IsoDate = string;

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/** An instant: a `Date`, or an ISO 8601 date-time string that states its offset (`Z` or `±hh:mm`). */
export type Instant = Date | string;

/** China Standard Time is UTC+8 all year (no daylight saving since 1991). */
export const BEIJING_OFFSET_MINUTES = 480;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Date-time with an explicit offset; a string without one would be read in the host's zone, which we never want. */
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses `YYYY-MM-DD`; throws a RangeError for anything else (including 2026-02-30). */
export function parseIsoDate(date: IsoDate): CivilDate {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`no such date: ${date}`);
  }
  return { year, month, day };
}

export function isIsoDate(value: string): boolean {
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

export function formatIsoDate({ year, month, day }: CivilDate): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil, proleptic Gregorian). */
export function dayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The inverse of `dayNumber`. */
export function fromDayNumber(n: number): IsoDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a day number: ${n}`);
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate({ year, month, day });
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(date: IsoDate): boolean {
  return isoWeekday(date) >= 6;
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isSafeInteger(days)) throw new RangeError(`not a whole number of days: ${days}`);
  return fromDayNumber(dayNumber(date) + days);
}

/** `to − from` in calendar days (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return dayNumber(a) - dayNumber(b);
}

export function yearOf(date: IsoDate): number {
  return parseIsoDate(date).year;
}

/** Milliseconds since the epoch for an instant; a string must carry its offset (see `Instant`). */
export function epochMillis(instant: Instant): number {
  if (instant instanceof Date) {
    const ms = instant.getTime();
    if (Number.isNaN(ms)) throw new RangeError('invalid Date');
    return ms;
  }
  const m = ISO_INSTANT.exec(instant);
  if (!m) {
    throw new RangeError(`an instant needs an ISO date-time with an offset (Z or ±hh:mm): ${JSON.stringify(instant)}`);
  }
  // Date.parse rolls 2026-02-30 over to March: check the calendar date first.
  parseIsoDate(m[1] ?? '');
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`invalid instant: ${instant}`);
  return ms;
}

/** The Beijing calendar date on which an instant falls. */
export function beijingDateOf(instant: Instant): IsoDate {
  const local = epochMillis(instant) + BEIJING_OFFSET_MINUTES * 60_000;
  return fromDayNumber(Math.floor(local / MS_PER_DAY));
}

/** Minutes after Beijing midnight (0–1439) at which an instant falls. */
export function beijingMinuteOfDay(instant: Instant): number {
  const local = epochMillis(instant) + BEIJING_OFFSET_MINUTES * 60_000;
  const msOfDay = ((local % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  return Math.floor(msOfDay / 60_000);
}

/** The instant of a Beijing wall-clock time (`HH:mm`, default midnight) on a date. */
export function beijingInstant(date: IsoDate, time = '00:00'): Date {
  const m = HH_MM.exec(time);
  if (!m) throw new RangeError(`not a time of day (HH:mm): ${JSON.stringify(time)}`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return new Date(dayNumber(date) * MS_PER_DAY + (minutes - BEIJING_OFFSET_MINUTES) * 60_000);
}

/** The same Beijing wall-clock time as `instant`, moved to another date (seconds and milliseconds kept). */
export function atBeijingDate(instant: Instant, date: IsoDate): Date {
  const days = dayNumber(date) - dayNumber(beijingDateOf(instant));
  return new Date(epochMillis(instant) + days * MS_PER_DAY);
}

/** `2026-03-02T09:30+08:00`: how an instant reads in Beijing, for messages and logs. */
export function formatBeijing(instant: Instant): string {
  const date = beijingDateOf(instant);
  const minute = beijingMinuteOfDay(instant);
  const hh = String(Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  return `${date}T${hh}:${mm}+08:00`;
}
