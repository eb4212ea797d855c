import { CITE } from '../rules/citations';
import type { RankingFlag, TieGroup } from './evaluation-types';

/**
 * Competition ranking (1, 1, 3) over items already sorted by the rule's keys: items equal on every key share a rank
 * and form a tie group flagged `TIE_NEEDS_DOCUMENT_RULE`. Within a group the order is by bid id, for stable output
 * only — it is not a ranking. Linear after the sort.
 */
export function assignRanks<T extends { bidId: string }>(
  sorted: readonly T[],
  same: (a: T, b: T) => boolean,
): { ranks: number[]; ties: TieGroup[]; tieOf: (RankingFlag | null)[] } {
  const ranks: number[] = [];
  const tieOf: (RankingFlag | null)[] = [];
  const ties: TieGroup[] = [];
  let start = 0;
  while (start < sorted.length) {
    let end = start + 1;
    while (end < sorted.length && same(sorted[start] as T, sorted[end] as T)) end++;
    const rank = start + 1;
    for (let i = start; i < end; i++) {
      ranks.push(rank);
      tieOf.push(end - start > 1 ? 'TIE_NEEDS_DOCUMENT_RULE' : null);
    }
    if (end - start > 1) {
      const bidIds = sorted.slice(start, end).map((b) => b.bidId);
      ties.push({
        rank,
        bidIds,
        flag: 'TIE_NEEDS_DOCUMENT_RULE',
        message: {
          zh: `${bidIds.join('、')} 并列第 ${rank} 名，须按采购文件规定的方式确定先后（未规定的随机抽取，${CITE.mof87Art68.zh}）`,
          en: `${bidIds.join(', ')} share rank ${rank}: the documents' tie-break decides (drawing lots if they set none, ${CITE.mof87Art68.en})`,
        },
      });
    }
    start = end;
  }
  return { ranks, ties, tieOf };
}

/** Compares bid ids, for the stable order inside a tie. */
export const byBidId = (a: { bidId: string }, b: { bidId: string }): number =>
  a.bidId < b.bidId ? -1 : a.bidId > b.bidId ? 1 : 0;
