import type { AwardLetterKind, EvaluationOutcome } from '@zhengcai/domain';
import { amountZh } from '../projects/tender-notice-template';
import { deadlineZh } from './award-notices';

export interface LetterDraft {
  submissionId: string;
  organisationId: string;
  kind: AwardLetterKind;
  rank: number | null;
  total: string | null;
  bidPriceFen: number | null;
  exclusionReason: { zh: string; en: string } | null;
  title: string;
  body: string;
}

export interface LetterContext {
  projectTitle: string;
  projectCode: string;
  lot: { number: number; title: string };
  purchaserName: string;
  winner: { submissionId: string; name: string };
  contractAmountFen: number;
  challengeBy: Date;
  /** Bids of the opening that took no part in the outcome (not decrypted…): organisation by submission. */
  outside: { submissionId: string; organisationId: string }[];
  names: ReadonlyMap<string, string>;
}

/**
 * One letter per bid (财政部令第87号第六十九条 — check): the winner's 中标（成交）通知书; every other bidder's 结果通知书
 * with ITS OWN rank and score (comprehensive scoring) or evaluation price, or the reason its bid was left out — never
 * anyone else's.
 */
export function draftLetters(outcome: EvaluationOutcome, c: LetterContext): LetterDraft[] {
  const where = `“${c.projectTitle}”（项目编号 ${c.projectCode}）第${c.lot.number}包（${c.lot.title}）`;
  const challenge = `如认为中标（成交）结果使你单位的权益受到损害，可在 ${deadlineZh(c.challengeBy)}（北京时间）前通过本平台提出质疑（《中华人民共和国政府采购法》第五十二条）。`;
  const drafts: LetterDraft[] = [];
  for (const bid of outcome.ranking) {
    const name = c.names.get(bid.organisationId) ?? '';
    if (bid.submissionId === c.winner.submissionId) {
      drafts.push({
        ...bid,
        kind: 'award',
        exclusionReason: null,
        title: `中标（成交）通知书：${c.projectCode} 第${c.lot.number}包`,
        body: [
          `${name}：`,
          `经评审并由采购人${c.purchaserName}确认，你单位为${where}的中标（成交）供应商，中标（成交）金额为 ${amountZh(bid.bidPriceFen)}。`,
          '请自本通知书发出之日起30日内，按照采购文件和你单位投标（响应）文件的约定与采购人签订政府采购合同（《中华人民共和国政府采购法》第四十六条）。',
          '交易证明书已同时签发，可在本平台查验。',
        ].join('\n'),
      });
      continue;
    }
    const standing =
      bid.total !== null
        ? `你单位的评审得分为 ${bid.total} 分，排名第 ${bid.rank} 名。`
        : `你单位的评审价格为 ${amountZh(bid.evaluationPriceFen)}，排名第 ${bid.rank} 名。`;
    drafts.push({
      ...bid,
      kind: 'result',
      exclusionReason: null,
      title: `结果通知书：${c.projectCode} 第${c.lot.number}包`,
      body: [`${name}：`, `${where}的评审已经结束，中标（成交）供应商为${c.winner.name}。`, standing, challenge].join(
        '\n',
      ),
    });
  }
  const excluded = [
    ...outcome.excluded,
    ...c.outside.map((o) => ({
      ...o,
      reason: { zh: '投标文件未解密或未进入评审', en: 'The bid was not decrypted or did not enter the evaluation' },
    })),
  ];
  for (const bid of excluded) {
    drafts.push({
      submissionId: bid.submissionId,
      organisationId: bid.organisationId,
      kind: 'result',
      rank: null,
      total: null,
      bidPriceFen: null,
      exclusionReason: bid.reason,
      title: `结果通知书：${c.projectCode} 第${c.lot.number}包`,
      body: [
        `${c.names.get(bid.organisationId) ?? ''}：`,
        `${where}的评审已经结束，中标（成交）供应商为${c.winner.name}。`,
        `你单位的投标未通过评审，原因：${bid.reason.zh}`,
        challenge,
      ].join('\n'),
    });
  }
  return drafts;
}
