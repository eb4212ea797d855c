import { invalidBidReasonText } from '@zhengcai/domain';
import type { PdfRecord } from '../../platform/pdf/render-record';
import type { OpeningRecord } from './opening-record';

const beijing = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) + '（北京时间）' : '—';

const STATE = { decrypted: '有效 valid', invalid: '无效 invalid', sealed: '未解密 sealed' } as Record<string, string>;
const ROLE = { host: '主持人 host', bidder: '投标人 bidder', supervisor: '监督人 supervisor' } as Record<
  string,
  string
>;

export interface RecordSignature {
  name: string;
  role: 'host' | 'supervisor';
  signedAt: Date;
  certificateFingerprint: string;
  signature: string;
}

/** The printable opening record (开标记录): bidders, prices in figures and 大写, invalid bids, objections, signatures. */
export function openingRecordPdf(record: OpeningRecord, hash: string, signatures: RecordSignature[]): PdfRecord {
  const rows: Array<[string, string]> = [
    ['项目 Project', `${record.project.code} ${record.project.title}`],
    ['包 Lot', `第 ${record.lot.number} 包 ${record.lot.title}`],
    ['主持单位 Host', record.host.name],
    ['开标时间 Opening', beijing(record.openedAt)],
    ['解密时间 Decryption', `${beijing(record.decryptionStartedAt)} — ${beijing(record.decryptionEndsAt)}`],
    ['解密结束 Closed', beijing(record.closedAt)],
    ...record.attendance.map((a): [string, string] => [
      `签到 Attendance`,
      `${ROLE[a.role] ?? a.role}：${a.name}${a.organisation ? `（${a.organisation}）` : ''} ${beijing(a.signedInAt)}`,
    ]),
  ];
  for (const bid of record.bids) {
    const head = bid.readOutSeq ? `唱标 ${bid.readOutSeq} Read-out` : '投标 Bid';
    const lines = [`${bid.bidder.name} — ${STATE[bid.state] ?? bid.state}`];
    if (bid.price) {
      lines.push(
        `投标报价 Price：¥${bid.price.figures}；大写 ${bid.price.capital}（投标人填写 declared：${bid.price.inWords}）`,
      );
    }
    if (bid.deliveryPeriod) lines.push(`交货期 Delivery：${bid.deliveryPeriod}`);
    for (const [key, value] of Object.entries(bid.fields ?? {})) lines.push(`${key}：${value}`);
    if (bid.openedVia === 'recovery') lines.push('经应急恢复解密 Opened by emergency recovery');
    if (bid.invalidReason) {
      const reason = invalidBidReasonText(bid.invalidReason);
      lines.push(`无效原因 Reason：${reason.zh} ${reason.en}`);
    }
    if (bid.confirmation === 'confirmed') lines.push('投标人已确认 Confirmed by the bidder');
    if (bid.objection) lines.push(`异议 Objection：${bid.objection}`);
    if (bid.answer) lines.push(`答复 Answer：${bid.answer}`);
    rows.push([head, lines.join('\n')]);
  }
  rows.push([
    '开标结果 Outcome',
    record.outcome === 'failed'
      ? `流标 The lot fails（${record.failureReason ?? ''}）`
      : record.outcome === 'valid'
        ? '有效 Valid'
        : '—',
  ]);
  rows.push(['记录摘要 Record SM3', hash]);
  for (const sig of signatures) {
    rows.push([
      sig.role === 'host' ? '主持人签署 Host' : '监督人签署 Supervisor',
      `${sig.name} ${beijing(sig.signedAt.toISOString())}\n证书 Certificate ${sig.certificateFingerprint}\n签名 Signature ${sig.signature}`,
    ]);
  }
  return {
    title: '开标记录 / Opening record',
    subtitle: `${record.project.code} ${record.project.title} 第 ${record.lot.number} 包`,
    author: '政采平台 Zhengcai',
    rows,
    notes: [
      '签名为对本记录 RFC 8785 规范化 JSON 的 SM3 摘要（32 字节）的签名；JSON 记录见 GET /api/openings/{lotId}/record。',
      'Each signature is over the 32-byte SM3 hash of the record’s RFC 8785 canonical JSON; the JSON is at GET /api/openings/{lotId}/record.',
    ],
  };
}
