import type { Bilingual } from '../bilingual';
import type { IsoDate } from './civil-date';

/**
 * - `official`: copied from the State Council General Office's yearly notice (国务院办公厅关于某年部分节假日安排的通知).
 * - `provisional`: the notice is not in the data yet; only the statutory holidays themselves (《全国年节及纪念日放假办法》
 *   第二条) are listed, without the weekday compensation (补假, 第六条) and swapped working days (调休) the notice adds.
 *   Periods counted across such a year may be off by the days the notice will add: callers must warn.
 */
export type HolidayDataStatus = 'official' | 'provisional';

export interface HolidaySource {
  title: string;
  /** e.g. 国办发明电〔2025〕7号; null when not known. */
  documentNumber: string | null;
  /** When the notice was issued; null when not known. */
  issuedOn: IsoDate | null;
}

/** A run of days off, as the notice states it ("10月1日至8日放假调休，共8天"): weekends inside it are included. */
export interface HolidayPeriod {
  name: Bilingual;
  from: IsoDate;
  /** inclusive */
  to: IsoDate;
}

/** A Saturday or Sunday declared a working day (调休上班). */
export interface AdjustedWorkingDay {
  date: IsoDate;
  /** The holiday it pays for. */
  for: Bilingual;
}

export interface HolidayYear {
  year: number;
  status: HolidayDataStatus;
  source: HolidaySource;
  holidays: readonly HolidayPeriod[];
  adjustedWorkingDays: readonly AdjustedWorkingDay[];
  /** What a reader should know about this data (doubts, what is missing). */
  note: Bilingual | null;
}

export const HOLIDAY_NAMES = {
  newYear: { zh: '元旦', en: "New Year's Day" },
  springFestival: { zh: '春节', en: 'Spring Festival' },
  qingming: { zh: '清明节', en: 'Qingming Festival' },
  labourDay: { zh: '劳动节', en: 'Labour Day' },
  dragonBoat: { zh: '端午节', en: 'Dragon Boat Festival' },
  midAutumn: { zh: '中秋节', en: 'Mid-Autumn Festival' },
  nationalDay: { zh: '国庆节', en: 'National Day' },
  nationalDayMidAutumn: { zh: '国庆节、中秋节', en: 'National Day and Mid-Autumn Festival' },
} as const satisfies Record<string, Bilingual>;
