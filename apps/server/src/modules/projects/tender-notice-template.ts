import {
  EVALUATION_METHOD_LABELS,
  PROCUREMENT_METHODS,
  beijingDateOf,
  beijingMinuteOfDay,
  formatFen,
  toChineseCapital,
  type CategoryKind,
  type EvaluationMethod,
  type ProcurementMethod,
} from '@zhengcai/domain';

/**
 * The tender notice (招标公告) as text, following the national template for 公开招标公告 (财政部办公厅《政府采购公告和
 * 公示信息格式规范（2020年版）》): 项目概况, then 一、项目基本情况 … 八、凭证联系方式. Money in figures and in capitals
 * (大写); times in Beijing time. Pure: the same data always gives the same text, whose hash goes on the ledger.
 */
export interface TenderNoticeData {
  platformName: string;
  code: string;
  title: string;
  method: ProcurementMethod;
  category: CategoryKind;
  purchaserName: string;
  agencyName: string | null;
  qualificationRequirements: string;
  procurementNeeds: string;
  contractPeriod: string;
  otherMatters: string;
  contactName: string;
  contactPhone: string;
  publishedAt: Date;
  documentsAvailableFrom: Date;
  documentsAvailableUntil: Date;
  bidDeadline: Date;
  decryptionWindowMinutes: number;
  lots: readonly {
    number: number;
    title: string;
    categoryCode: string;
    categoryName: string;
    budgetFen: number;
    ceilingPriceFen: number | null;
    evaluationMethod: EvaluationMethod;
    smeReserved: boolean;
    smeSmallMicroBp: number | null;
    smeConsortiumBp: number | null;
    depositFen: number | null;
    consortiumAllowed: boolean;
  }[];
}

/** `2026年03月23日 09:30` (Beijing). */
export function beijingDateTimeZh(instant: Date): string {
  const [y, m, d] = beijingDateOf(instant).split('-');
  const minutes = beijingMinuteOfDay(instant);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${y}年${m}月${d}日 ${hh}:${mm}`;
}

/** `1,200,000.00元（大写：壹佰贰拾万元整）`. */
export function amountZh(fen: number): string {
  return `${formatFen(fen)}元（大写：${toChineseCapital(fen)}）`;
}

const orNone = (s: string, none = '无') => (s.trim() ? s.trim() : none);

export function tenderNoticeTitle(d: Pick<TenderNoticeData, 'purchaserName' | 'title' | 'method'>): string {
  // 【采购人】【项目名称】公开招标公告, without saying the purchaser twice when the project's name already starts with it.
  const purchaser = d.title.startsWith(d.purchaserName) ? '' : d.purchaserName;
  return `${purchaser}${d.title}${PROCUREMENT_METHODS[d.method].label.zh}公告`;
}

const percentZh = (bp: number) => `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')}%`;

/** The documents' SME price policy as the notice states it (财库〔2020〕46号 第九条、第十二条). */
function smeDeductionLines(l: TenderNoticeData['lots'][number]): string[] {
  if (l.smeReserved || l.smeSmallMicroBp === null) return [];
  return [
    `  小微企业价格扣除：对小微企业报价给予${percentZh(l.smeSmallMicroBp)}的扣除，用扣除后的价格参与评审`,
    ...(l.smeConsortiumBp === null
      ? []
      : [`  联合体或分包：小微企业合同份额占30%以上的，对其报价给予${percentZh(l.smeConsortiumBp)}的扣除`]),
  ];
}

export function renderTenderNotice(d: TenderNoticeData): { title: string; body: string } {
  const method = PROCUREMENT_METHODS[d.method].label.zh;
  const total = d.lots.reduce((n, l) => n + l.budgetFen, 0);
  const deadline = beijingDateTimeZh(d.bidDeadline);
  const reserved = d.lots.filter((l) => l.smeReserved);
  const lines: string[] = [];
  const push = (...l: string[]) => lines.push(...l);

  push(
    '项目概况',
    `${d.title}招标项目的潜在投标人应在${d.platformName}（本平台）网上免费获取招标文件，并于${deadline}（北京时间）前在本平台递交加密的电子投标文件。`,
    '',
    '一、项目基本情况',
    `项目编号：${d.code}`,
    `项目名称：${d.title}`,
    `采购方式：${method}`,
    `预算金额：${amountZh(total)}`,
  );
  for (const l of d.lots) {
    push(
      `包${l.number}（${l.title}）：`,
      `  品目：${l.categoryCode} ${l.categoryName}`,
      `  预算金额：${amountZh(l.budgetFen)}`,
      `  最高限价：${l.ceilingPriceFen === null ? '无' : amountZh(l.ceilingPriceFen)}`,
      `  评标方法：${EVALUATION_METHOD_LABELS[l.evaluationMethod].zh}`,
      `  投标保证金：${l.depositFen === null || l.depositFen === 0 ? '不收取' : amountZh(l.depositFen)}`,
      `  是否专门面向中小企业采购：${l.smeReserved ? '是' : '否'}`,
      ...smeDeductionLines(l),
      `  本包${l.consortiumAllowed ? '接受' : '不接受'}联合体投标。`,
    );
  }
  push(
    `采购需求：${orNone(d.procurementNeeds, '详见招标文件')}`,
    `合同履行期限：${orNone(d.contractPeriod, '详见招标文件')}`,
    '',
    '二、申请人的资格要求',
    '1. 满足《中华人民共和国政府采购法》第二十二条规定；',
    `2. 落实政府采购政策需满足的资格要求：${
      reserved.length
        ? `${reserved.map((l) => `包${l.number}`).join('、')}专门面向中小企业采购，投标人须为中小企业并提供《中小企业声明函》（财库〔2020〕46号）；`
        : '无（本项目执行价格扣除等促进中小企业发展政策，详见招标文件）；'
    }`,
    `3. 本项目的特定资格要求：${orNone(d.qualificationRequirements)}`,
    '',
    '三、获取招标文件',
    `时间：${beijingDateTimeZh(d.documentsAvailableFrom)}至${beijingDateTimeZh(d.documentsAvailableUntil)}（北京时间）`,
    `地点：${d.platformName}（本平台）`,
    '方式：登录本平台网上免费获取（获取记录留存）',
    '售价：0元（免费）',
    '',
    '四、提交投标文件截止时间、开标时间和地点',
    `提交投标文件截止时间及开标时间：${deadline}（北京时间）`,
    `地点：${d.platformName}远程开标（不见面开标）。投标人在开标后${d.decryptionWindowMinutes}分钟内在线解密本单位投标文件。`,
    '',
    '五、公告期限',
    '自本公告发布之日起5个工作日。',
    '',
    '六、其他补充事宜',
    '1. 本项目实行全流程电子化：投标文件须使用数字证书在投标人本地加密、签名后上传，逾期上传的投标文件本平台不予接收。',
    ...(d.otherMatters.trim() ? [`2. ${d.otherMatters.trim()}`] : []),
    '',
    '七、对本次招标提出询问，请按以下方式联系',
    `1. 采购人信息：${d.purchaserName}`,
    ...(d.agencyName ? [`2. 采购代理机构信息：${d.agencyName}`] : []),
    `${d.agencyName ? '3' : '2'}. 项目联系方式：项目联系人 ${orNone(d.contactName, '见招标文件')}；电话 ${orNone(d.contactPhone, '见招标文件')}`,
    '',
    `发布时间：${beijingDateTimeZh(d.publishedAt)}（北京时间）`,
  );
  return { title: tenderNoticeTitle(d), body: lines.join('\n') };
}
