import { Alert, App, Button, Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';
import { formatTime } from '../documents/format';
import { QueriesCard } from './queries-card';
import { RankingTable } from './ranking-table';
import { ReportCard } from './report-card';
import type { ResultDocument, ResultsView } from './types';

/**
 * The evaluation's result panel of a lot (C12): for the committee (the leader computes, asks bidders, fixes the
 * report; every member signs), the host and oversight (read only). Embeddable on the expert's evaluation page;
 * also a page of its own (evaluation-result-page.tsx).
 */
export function EvaluationResultPanel({ lotId }: { lotId: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const load = useCallback(async () => {
    const { data, error } = await api.GET('/api/lots/{lotId}/evaluation/results', { params: { path: { lotId } } });
    return { data: data ?? null, error: error ?? null };
  }, [lotId]);
  const { data, loading, reload } = useLoader(load);
  const [busy, setBusy] = useState(false);

  if (!data) return <Card loading />;
  if (data.error || !data.data) {
    return <Alert type="warning" showIcon message={data.error ? errorText(data.error, lang) : ''} />;
  }
  const view: ResultsView = data.data;
  const doc = view.result as ResultDocument | null;
  const may = (a: ResultsView['actions'][number]) => view.actions.includes(a);
  const role =
    view.role === 'member'
      ? view.leader
        ? t('evalResult.role.leader')
        : t('evalResult.role.member')
      : t(`evalResult.role.${view.role}`);

  const compute = async () => {
    setBusy(true);
    const { error } = await api.POST('/api/lots/{lotId}/evaluation/compute', { params: { path: { lotId } } });
    setBusy(false);
    if (error) void message.error(errorText(error, lang), 8);
    else void message.success(t('evalResult.computed'));
    reload();
  };
  const nameOf = (id: string) => doc?.bids.find((b) => b.submissionId === id)?.bidderName ?? id;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="eval-result-panel">
      <Card
        size="small"
        loading={loading && !data}
        title={t('evalResult.title')}
        extra={
          may('compute') ? (
            <Button type="primary" loading={busy} onClick={() => void compute()} data-testid="eval-compute">
              {view.state === 'computed' ? t('evalResult.recompute') : t('evalResult.compute')}
            </Button>
          ) : null
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'lot',
              label: t('evalQueries.project'),
              children: t('evalResult.subtitle', {
                code: view.projectCode,
                title: view.projectTitle,
                number: view.lotNumber,
              }),
            },
            {
              key: 'state',
              label: t('evalResult.state'),
              children: (
                <Space>
                  <Tag color="blue" data-testid="eval-state" data-state={view.state}>
                    {t(`evalResult.state.${view.state}`)}
                  </Tag>
                  <Tag>{role}</Tag>
                </Space>
              ),
            },
            ...(view.resultHash
              ? [
                  {
                    key: 'hash',
                    label: t('evalResult.resultHash'),
                    children: (
                      <Typography.Text code copyable data-testid="eval-result-hash">
                        {view.resultHash}
                      </Typography.Text>
                    ),
                  },
                  { key: 'at', label: t('evalResult.computedAt'), children: formatTime(view.computedAt, lang) },
                ]
              : []),
          ]}
        />
        {may('compute') ? (
          <Typography.Paragraph type="secondary">{t('evalResult.computeHint')}</Typography.Paragraph>
        ) : null}
      </Card>
      {doc ? (
        <Card size="small" title={t('evalResult.ranking')}>
          <RankingTable doc={doc} />
          {doc.excluded.length ? (
            <List
              size="small"
              header={<Typography.Text strong>{t('evalResult.excluded')}</Typography.Text>}
              dataSource={doc.excluded}
              data-testid="eval-excluded"
              renderItem={(e) => (
                <List.Item key={e.submissionId}>
                  {nameOf(e.submissionId)}：{e.reason[lang]}
                </List.Item>
              )}
            />
          ) : null}
          {doc.abnormallyLow.some((f) => f.flagged) ? (
            <Alert
              style={{ marginTop: 12 }}
              type="warning"
              showIcon
              message={t('evalResult.abnormalFlag')}
              description={doc.abnormallyLow
                .filter((f) => f.flagged)
                .map((f) => f.text[lang])
                .join('\n')}
              data-testid="eval-abnormal"
            />
          ) : null}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('evalResult.assumption')}：{doc.assumptions.map((a) => a[lang]).join(' ')}
          </Typography.Paragraph>
        </Card>
      ) : (
        <Alert type="info" showIcon message={t('evalResult.notComputed')} />
      )}
      {view.queries.length || may('open_correction') ? <QueriesCard view={view} doc={doc} onChange={reload} /> : null}
      <ReportCard view={view} onChange={reload} />
    </Space>
  );
}
