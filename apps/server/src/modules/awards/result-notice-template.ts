import { PROCUREMENT_METHODS, type ProcurementMethod } from '@zhengcai/domain';
import { amountZh, beijingDateTimeZh } from '../projects/tender-notice-template';
import { deadlineZh } from './award-notices';

export interface ResultNoticeData {
  platformName: string;
  code: string;
  title: string;
  method: ProcurementMethod;
  purchaserName: string;
  agencyName: string | null;
  contactName: string;
  contactPhone: string;
  lot: { number: number; title: string };
  winner: { name: string; uscc: string | null };
  contractAmountFen: number;
  /** The committee's names (评审专家名单), by seat. */
  committee: string[];
  tieBreakReason: string | null;
  publishedAt: Date;
  challengeBy: Date;
}

const orNone = (s: string, none: string) => (s.trim() ? s.trim() : none);

/** 中标（成交）结果公告 for 公开招标/邀请招标, 成交结果公告 for the other methods. */
function kindZh(method: ProcurementMethod): string {
  return method === 'open-tender' || method === 'invited-tender' ? '中标' : '成交';
}

/**
 * The result notice (中标/成交结果公告, C13) of one lot, with what 财政部令第87号第六十九条 asks of it (check): the
 * purchaser and agency, the project's name and code, the winner and the amount (in figures and in capitals), the main
 * subject, the notice period (1 working day), and the committee's names; plus where to challenge.
 */
export function renderResultNotice(d: ResultNoticeData): { title: string; body: string } {
  const kind = kindZh(d.method);
  const purchaser = d.title.startsWith(d.purchaserName) ? '' : d.purchaserName;
  const lines = [
    '一、项目编号',
    d.code,
    '',
    '二、项目名称',
    d.title,
    `采购方式：${PROCUREMENT_METHODS[d.method].label.zh}`,
    '',
    `三、${kind}信息`,
    `包${d.lot.number}（${d.lot.title}）`,
    `${kind}供应商名称：${d.winner.name}`,
    ...(d.winner.uscc ? [`统一社会信用代码：${d.winner.uscc}`] : []),
    `${kind}金额：${amountZh(d.contractAmountFen)}`,
    ...(d.tieBreakReason ? [`（评审得分并列第一，按采购文件规定的方式确定：${d.tieBreakReason}）`] : []),
    '',
    '四、主要标的信息',
    `${d.lot.title}（详见采购文件及${kind}供应商的投标文件）`,
    '',
    '五、评审专家名单',
    d.committee.length ? d.committee.join('、') : '无',
    '',
    '六、公告期限',
    '自本公告发布之日起1个工作日。',
    '',
    '七、其他补充事宜',
    `各参加政府采购活动的供应商认为${kind}结果使自己的权益受到损害的，可以在 ${deadlineZh(d.challengeBy)}（北京时间）前，通过${d.platformName}向采购人或采购代理机构提出质疑（《中华人民共和国政府采购法》第五十二条）。`,
    `${kind}通知书及结果通知书已通过本平台同时发出。`,
    '',
    '八、凡对本次公告内容提出询问，请按以下方式联系',
    `1. 采购人信息：${d.purchaserName}`,
    ...(d.agencyName ? [`2. 采购代理机构信息：${d.agencyName}`] : []),
    `${d.agencyName ? '3' : '2'}. 项目联系方式：项目联系人 ${orNone(d.contactName, '见采购文件')}；电话 ${orNone(d.contactPhone, '见采购文件')}`,
    '',
    `发布时间：${beijingDateTimeZh(d.publishedAt)}（北京时间）`,
  ];
  return { title: `${purchaser}${d.title}（包${d.lot.number}）${kind}结果公告`, body: lines.join('\n') };
}
