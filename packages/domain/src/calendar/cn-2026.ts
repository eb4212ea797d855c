import { HOLIDAY_NAMES as H, type HolidayYear } from './holiday-year';

/**
 * 2026: 国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025年11月4日，新华社同日全文播发）.
 *
 * 一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
 * 二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
 * 三、清明节：4月4日（周六）至6日（周一）放假，共3天。
 * 四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
 * 五、端午节：6月19日（周五）至21日（周日）放假，共3天。
 * 六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
 * 七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
 *
 * The dates were checked against the text as reprinted by Xinhua (2025-11-04); the document number is the one cited
 * for this notice by several independent sources (the official gov.cn page was not at hand): re-check it there.
 */
export const CN_2026: HolidayYear = {
  year: 2026,
  status: 'official',
  source: {
    title: '国务院办公厅关于2026年部分节假日安排的通知',
    documentNumber: '国办发明电〔2025〕7号',
    issuedOn: '2025-11-04',
  },
  holidays: [
    { name: H.newYear, from: '2026-01-01', to: '2026-01-03' },
    { name: H.springFestival, from: '2026-02-15', to: '2026-02-23' },
    { name: H.qingming, from: '2026-04-04', to: '2026-04-06' },
    { name: H.labourDay, from: '2026-05-01', to: '2026-05-05' },
    { name: H.dragonBoat, from: '2026-06-19', to: '2026-06-21' },
    { name: H.midAutumn, from: '2026-09-25', to: '2026-09-27' },
    { name: H.nationalDay, from: '2026-10-01', to: '2026-10-07' },
  ],
  adjustedWorkingDays: [
    { date: '2026-01-04', for: H.newYear },
    { date: '2026-02-14', for: H.springFestival },
    { date: '2026-02-28', for: H.springFestival },
    { date: '2026-05-09', for: H.labourDay },
    { date: '2026-09-20', for: H.nationalDay },
    { date: '2026-10-10', for: H.nationalDay },
  ],
  note: null,
};
