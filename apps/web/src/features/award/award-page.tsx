import { Alert, Card, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';
import { ChallengesPanel } from '../challenges/challenges-panel';
import { formatYuan } from '../documents/format';
import { deadlineText } from './format';
import { AwardActions } from './award-actions';
import type { AwardView } from './types';

type Loaded = { award: AwardView } | { error: string };

/**
 * 定标 of one lot: the purchaser confirms (ranking, deadline, tie pick), the host previews and publishes, the
 * supervisor extends, purchaser or supervisor suspend/resume; the challenges below. What shows follows `abilities`.
 */
export default function AwardPage() {
  const { lotId = '' } = useParams();
  const { t, lang } = useI18n();
  const { data, loading, reload } = useLoader(async (): Promise<Loaded> => {
    const { data: award, error } = await api.GET('/api/lots/{lotId}/award', { params: { path: { lotId } } });
    return award ? { award } : { error: error ? errorText(error, lang) : '' };
  });
  if (!data) return <Card loading={loading} />;
  if ('error' in data) return <Alert type="warning" title={data.error} data-testid="award-error" />;
  const { award } = data;
  const insider = award.viewAs.some((r) => r !== 'bidder');
  const yuan = (fen: number | null) => (fen === null ? '—' : formatYuan(fen));

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Card
        title={t('award.title', { code: award.project.code, number: award.lot.number })}
        extra={<Tag data-testid="award-state">{t(`award.state.${award.state as 'reported'}`)}</Tag>}
      >
        <Typography.Paragraph>
          {award.project.title} · {award.lot.title}
        </Typography.Paragraph>
        {award.suspension && (
          <Alert
            type="error"
            showIcon
            title={t('award.suspended', { reason: award.suspension.reason })}
            data-testid="award-suspension"
            style={{ marginBottom: 12 }}
          />
        )}
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            ...(insider
              ? [
                  {
                    key: 'confirmBy',
                    label: t('award.confirmBy'),
                    children: (
                      <Space data-testid="award-confirm-by">
                        {deadlineText(award.confirmBy, lang)}
                        {award.confirmOverdue && <Tag color="red">{t('award.overdue')}</Tag>}
                        {award.extension && (
                          <Tag color="blue">{t('award.extension', { reason: award.extension.reason })}</Tag>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
            ...(award.winner
              ? [
                  {
                    key: 'winner',
                    label: t('award.winner'),
                    children: <span data-testid="award-winner">{award.winner.name}</span>,
                  },
                  { key: 'amount', label: t('award.amount'), children: `${yuan(award.contractAmountFen)} 元` },
                ]
              : []),
            ...(award.publishBy && !award.publishedAt
              ? [{ key: 'publishBy', label: t('award.publishBy'), children: deadlineText(award.publishBy, lang) }]
              : []),
            ...(award.challengeBy
              ? [{ key: 'challengeBy', label: t('award.challengeBy'), children: deadlineText(award.challengeBy, lang) }]
              : []),
          ]}
        />
        {award.resultNoticeId && (
          <Space style={{ marginTop: 12 }}>
            <Link to={`/notices/${award.resultNoticeId}`} data-testid="award-notice-link">
              {t('award.notice')}
            </Link>
            {award.certificateNumber && (
              <Link to={`/verify/certificates/${award.certificateNumber}`} data-testid="award-certificate-link">
                {t('award.certificate', { number: award.certificateNumber })}
              </Link>
            )}
          </Space>
        )}
      </Card>
      {award.ranking.length > 0 && (
        <Card title={t('award.ranking')}>
          <Table
            rowKey="submissionId"
            size="small"
            pagination={false}
            dataSource={award.ranking}
            data-testid="award-ranking"
            columns={[
              { title: t('award.rank'), dataIndex: 'rank', width: 80 },
              {
                title: t('award.bidder'),
                render: (_: unknown, b: AwardView['ranking'][number]) => (
                  <Space>
                    {b.name}
                    {b.tie && <Tag color="orange">{t('award.tie')}</Tag>}
                  </Space>
                ),
              },
              {
                title: t('award.bidPrice'),
                render: (_: unknown, b: AwardView['ranking'][number]) => yuan(b.bidPriceFen),
              },
              {
                title: t('award.evaluationPrice'),
                render: (_: unknown, b: AwardView['ranking'][number]) => yuan(b.evaluationPriceFen),
              },
              { title: t('award.total'), dataIndex: 'total', render: (v: string | null) => v ?? '—' },
            ]}
          />
          {award.excluded.length > 0 && (
            <>
              <Typography.Title level={5}>{t('award.excluded')}</Typography.Title>
              {award.excluded.map((b) => (
                <Typography.Paragraph key={b.submissionId}>
                  {b.name}：{lang === 'en' ? b.reason.en : b.reason.zh}
                </Typography.Paragraph>
              ))}
            </>
          )}
        </Card>
      )}
      <AwardActions award={award} onDone={reload} />
      {award.noticePreview && (
        <Card title={t('award.preview')} data-testid="award-notice-preview">
          <Typography.Title level={5}>{award.noticePreview.title}</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{award.noticePreview.body}</Typography.Paragraph>
        </Card>
      )}
      {award.letters.length > 0 && (
        <Card title={t('award.letters')}>
          {award.letters.map((l) => (
            <Tag key={l.organisationId} color={l.kind === 'award' ? 'gold' : 'default'}>
              {l.name} · {t(`award.letter.${l.kind}`)}
            </Tag>
          ))}
        </Card>
      )}
      {award.state === 'published' ? (
        <ChallengesPanel lotId={award.lotId} mayFile={award.abilities.challenge} onChange={reload} />
      ) : (
        award.ranking.length === 0 && <Empty />
      )}
    </Space>
  );
}
