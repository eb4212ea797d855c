import { formatFen } from '@zhengcai/domain';
import { App, Button, Card, Descriptions, Empty, Input, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';
import { formatTime } from '../documents/format';
import { questionOf } from './query-forms';
import type { MyQuery, Text } from './types';

const load = async (): Promise<MyQuery[]> => (await api.GET('/api/evaluation-queries/mine')).data?.items ?? [];

interface CorrectionStep {
  explanation?: Text;
}

/** 评审澄清 (suppliers): the questions put to the organisation, confirm or refuse a correction, explain a price. */
export default function MyQueriesPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { data, loading, reload } = useLoader(load);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);

  const answer = async (
    q: MyQuery,
    body: { action: 'confirm' } | { action: 'refuse' } | { action: 'explain'; text: string },
  ) => {
    setBusy(q.id);
    const { error } = await api.POST('/api/evaluation-queries/{queryId}/answer', {
      params: { path: { queryId: q.id } },
      body,
    });
    setBusy(null);
    if (error) void message.error(error.error.fields?.[0]?.reason[lang] ?? errorText(error, lang), 8);
    else void message.success(t('evalQueries.answered'));
    reload();
  };

  return (
    <Card title={t('evalQueries.title')}>
      <Typography.Paragraph type="secondary">{t('evalQueries.intro')}</Typography.Paragraph>
      <List
        loading={loading}
        dataSource={data ?? []}
        locale={{ emptyText: <Empty description={t('evalQueries.empty')} /> }}
        data-testid="my-eval-queries"
        renderItem={(q) => {
          const correction = q.kind === 'arithmetic_correction';
          const steps = ((q.request.correction as { steps?: CorrectionStep[] } | undefined)?.steps ?? [])
            .map((s) => s.explanation?.[lang])
            .filter(Boolean);
          const flag = q.request.flag as { text?: Text } | undefined;
          return (
            <List.Item key={q.id} data-testid="my-eval-query" data-query-id={q.id}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <Typography.Text strong>
                    {q.projectCode} {q.projectTitle}
                  </Typography.Text>
                  <Tag>{t(`evalResult.kind.${q.kind}`)}</Tag>
                  <Tag color={q.state === 'open' ? 'processing' : 'default'} data-testid="my-eval-query-state">
                    {t(`evalResult.qstate.${q.state}`)}
                  </Tag>
                </Space>
                <Descriptions
                  size="small"
                  column={{ xs: 1, md: 2 }}
                  items={[
                    {
                      key: 'lot',
                      label: t('records.lot'),
                      children: t('evalQueries.lot', { number: q.lotNumber, title: q.lotTitle }),
                    },
                    { key: 'by', label: t('evalResult.respondBy'), children: formatTime(q.respondBy, lang) },
                    ...(correction
                      ? [
                          {
                            key: 'from',
                            label: t('evalQueries.original'),
                            children: `${formatFen(Number(q.request.originalFen))} 元`,
                          },
                          {
                            key: 'to',
                            label: t('evalQueries.corrected'),
                            children: (
                              <Typography.Text strong data-testid="my-eval-corrected">
                                {formatFen(Number(q.request.correctedFen))} 元
                              </Typography.Text>
                            ),
                          },
                          { key: 'why', label: t('evalQueries.steps'), children: steps.join('；') || '—' },
                        ]
                      : [
                          { key: 'q', label: t('evalResult.question'), children: questionOf(q.request) },
                          ...(flag?.text
                            ? [{ key: 'flag', label: t('evalQueries.flag'), children: flag.text[lang] }]
                            : []),
                        ]),
                    ...(q.answer ? [{ key: 'answer', label: t('evalResult.answer'), children: q.answer }] : []),
                    ...(q.decisionReason
                      ? [{ key: 'decision', label: t('evalResult.decisionReason'), children: q.decisionReason }]
                      : []),
                  ]}
                />
                {q.actions.includes('confirm') ? (
                  <Space wrap>
                    <Typography.Text type="secondary">{t('evalQueries.confirmHint')}</Typography.Text>
                    <Button
                      type="primary"
                      loading={busy === q.id}
                      onClick={() => void answer(q, { action: 'confirm' })}
                      data-testid="my-eval-confirm"
                    >
                      {t('evalQueries.confirm')}
                    </Button>
                    <Popconfirm
                      title={t('evalQueries.refuseConfirm')}
                      onConfirm={() => void answer(q, { action: 'refuse' })}
                    >
                      <Button danger disabled={busy === q.id} data-testid="my-eval-refuse">
                        {t('evalQueries.refuse')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ) : null}
                {q.actions.includes('explain') ? (
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    <Input.TextArea
                      rows={4}
                      maxLength={5000}
                      placeholder={t('evalQueries.explanation')}
                      value={texts[q.id] ?? ''}
                      onChange={(e) => setTexts({ ...texts, [q.id]: e.target.value })}
                      data-testid="my-eval-explanation"
                    />
                    <Button
                      type="primary"
                      disabled={(texts[q.id] ?? '').trim().length < 2}
                      loading={busy === q.id}
                      onClick={() => void answer(q, { action: 'explain', text: texts[q.id] ?? '' })}
                      data-testid="my-eval-explain"
                    >
                      {t('evalQueries.explain')}
                    </Button>
                  </Space>
                ) : null}
              </Space>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
