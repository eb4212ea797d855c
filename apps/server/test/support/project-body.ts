/**
 * A compliant open tender for goods with two lots, for a notice published on Monday 2026-03-02 (the ManualClock's
 * start, 09:00 in Beijing): intention 30+ days before, documents for 5 working days, deadline on day 21 (day 20 is
 * a Sunday, so the period runs to Monday 23 March).
 */
export function projectBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const lot = (n: number) => ({
    title: `第${n}包 教学计算机`,
    categoryCode: 'A0201',
    budgetFen: 100_000_000 * n,
    ceilingPriceFen: 95_000_000 * n,
    evaluationMethod: 'comprehensive-scoring',
    criteria: [
      { key: 'price', label: '价格', kind: 'price', weight: 30, maxScore: 30 },
      { key: 'tech', label: '技术', kind: 'technical', weight: 50, maxScore: 50 },
      { key: 'service', label: '售后服务', kind: 'service', weight: 20, maxScore: 20 },
    ],
    smeReserved: n === 2,
    smallMicroPercent: n === 2 ? null : 10,
    consortiumPercent: n === 1 ? 4 : null,
    depositFen: 2_000_000 * n,
    consortiumAllowed: n === 1,
    priceSheetFields: [{ key: 'warranty', label: '质保期（月）', kind: 'number', required: true }],
  });
  return {
    title: '六盘水市第一中学教学设备采购项目',
    method: 'open-tender',
    category: 'goods',
    qualificationRequirements: '具有有效的营业执照',
    noticeDetails: {
      procurementNeeds: '教学用计算机及配套设备，详见招标文件第三章',
      contractPeriod: '合同签订后30日内交货',
      otherMatters: '',
      contactName: '张老师',
      contactPhone: '0858-8221234',
    },
    intentionPublishedOn: '2026-01-20',
    documentsAvailableFrom: null,
    documentsAvailableUntil: '2026-03-09T17:00:00+08:00',
    bidDeadline: '2026-03-23T09:30:00+08:00',
    decryptionWindowMinutes: 30,
    lots: [lot(1), lot(2)],
    ...overrides,
  };
}
