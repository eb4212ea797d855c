import { formatFen } from '@zhengcai/domain';
import { Descriptions, List, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import type { ResultDocument } from './types';

type Row = ResultDocument['ranking'][number];

/** The working of one ranked bid (B7): price, deduction and why, price score with benchmark and ratio, expert averages. */
function Working({ doc, row }: { doc: ResultDocument; row: Row }) {
  const { t, lang } = useI18n();
  const bid = doc.bids.find((b) => b.submissionId === row.submissionId);
  const w = doc.working.ranking?.find((x) => x.bidId === row.submissionId);
  const price = w?.priceScore?.working;
  const items = [
    ...(bid?.priceSource.kind === 'arithmetic-correction'
      ? [
          {
            key: 'corrected',
            label: t('evalResult.correctedPrice'),
            children: t('evalResult.correction', {
              from: formatFen(bid.priceSource.originalFen),
              to: formatFen(bid.priceSource.correctedFen),
            }),
          },
        ]
      : []),
    {
      key: 'deduction',
      label: t('evalResult.deduction'),
      children: bid?.sme ? bid.sme.explanation[lang] : t('evalResult.noDeduction'),
    },
    ...(price
      ? [
          {
            key: 'benchmark',
            label: t('evalResult.benchmark'),
            children: `${formatFen(price.benchmark.evaluationPriceFen)}（${price.benchmark.labels.join('、')}）`,
          },
          { key: 'ratio', label: t('evalResult.ratio'), children: price.ratio.text },
          {
            key: 'priceScore',
            label: `${t('evalResult.priceScore')} ${w?.priceScore?.score ?? ''}`,
            children: price.text[lang],
          },
        ]
      : []),
    { key: 'rounding', label: t('evalResult.rounding'), children: doc.rounding[lang] },
  ];
  return (
    <div data-testid="eval-working">
      <Descriptions size="small" column={1} bordered items={items} />
      {w?.expertScores?.criteria.length ? (
        <List
          size="small"
          header={<Typography.Text strong>{t('evalResult.expertScores')}</Typography.Text>}
          dataSource={w.expertScores.criteria}
          renderItem={(c) => (
            <List.Item key={c.criterionKey}>
              <Typography.Text>
                {c.label} {c.average}：{c.text[lang]}
              </Typography.Text>
            </List.Item>
          )}
        />
      ) : null}
      {w ? <Typography.Paragraph type="secondary">{w.text[lang]}</Typography.Paragraph> : null}
    </div>
  );
}

/** 排序: the ranked bids; each row expands to the working behind its numbers. */
export function RankingTable({ doc }: { doc: ResultDocument }) {
  const { t } = useI18n();
  const nameOf = (id: string) => doc.bids.find((b) => b.submissionId === id)?.bidderName ?? id;
  const flagged = new Set(doc.abnormallyLow.filter((f) => f.flagged).map((f) => f.bidId));
  return (
    <Table<Row>
      size="small"
      rowKey="submissionId"
      pagination={false}
      dataSource={doc.ranking}
      data-testid="eval-ranking"
      onRow={(r) => ({ 'data-testid': `eval-rank-${r.rank}` }) as React.HTMLAttributes<HTMLElement>}
      expandable={{ expandedRowRender: (row) => <Working doc={doc} row={row} /> }}
      scroll={{ x: true }}
      columns={[
        {
          key: 'rank',
          title: t('evalResult.rank'),
          width: 80,
          render: (_, r) => (
            <>
              {r.rank} {r.tie ? <Tag color="orange">{t('evalResult.tie')}</Tag> : null}
            </>
          ),
        },
        {
          key: 'bidder',
          title: t('evalResult.bidder'),
          render: (_, r) => (
            <>
              {nameOf(r.submissionId)}{' '}
              {flagged.has(r.submissionId) ? <Tag color="red">{t('evalResult.abnormal')}</Tag> : null}
            </>
          ),
        },
        { key: 'bid', title: t('evalResult.bidPrice'), align: 'right', render: (_, r) => formatFen(r.bidPriceFen) },
        {
          key: 'eval',
          title: t('evalResult.evaluationPrice'),
          align: 'right',
          render: (_, r) => formatFen(r.evaluationPriceFen),
        },
        ...(doc.method === 'comprehensive-scoring'
          ? [
              {
                key: 'total',
                title: t('evalResult.total'),
                align: 'right' as const,
                render: (_: unknown, r: Row) => <Typography.Text strong>{r.total}</Typography.Text>,
              },
            ]
          : []),
      ]}
    />
  );
}
