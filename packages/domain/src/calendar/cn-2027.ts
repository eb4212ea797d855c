import { HOLIDAY_NAMES as H, type HolidayYear } from './holiday-year';

/**
 * 2027 — PROVISIONAL. NOT THE STATE COUNCIL'S NOTICE.
 *
 * The notice for 2027 (国务院办公厅关于2027年部分节假日安排的通知, expected in November 2026) was not available when this
 * file was written, and its arrangement cannot be derived from the law. Only the 13 statutory days off of
 * 《全国年节及纪念日放假办法》第二条 (as revised by 国务院令第795号, in force 2025-01-01) are listed, on these dates:
 *
 *   元旦 1月1日（周五）· 春节 除夕至初三 2月5日（周五）至8日（周一）· 清明 4月5日（周一）· 劳动节 5月1日（周六）、2日（周日）·
 *   端午 6月9日（周三）· 中秋 9月15日（周三）· 国庆 10月1日（周五）至3日（周日）
 *
 * What is missing, and will change working-day counts once the notice is copied here:
 * - weekday compensation (补假) for the statutory days that fall on a weekend (放假办法第六条): 2月6日–7日, 5月1日–2日 and
 *   10月2日–3日 will each give a weekday off, on dates only the notice fixes;
 * - the swapped days (调休): longer breaks made by working some weekends, and those weekend working days.
 *
 * Dates to double-check when the notice arrives: 春节 2027 is 2月6日 (the new moon falls at about 23:56 Beijing time
 * on 2月6日, so a calendar program with a slightly different lunar model — ICU is one — puts 正月初一 on 2月7日; the
 * published almanacs give 2月6日); 清明 is the day of the solar term, 4月5日.
 *
 * `calendarCoverage(2027)` reports `provisional`, and timeline checks across 2027 carry a warning.
 */
export const CN_2027: HolidayYear = {
  year: 2027,
  status: 'provisional',
  source: {
    title: '《全国年节及纪念日放假办法》第二条（2027年放假安排通知尚未收录）',
    documentNumber: '国务院令第795号',
    issuedOn: '2024-11-10',
  },
  holidays: [
    { name: H.newYear, from: '2027-01-01', to: '2027-01-01' },
    { name: H.springFestival, from: '2027-02-05', to: '2027-02-08' },
    { name: H.qingming, from: '2027-04-05', to: '2027-04-05' },
    { name: H.labourDay, from: '2027-05-01', to: '2027-05-02' },
    { name: H.dragonBoat, from: '2027-06-09', to: '2027-06-09' },
    { name: H.midAutumn, from: '2027-09-15', to: '2027-09-15' },
    { name: H.nationalDay, from: '2027-10-01', to: '2027-10-03' },
  ],
  adjustedWorkingDays: [],
  note: {
    zh: '2027年放假调休通知尚未收录：仅含法定节假日本身，未含补假和调休，跨2027年计算的工作日可能与正式安排不符。',
    en: 'The 2027 holiday notice is not in the data yet: only the statutory days off are known, without the weekday compensation and swapped working days, so working-day counts across 2027 may differ from the official arrangement.',
  },
};
