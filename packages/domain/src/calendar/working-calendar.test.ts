import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, dayNumber, fromDayNumber, isoWeekday, type IsoDate } from './civil-date';
import { CN_2025 } from './cn-2025';
import { CN_2026 } from './cn-2026';
import { CN_2027 } from './cn-2027';
import type { HolidayYear } from './holiday-year';
import {
  addWorkingDays,
  calendarCoverage,
  createWorkingCalendar,
  describeDay,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  uncertainCoverage,
  workingDaysBetween,
} from './working-calendar';

function datesOf(year: number): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = dayNumber(`${year}-01-01`); d <= dayNumber(`${year}-12-31`); d++) out.push(fromDayNumber(d));
  return out;
}

describe('official holiday data', () => {
  // Each line of the notices, day by day: [date, working?]
  it.each<[IsoDate, boolean]>([
    // 国办发明电〔2024〕12号 (2025)
    ['2025-01-01', false],
    ['2025-01-26', true], // 周日上班
    ['2025-01-27', true],
    ['2025-01-28', false], // 除夕
    ['2025-02-04', false], // 正月初七
    ['2025-02-05', true],
    ['2025-02-08', true], // 周六上班
    ['2025-04-04', false],
    ['2025-04-07', true],
    ['2025-04-27', true], // 周日上班
    ['2025-05-05', false],
    ['2025-05-06', true],
    ['2025-06-02', false],
    ['2025-09-28', true], // 周日上班
    ['2025-10-08', false],
    ['2025-10-09', true],
    ['2025-10-11', true], // 周六上班
    // 国办发明电〔2025〕7号 (2026)
    ['2026-01-02', false],
    ['2026-01-04', true], // 周日上班
    ['2026-02-13', true],
    ['2026-02-14', true], // 周六上班
    ['2026-02-16', false], // 除夕
    ['2026-02-23', false], // 正月初七
    ['2026-02-24', true],
    ['2026-02-28', true], // 周六上班
    ['2026-04-06', false],
    ['2026-05-05', false],
    ['2026-05-09', true], // 周六上班
    ['2026-06-19', false],
    ['2026-09-20', true], // 周日上班
    ['2026-09-25', false],
    ['2026-10-07', false],
    ['2026-10-08', true],
    ['2026-10-10', true], // 周六上班
  ])('%s working: %s', (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
  });

  it.each([
    // Counted by hand from the notices: 365 − 104 weekend days − weekdays off + weekend working days.
    [2025, 365 - 104 - 18 + 5],
    [2026, 365 - 104 - 19 + 6],
  ])('%i has %i working days', (year, expected) => {
    expect(datesOf(year).filter((d) => isWorkingDay(d)).length).toBe(expected);
  });

  it.each([CN_2025, CN_2026, CN_2027])('$year: every adjusted working day is a weekend day', (data) => {
    for (const w of data.adjustedWorkingDays) expect(isoWeekday(w.date)).toBeGreaterThanOrEqual(6);
  });

  it('names the day', () => {
    expect(describeDay('2026-02-17')).toMatchObject({ kind: 'holiday', working: false, holiday: { zh: '春节' } });
    expect(describeDay('2026-02-28')).toMatchObject({ kind: 'adjusted-working-day', holiday: { zh: '春节' } });
    expect(describeDay('2026-03-07')).toMatchObject({ kind: 'weekend', working: false, holiday: null });
    expect(describeDay('2026-03-09')).toMatchObject({ kind: 'working-day', working: true });
  });
});

describe('coverage', () => {
  it('says which years have official data', () => {
    expect(calendarCoverage(2025).status).toBe('official');
    expect(calendarCoverage(2026)).toMatchObject({
      status: 'official',
      source: { documentNumber: '国办发明电〔2025〕7号' },
    });
    expect(calendarCoverage(2027).status).toBe('provisional');
    expect(calendarCoverage(2028)).toMatchObject({ status: 'none', source: null });
    expect(calendarCoverage(2028).note?.zh).toContain('周一至周五');
  });

  it('lists the uncertain years a range touches', () => {
    expect(uncertainCoverage('2025-03-01', '2026-12-31')).toEqual([]);
    expect(uncertainCoverage('2026-12-01', '2028-01-10').map((c) => [c.year, c.status])).toEqual([
      [2027, 'provisional'],
      [2028, 'none'],
    ]);
  });

  it('falls back to Monday–Friday outside the data (2024 and 2028 national holidays are NOT known here)', () => {
    expect(isWorkingDay('2024-10-01')).toBe(true); // a Tuesday: really a holiday, but 2024 is not in the data
    expect(isWorkingDay('2028-01-01')).toBe(false); // a Saturday
    expect(isWorkingDay('2028-01-03')).toBe(true);
  });

  it('2027 holds the statutory days only', () => {
    expect(isWorkingDay('2027-02-05')).toBe(false); // 除夕
    expect(isWorkingDay('2027-02-08')).toBe(false); // 初三
    expect(isWorkingDay('2027-02-09')).toBe(true); // compensation unknown until the notice
    expect(isWorkingDay('2027-10-04')).toBe(true);
  });
});

