import { HOLIDAY_NAMES as H, type HolidayYear } from './holiday-year';

/**
 * 2025: 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）.
 * The first year under the revised 《全国年节及纪念日放假办法》 (国务院令第795号, in force 2025-01-01), which added
 * 除夕 and 5月2日 as statutory days off.
 *
 * 一、元旦：1月1日（周三）放假1天，不调休。
 * 二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
 * 三、清明节：4月4日（周五）至6日（周日）放假，共3天。
 * 四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
 * 五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
 * 六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
 */
export const CN_2025: HolidayYear = {
  year: 2025,
  status: 'official',
  source: {
    title: '国务院办公厅关于2025年部分节假日安排的通知',
    documentNumber: '国办发明电〔2024〕12号',
    issuedOn: '2024-11-12',
  },
  holidays: [
    { name: H.newYear, from: '2025-01-01', to: '2025-01-01' },
    { name: H.springFestival, from: '2025-01-28', to: '2025-02-04' },
    { name: H.qingming, from: '2025-04-04', to: '2025-04-06' },
    { name: H.labourDay, from: '2025-05-01', to: '2025-05-05' },
    { name: H.dragonBoat, from: '2025-05-31', to: '2025-06-02' },
    { name: H.nationalDayMidAutumn, from: '2025-10-01', to: '2025-10-08' },
  ],
  adjustedWorkingDays: [
    { date: '2025-01-26', for: H.springFestival },
    { date: '2025-02-08', for: H.springFestival },
    { date: '2025-04-27', for: H.labourDay },
    { date: '2025-09-28', for: H.nationalDayMidAutumn },
    { date: '2025-10-11', for: H.nationalDayMidAutumn },
  ],
  note: null,
};
