import { App, Button, Card, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';
import { deadlineText } from '../award/format';
import { formatTime } from '../documents/format';

/** 质疑 of a lot: the bidder's form (when `mayFile`), the list the caller may see, the host's answer form. */
export function ChallengesPanel({
  lotId,
  mayFile,
  onChange,
}: {
  lotId: string;
  mayFile: boolean;
  onChange: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { data, loading, reload } = useLoader(
    async () => (await api.GET('/api/lots/{lotId}/challenges', { params: { path: { lotId } } })).data?.items ?? [],
  );
  const [grounds, setGrounds] = useState('');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const file = async () => {
    setBusy(true);
    const { error } = await api.POST('/api/lots/{lotId}/challenges', {
      params: { path: { lotId } },
      body: { grounds },
    });
    setBusy(false);
    if (error) return void message.error(errorText(error, lang), 8);
    void message.success(t('challenges.filed'));
    setGrounds('');
    reload();
    onChange();
  };
  const answer = async (id: string) => {
    setBusy(true);
    const { error } = await api.POST('/api/challenges/{id}/answer', {
      params: { path: { id } },
      body: { answer: answers[id] ?? '' },
    });
    setBusy(false);
    if (error) return void message.error(errorText(error, lang), 8);
    reload();
    onChange();
  };

  return (
    <Card title={t('challenges.title')} data-testid="challenges">
      {mayFile && (
        <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
          <Typography.Text type="secondary">{t('challenges.groundsHint')}</Typography.Text>
          <Input.TextArea
            rows={4}
            value={grounds}
            onChange={(e) => setGrounds(e.target.value)}
            placeholder={t('challenges.grounds')}
            data-testid="challenge-grounds"
          />
          <Button type="primary" loading={busy} onClick={() => void file()} data-testid="challenge-file">
            {t('challenges.file')}
          </Button>
        </Space>
      )}
      <List
        loading={loading}
        dataSource={data ?? []}
        locale={{ emptyText: <Empty description={t('challenges.empty')} /> }}
        renderItem={(c) => (
          <List.Item key={c.id} data-testid="challenge">
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{c.organisationName}</Typography.Text>
                <Tag
                  color={c.state === 'answered' ? 'green' : c.overdue ? 'red' : 'orange'}
                  data-testid="challenge-state"
                >
                  {c.state === 'answered'
                    ? t('challenges.answered')
                    : c.overdue
                      ? t('challenges.overdue')
                      : t('challenges.pending')}
                </Tag>
                <Typography.Text type="secondary">
                  {formatTime(c.filedAt, lang)} · {t('challenges.answerBy')} {deadlineText(c.answerBy, lang)}
                </Typography.Text>
              </Space>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.grounds}</Typography.Paragraph>
              {c.answer && (
                <Typography.Paragraph type="success" style={{ whiteSpace: 'pre-wrap' }} data-testid="challenge-answer">
                  {t('challenges.answer')}：{c.answer}
                </Typography.Paragraph>
              )}
              {c.abilities.answer && (
                <Space.Compact style={{ width: '100%' }}>
                  <Input.TextArea
                    rows={3}
                    value={answers[c.id] ?? ''}
                    onChange={(e) => setAnswers({ ...answers, [c.id]: e.target.value })}
                    placeholder={t('challenges.answerText')}
                    data-testid="challenge-answer-text"
                  />
                  <Button loading={busy} onClick={() => void answer(c.id)} data-testid="challenge-answer-submit">
                    {t('challenges.submitAnswer')}
                  </Button>
                </Space.Compact>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
