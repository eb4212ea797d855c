import { describe, expect, it } from 'vitest';
import { amountZh, beijingDateTimeZh, renderTenderNotice, tenderNoticeTitle } from './tender-notice-template';

describe('the tender notice template', () => {
  it('names the purchaser once in the title', () => {
    const base = { purchaserName: '六盘水市人民医院', method: 'open-tender' as const };
    expect(tenderNoticeTitle({ ...base, title: '医疗设备采购项目' })).toBe(
      '六盘水市人民医院医疗设备采购项目公开招标公告',
    );
    expect(tenderNoticeTitle({ ...base, title: '六盘水市人民医院医疗设备采购项目' })).toBe(
      '六盘水市人民医院医疗设备采购项目公开招标公告',
    );
  });

  it('writes money in figures and capitals, and times in Beijing time', () => {
    expect(amountZh(128_000_000)).toBe('1,280,000.00元（大写：壹佰贰拾捌万元整）');
    expect(beijingDateTimeZh(new Date('2026-03-23T01:30:00Z'))).toBe('2026年03月23日 09:30');
  });

  it('has the sections of the national template, in order', () => {
    const { body } = renderTenderNotice({
      platformName: '本平台',
      code: 'ZC-2026-000001',
      title: '测试项目',
      method: 'open-tender',
      category: 'goods',
      purchaserName: '采购单位',
      agencyName: null,
      qualificationRequirements: '',
      procurementNeeds: '',
      contractPeriod: '',
      otherMatters: '',
      contactName: '',
      contactPhone: '',
      publishedAt: new Date('2026-03-02T01:00:00Z'),
      documentsAvailableFrom: new Date('2026-03-02T01:00:00Z'),
      documentsAvailableUntil: new Date('2026-03-09T09:00:00Z'),
      bidDeadline: new Date('2026-03-23T01:30:00Z'),
      decryptionWindowMinutes: 30,
      lots: [
        {
          number: 1,
          title: '包',
          categoryCode: 'A02',
          categoryName: '通用设备',
          budgetFen: 100,
          ceilingPriceFen: null,
          evaluationMethod: 'lowest-evaluated-price',
          smeReserved: false,
          smeSmallMicroBp: 1250,
          smeConsortiumBp: 400,
          depositFen: null,
          consortiumAllowed: false,
        },
      ],
    });
    const order = ['项目概况', '一、', '二、', '三、', '四、', '五、', '六、', '七、'].map((h) => body.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(body).toContain('售价：0元（免费）');
    expect(body).toContain('对小微企业报价给予12.5%的扣除');
    expect(body).toContain('小微企业合同份额占30%以上的，对其报价给予4%的扣除');
    expect(body).not.toContain('采购代理机构信息');
  });
});
