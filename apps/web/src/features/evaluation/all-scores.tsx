import { Table, Tooltip } from 'antd';
import { useI18n } from '../../app/i18n';
import { memberLabel } from './members-progress';
import type { EvaluationView } from './types';

/** Every member's scores, per bid and criterion (members once all have submitted; oversight live). */
export function AllScores({ view }: { view: EvaluationView }) {
  const { t } = useI18n();
  const criteria = view.criteria.filter((c) => c.scored);
  const rows = view.bids
    .filter((b) => b.stands !== false)
    .flatMap((b) => criteria.map((c) => ({ key: `${b.submissionId}|${c.key}`, bid: b, criterion: c })));
  return (
    <Table
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid="all-scores"
      scroll={{ x: true }}
      columns={[
        { title: t('eval.bidder'), key: 'bidder', render: (_, r) => r.bid.bidderName },
        {
          title: t('eval.scoring'),
          key: 'criterion',
          render: (_, r) => t('eval.criterion', { label: r.criterion.label, max: r.criterion.maxScore }),
        },
        ...view.members.map((m) => ({
          title: memberLabel(m, t),
          key: String(m.seat),
          render: (_: unknown, r: (typeof rows)[number]) => {
            const s = view.scores.find(
              (x) =>
                x.expertUserId === m.userId &&
                x.submissionId === r.bid.submissionId &&
                x.criterionKey === r.criterion.key,
            );
            return s ? <Tooltip title={s.reason}>{s.score}</Tooltip> : '—';
          },
        })),
      ]}
    />
  );
}