describe('counting working days', () => {
  it.each<[IsoDate, number, IsoDate]>([
    ['2026-03-02', 5, '2026-03-09'], // Monday + 5 → next Monday
    ['2026-02-13', 1, '2026-02-14'], // Friday before 春节 → the Saturday worked
    ['2026-02-14', 1, '2026-02-24'], // across the 9-day break
    ['2026-02-13', 5, '2026-02-27'],
    ['2025-09-30', 5, '2025-10-14'], // 10-09, 10-10, 10-11 (Sat, worked), 10-13, 10-14
    ['2026-09-30', 3, '2026-10-10'], // 10-08 (Thu), 10-09 (Fri), 10-10 (Sat, worked)
    ['2026-03-09', -5, '2026-03-02'],
    ['2026-03-02', 0, '2026-03-02'],
  ])('%s + %i working days = %s', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it('counts working days after the first date up to the second', () => {
    expect(workingDaysBetween('2026-03-02', '2026-03-09')).toBe(5);
    expect(workingDaysBetween('2026-03-09', '2026-03-02')).toBe(-5);
    expect(workingDaysBetween('2026-02-13', '2026-02-27')).toBe(5);
    expect(workingDaysBetween('2026-03-07', '2026-03-08')).toBe(0);
  });

  it('moves a rest day to the next working day', () => {
    expect(nextWorkingDayOnOrAfter('2026-03-07')).toBe('2026-03-09');
    expect(nextWorkingDayOnOrAfter('2026-03-09')).toBe('2026-03-09');
    expect(nextWorkingDayOnOrAfter('2026-10-01')).toBe('2026-10-08');
  });

  const date = fc.integer({ min: dayNumber('2024-06-01'), max: dayNumber('2028-06-30') }).map(fromDayNumber);
  const steps = fc.integer({ min: -80, max: 80 });

  it('workingDaysBetween inverts addWorkingDays', () => {
    fc.assert(
      fc.property(date, steps, (d, n) => {
        expect(workingDaysBetween(d, addWorkingDays(d, n))).toBe(n);
      }),
    );
  });

  it('every step lands on a working day, and stepping back returns to a working start', () => {
    fc.assert(
      fc.property(date, steps, (d, n) => {
        const e = addWorkingDays(d, n);
        if (n !== 0) expect(isWorkingDay(e)).toBe(true);
        if (isWorkingDay(d)) expect(addWorkingDays(e, -n)).toBe(d);
      }),
    );
  });

  it('adding working days is monotonic and never faster than calendar days', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 80 }), (d, n) => {
        const e = addWorkingDays(d, n);
        expect(dayNumber(e) - dayNumber(d)).toBeGreaterThanOrEqual(n);
        expect(dayNumber(addWorkingDays(d, n + 1))).toBeGreaterThan(dayNumber(e));
      }),
    );
  });

  it('a week without holidays has five working days', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('2028-01-03'), max: dayNumber('2032-12-01') }), (n) => {
        const d = fromDayNumber(n);
        expect(workingDaysBetween(d, addCalendarDays(d, 7))).toBe(5);
      }),
    );
  });
});

describe('creating calendars from data', () => {
  const base: HolidayYear = { ...CN_2026, adjustedWorkingDays: [], holidays: [] };
  it.each<[string, HolidayYear[]]>([
    ['a year given twice', [base, base]],
    [
      'a weekday declared a working day',
      [{ ...base, adjustedWorkingDays: [{ date: '2026-03-02', for: { zh: '测试', en: 'test' } }] }],
    ],
    [
      'overlapping holidays',
      [
        {
          ...base,
          holidays: [
            { name: { zh: '甲', en: 'A' }, from: '2026-05-01', to: '2026-05-03' },
            { name: { zh: '乙', en: 'B' }, from: '2026-05-03', to: '2026-05-04' },
          ],
        },
      ],
    ],
    [
      'a holiday ending before it starts',
      [{ ...base, holidays: [{ name: { zh: '甲', en: 'A' }, from: '2026-05-03', to: '2026-05-01' }] }],
    ],
    [
      'a working day outside its year',
      [{ ...base, adjustedWorkingDays: [{ date: '2025-02-08', for: { zh: '测试', en: 'test' } }] }],
    ],
  ])('rejects %s', (_label, years) => {
    expect(() => createWorkingCalendar(years)).toThrow();
  });

  it('an administrator can add a year', () => {
    const cal = createWorkingCalendar([
      {
        ...base,
        year: 2030,
        status: 'official',
        holidays: [{ name: { zh: '元旦', en: 'NY' }, from: '2030-01-01', to: '2030-01-01' }],
      },
    ]);
    expect(isWorkingDay('2030-01-01', cal)).toBe(false);
    expect(calendarCoverage(2030, cal).status).toBe('official');
  });
});
