import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  atBeijingDate,
  beijingDateOf,
  beijingInstant,
  beijingMinuteOfDay,
  calendarDaysBetween,
  dayNumber,
  epochMillis,
  formatBeijing,
  fromDayNumber,
  isIsoDate,
  isoWeekday,
  parseIsoDate,
} from './civil-date';

const ms = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) });

describe('civil dates', () => {
  it.each([
    ['1970-01-01', 0, 4],
    ['2000-02-29', 11_016, 2],
    ['2025-01-01', 20_089, 3], // 元旦 2025 was a Wednesday (周三), as the notice says
    ['2026-02-15', 20_499, 7], // 春节 2026 starts on a Sunday (周日)
  ])('%s is day %i and ISO weekday %i', (date, n, weekday) => {
    expect(dayNumber(date)).toBe(n);
    expect(fromDayNumber(n)).toBe(date);
    expect(isoWeekday(date)).toBe(weekday);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-1-5', '20260105', '', '2026-04-31'])('rejects %j', (s) => {
    expect(isIsoDate(s)).toBe(false);
    expect(() => parseIsoDate(s)).toThrow(RangeError);
  });

  it('day numbers round-trip and agree with the UTC calendar of the JS engine', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        const date = fromDayNumber(n);
        expect(dayNumber(date)).toBe(n);
        const utc = new Date(n * 86_400_000);
        expect(date).toBe(utc.toISOString().slice(0, 10));
        expect(isoWeekday(date)).toBe(((utc.getUTCDay() + 6) % 7) + 1);
      }),
    );
  });

  it('adds and subtracts calendar days', () => {
    expect(addCalendarDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(calendarDaysBetween('2026-03-02', '2026-03-22')).toBe(20);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: -5000, max: 5000 }), (n, k) => {
        const d = fromDayNumber(n);
        expect(calendarDaysBetween(d, addCalendarDays(d, k))).toBe(k);
      }),
    );
  });
});

describe('instants read in Beijing time (UTC+8), whatever the host zone', () => {
  it.each([
    ['2026-03-01T15:59:59Z', '2026-03-01', 23 * 60 + 59],
    ['2026-03-01T16:00:00Z', '2026-03-02', 0],
    ['2026-03-02T09:30:00+08:00', '2026-03-02', 570],
    ['2026-03-01T20:30:00-05:00', '2026-03-02', 570], // 01:30Z → 09:30 Beijing
    ['2026-03-02T00:00:00.000+08:00', '2026-03-02', 0],
  ])('%s is %s at minute %i', (instant, date, minute) => {
    expect(beijingDateOf(instant)).toBe(date);
    expect(beijingMinuteOfDay(instant)).toBe(minute);
  });

  it('refuses date-times without an offset (they would be read in the host zone)', () => {
    expect(() => epochMillis('2026-03-02T09:30:00')).toThrow(RangeError);
    expect(() => epochMillis('2026-03-02')).toThrow(RangeError);
    expect(() => epochMillis(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => epochMillis('2026-02-30T09:30:00Z')).toThrow(RangeError); // Date.parse would say 2026-03-02
    expect(() => epochMillis('2026-03-02T24:00:00Z')).toThrow(RangeError);
    expect(epochMillis('2026-03-02T09:30:00.123456+08:00')).toBe(Date.UTC(2026, 2, 2, 1, 30, 0, 123));
  });

  it('builds instants from Beijing wall time', () => {
    expect(beijingInstant('2026-03-02', '09:30').toISOString()).toBe('2026-03-02T01:30:00.000Z');
    expect(beijingInstant('2026-03-02').toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(() => beijingInstant('2026-03-02', '24:00')).toThrow(RangeError);
    expect(formatBeijing('2026-03-02T01:30:00Z')).toBe('2026-03-02T09:30+08:00');
  });

  it('the Beijing date of any instant is its UTC date eight hours later', () => {
    fc.assert(
      fc.property(ms, (t) => {
        expect(beijingDateOf(new Date(t))).toBe(new Date(t + 8 * 3_600_000).toISOString().slice(0, 10));
      }),
    );
  });

  it('moving an instant to another Beijing date keeps its wall-clock time', () => {
    fc.assert(
      fc.property(ms, fc.integer({ min: -400, max: 400 }), (t, k) => {
        const target = addCalendarDays(beijingDateOf(new Date(t)), k);
        const moved = atBeijingDate(new Date(t), target);
        expect(beijingDateOf(moved)).toBe(target);
        expect(beijingMinuteOfDay(moved)).toBe(beijingMinuteOfDay(new Date(t)));
        expect(moved.getTime() - t).toBe(k * 86_400_000);
      }),
    );
  });
});
