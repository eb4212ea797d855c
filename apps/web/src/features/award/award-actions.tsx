import { App, Button, Card, Input, InputNumber, Popconfirm, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { useI18n } from '../../app/i18n';
import type { AwardView } from './types';

/** The acts the caller's abilities allow: confirm (with a tie: pick and reason), extend, publish, suspend, resume. */
export function AwardActions({ award, onDone }: { award: AwardView; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [choice, setChoice] = useState<string>();
  const [tieReason, setTieReason] = useState('');
  const [days, setDays] = useState(2);
  const [reason, setReason] = useState('');
  const path = { params: { path: { lotId: award.lotId } } };
  const first = award.ranking.filter((b) => b.rank === Math.min(...award.ranking.map((r) => r.rank)));
  const tied = first.length > 1;

  const run = async (act: () => Promise<{ error?: Parameters<typeof errorText>[0] }>, done: string) => {
    setBusy(true);
    const { error } = await act();
    setBusy(false);
    if (error) return void message.error(errorText(error, lang), 8);
    void message.success(done);
    setReason('');
    onDone();
  };
  const a = award.abilities;
  if (!a.confirm && !a.extend && !a.publish && !a.suspend && !a.resume) return null;

  return (
    <Card>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {a.confirm && (
          <>
            <Typography.Text type="secondary">{t('award.confirmHint')}</Typography.Text>
            {tied && (
              <>
                <Typography.Text type="warning">{t('award.tieHint')}</Typography.Text>
                <Radio.Group
                  value={choice}
                  onChange={(e) => setChoice(String(e.target.value))}
                  data-testid="award-tie-choice"
                >
                  {first.map((b) => (
                    <Radio key={b.submissionId} value={b.submissionId}>
                      {b.name}
                    </Radio>
                  ))}
                </Radio.Group>
                <Input
                  value={tieReason}
                  onChange={(e) => setTieReason(e.target.value)}
                  placeholder={t('award.tieReason')}
                  data-testid="award-tie-reason"
                />
              </>
            )}
            <Popconfirm
              title={t('award.confirm')}
              onConfirm={() =>
                void run(
                  () =>
                    api.POST('/api/lots/{lotId}/award/confirm', {
                      ...path,
                      body: tied ? { ...(choice ? { submissionId: choice } : {}), tieBreakReason: tieReason } : {},
                    }),
                  t('award.confirmed'),
                )
              }
            >
              <Button type="primary" loading={busy} data-testid="award-confirm">
                {t('award.confirm')}
              </Button>
            </Popconfirm>
          </>
        )}
        {a.extend && (
          <Space wrap>
            <InputNumber
              min={1}
              max={10}
              value={days}
              onChange={(v) => setDays(v ?? 1)}
              data-testid="award-extend-days"
            />
            <Input
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t('award.extendReason')}
              style={{ width: 320 }}
              data-testid="award-extend-reason"
            />
            <Button
              loading={busy}
              onClick={() =>
                void run(
                  () => api.POST('/api/lots/{lotId}/award/extend', { ...path, body: { workingDays: days, reason } }),
                  t('award.extended'),
                )
              }
              data-testid="award-extend"
            >
              {t('award.extend')}
            </Button>
          </Space>
        )}
        {a.publish && (
          <Popconfirm
            title={t('award.publishConfirm')}
            onConfirm={() => void run(() => api.POST('/api/lots/{lotId}/award/publish', path), t('award.published'))}
          >
            <Button type="primary" loading={busy} data-testid="award-publish">
              {t('award.publish')}
            </Button>
          </Popconfirm>
        )}
        {(a.suspend || a.resume) && (
          <Space wrap>
            <Input
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t('award.suspendReason')}
              style={{ width: 320 }}
              data-testid="award-suspend-reason"
            />
            {a.suspend && (
              <Button
                danger
                loading={busy}
                onClick={() =>
                  void run(
                    () => api.POST('/api/lots/{lotId}/award/suspend', { ...path, body: { reason } }),
                    t('award.suspend'),
                  )
                }
                data-testid="award-suspend"
              >
                {t('award.suspend')}
              </Button>
            )}
            {a.resume && (
              <Button
                loading={busy}
                onClick={() =>
                  void run(
                    () =>
                      api.POST('/api/lots/{lotId}/award/resume', {
                        ...path,
                        body: reason.trim() ? { reason } : {},
                      }),
                    t('award.resume'),
                  )
                }
                data-testid="award-resume"
              >
                {t('award.resume')}
              </Button>
            )}
          </Space>
        )}
      </Space>
    </Card>
  );
}
