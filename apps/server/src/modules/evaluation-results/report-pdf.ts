import { formatFen, type Bilingual } from '@zhengcai/domain';
import type { PdfRecord } from '../../platform/pdf/render-record';
import { beijingDateTimeZh } from '../projects/tender-notice-template';
import type { EvaluationReport } from './build-report';

/** One member's signature as the signed report prints it. */
export interface ReportSignatureLine {
  seat: number;
  name: string;
  signedAt: Date;
  certificateFingerprint: string;
  signature: string;
  dissent: string | null;
}

/** The parts of the engine's ranking entries the report prints (comprehensive or lowest price). */
interface WorkingEntry {
  bidId: string;
  text: Bilingual;
  priceScore?: { score: string; working: { text: Bilingual } } | null;
  expertScores?: { criteria: { label: string; average: string; text: Bilingual }[] };
}

const METHOD = { 'comprehensive-scoring': '综合评分法', 'lowest-evaluated-price': '最低评标价法' } as Record<
  string,
  string
>;
const QUERY = {
  arithmetic_correction: '报价算术修正（第五十九条）',
  abnormal_price: '异常低价说明（第六十条）',
} as Record<string, string>;
const STATE = {
  open: '待答复',
  answered: '已说明，待委员会决定',
  confirmed: '投标人确认',
  refused: '投标人不确认',
  lapsed: '逾期未答复',
  accepted: '委员会接受',
  rejected: '委员会不接受',
} as Record<string, string>;

/**
 * The printable report (评审报告): committee, reviews, every expert's scores, the result with its working, the queries;
 * once the whole committee has signed, each member's signature and dissent after the report's hash (what they signed).
 */
export function reportPdf(
  report: EvaluationReport,
  reportHash: string,
  signatures: readonly ReportSignatureLine[] = [],
): PdfRecord {
  const name = new Map(report.bidders.map((b) => [b.submissionId, b.name]));
  const bidder = (id: string) => name.get(id) ?? id;
  const result = report.result;
  const rows: Array<[string, string]> = [
    ['项目 Project', `${report.project.code} ${report.project.title}`],
    ['包 Lot', `第 ${report.lot.number} 包 ${report.lot.title}（预算 ${formatFen(report.lot.budgetFen)} 元）`],
    ['评审方法 Method', METHOD[report.lot.evaluationMethod] ?? report.lot.evaluationMethod],
    [
      '评审委员会 Committee',
      report.committee.map((m) => `席位 ${m.seat}：${m.name}${m.leader ? '（评审组长）' : ''}`).join('\n'),
    ],
  ];
  for (const b of result.bids) {
    const qual = report.qualification.find((q) => q.submissionId === b.submissionId);
    const comp = report.compliance.filter((c) => c.submissionId === b.submissionId);
    const lines = [
      `开标报价 ${formatFen(b.sheetPriceFen)} 元；评审采用报价 ${formatFen(b.bidPriceFen)} 元${b.priceSource.kind === 'arithmetic-correction' ? '（经投标人确认的算术修正）' : ''}`,
      `资格审查：${qual ? (qual.passed ? '通过' : `不通过（${qual.reason ?? ''}）`) : '—'}`,
      `符合性审查：${comp.map((c) => `席位${c.seat} ${c.passed ? '符合' : `不符合（${c.reason ?? ''}）`}`).join('；') || '—'}`,
      b.sme ? `价格扣除：${b.sme.explanation.zh}` : '',
      b.exclusion ? `不参与排序：${b.exclusion.zh}` : '',
    ].filter(Boolean);
    rows.push([`投标人 Bidder`, `${b.bidderName}\n${lines.join('\n')}`]);
  }
  const criteria = report.result.criteria.filter((c) => c.kind !== 'price');
  for (const m of report.committee) {
    const mine = report.scores.filter((s) => s.seat === m.seat);
    if (mine.length === 0) continue;
    const byBid = [...new Set(mine.map((s) => s.submissionId))].map((id) => {
      const parts = criteria.map((c) => {
        const s = mine.find((x) => x.submissionId === id && x.criterionKey === c.key);
        return `${c.label} ${s ? (s.scoreHundredths / 100).toFixed(2) : '—'}${s?.reason ? `（${s.reason}）` : ''}`;
      });
      return `${bidder(id)}：${parts.join('，')}`;
    });
    rows.push([`评分 席位${m.seat} Scores`, `${m.name}\n${byBid.join('\n')}`]);
  }
  const working = (result.working as { ranking?: WorkingEntry[] }).ranking ?? [];
  for (const r of result.ranking) {
    const w = working.find((x) => x.bidId === r.submissionId);
    const lines = [w?.text.zh ?? `第 ${r.rank} 名`];
    if (w?.priceScore) lines.push(w.priceScore.working.text.zh);
    for (const c of w?.expertScores?.criteria ?? []) lines.push(c.text.zh);
    rows.push([`第 ${r.rank} 名 Rank${r.tie ? '（并列）' : ''}`, `${bidder(r.submissionId)}\n${lines.join('\n')}`]);
  }
  for (const f of result.abnormallyLow.filter((x) => x.flagged)) {
    rows.push(['异常低价 Abnormally low', `${bidder(f.bidId)}：${f.text.zh}`]);
  }
  for (const q of report.queries) {
    const lines = [`${QUERY[q.kind] ?? q.kind} — ${STATE[q.state] ?? q.state}`];
    if (q.kind === 'arithmetic_correction') {
      lines.push(
        `修正：${formatFen(Number(q.request.originalFen))} 元 → ${formatFen(Number(q.request.correctedFen))} 元`,
      );
    } else if (typeof q.request.question === 'string') lines.push(`问题：${q.request.question}`);
    if (q.answer) lines.push(`投标人答复：${q.answer}`);
    if (q.decisionReason) lines.push(`委员会意见：${q.decisionReason}`);
    rows.push(['评审澄清 Query', `${bidder(q.submissionId)}\n${lines.join('\n')}`]);
  }
  rows.push(['计算说明 Rounding', result.rounding.zh]);
  for (const a of result.assumptions) rows.push(['前提 Assumption', a.zh]);
  rows.push(['结果摘要 Result SM3', report.resultHash]);
  rows.push(['报告摘要 Report SM3', reportHash]);
  for (const sig of [...signatures].sort((a, b) => a.seat - b.seat)) {
    rows.push([
      `席位${sig.seat} 签署 Signed`,
      [
        `${sig.name} ${beijingDateTimeZh(sig.signedAt)}（北京时间）`,
        sig.dissent ? `不同意见 Dissent：${sig.dissent}` : '无不同意见 No dissent',
        `证书 Certificate ${sig.certificateFingerprint}`,
        `签名 Signature ${sig.signature}`,
      ].join('\n'),
    ]);
  }
  return {
    title: '评审报告 / Evaluation report',
    subtitle: `${report.project.code} ${report.project.title} 第 ${report.lot.number} 包`,
    author: '政采平台 Zhengcai',
    rows,
    notes: [
      '评审委员会成员对本报告 RFC 8785 规范化 JSON 的 SM3 摘要签署（不同意见随签名记录）；签名与 JSON 见 GET /api/lots/{lotId}/evaluation/report。',
      'Each member signs the SM3 hash of the report’s RFC 8785 canonical JSON (a dissent is signed with it); signatures and JSON at GET /api/lots/{lotId}/evaluation/report.',
    ],
  };
}
