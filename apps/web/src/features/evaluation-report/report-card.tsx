import { evaluationReportStatement } from '@zhengcai/domain';
import { App, Button, Card, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { useI18n } from '../../app/i18n';
import { formatTime } from '../documents/format';
import { signStatement } from '../opening/hall-crypto';
import { KeyChooser, NO_KEY, keyChosen, openChosenKey, type KeyChoice } from '../opening/key-chooser';
import type { MemberSignature, ResultsView } from './types';

/**
 * 评审报告: the leader fixes it; every member signs its hash with their certificate in the browser, as the opening
 * record is signed, with an optional written dissent (第六十三条); who has signed.
 */
export function ReportCard(props: { view: ResultsView; onChange: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { view } = props;
  const lotId = view.lotId;
  const [key, setKey] = useState<KeyChoice>(NO_KEY);
  const [dissent, setDissent] = useState('');
  const [busy, setBusy] = useState<'fix' | 'sign' | null>(null);
  const may = (a: ResultsView['actions'][number]) => view.actions.includes(a);

  const fix = async () => {
    setBusy('fix');
    const { error } = await api.POST('/api/lots/{lotId}/evaluation/report/fix', { params: { path: { lotId } } });
    setBusy(null);
    if (error) void message.error(errorText(error, lang), 8);
    else void message.success(t('evalResult.fixed'));
    props.onChange();
  };

  const sign = async () => {
    setBusy('sign');
    try {
      const keys = await openChosenKey(key);
      const report = await api.GET('/api/lots/{lotId}/evaluation/report', { params: { path: { lotId } } });
      if (report.error) throw new Error(errorText(report.error, lang));
      const text = dissent.trim();
      const statement = evaluationReportStatement(lotId, report.data.reportHash, text === '' ? null : text);
      const signature = await signStatement(keys, statement);
      const { data, error } = await api.POST('/api/lots/{lotId}/evaluation/report/sign', {
        params: { path: { lotId } },
        body: { signature, ...(statement.dissent ? { dissent: statement.dissent } : {}) },
      });
      if (error) throw new Error(errorText(error, lang));
      void message.success(data.reported ? t('evalResult.reported') : t('evalResult.signed'));
      setDissent('');
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e), 8);
    } finally {
      setBusy(null);
      props.onChange();
    }
  };

  const fixed = view.reportHash !== null;
  if (!fixed && !may('fix_report')) return null;
  return (
    <Card title={t('evalResult.report')} size="small" data-testid="eval-report">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {may('fix_report') ? (
          <Space orientation="vertical">
            <Typography.Text type="secondary">{t('evalResult.fixHint')}</Typography.Text>
            <Popconfirm title={t('evalResult.fixHint')} onConfirm={() => void fix()}>
              <Button type="primary" loading={busy === 'fix'} data-testid="eval-fix-report">
                {t('evalResult.fixReport')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null}
        {fixed ? (
          <>
            <Typography.Text>
              {t('evalResult.reportHash')}：
              <Typography.Text code copyable data-testid="eval-report-hash">
                {view.reportHash}
              </Typography.Text>
            </Typography.Text>
            <a href={`/api/lots/${lotId}/evaluation/report.pdf`} data-testid="eval-report-pdf">
              {t('evalResult.pdf')}
            </a>
            <Table<MemberSignature>
              size="small"
              rowKey="userId"
              pagination={false}
              dataSource={view.members}
              data-testid="eval-signatures"
              columns={[
                { key: 'seat', title: t('evalResult.seat'), width: 70, render: (_, m) => m.seat },
                {
                  key: 'name',
                  title: t('evalResult.name'),
                  render: (_, m) => (
                    <>
                      {m.name} {m.leader ? <Tag color="blue">{t('evalResult.role.leader')}</Tag> : null}
                    </>
                  ),
                },
                {
                  key: 'signed',
                  title: t('evalResult.signedAt'),
                  render: (_, m) =>
                    m.signedAt ? (
                      <Tag color="success" data-testid="eval-signed">
                        {formatTime(m.signedAt, lang)}
                      </Tag>
                    ) : (
                      <Tag data-testid="eval-unsigned">{t('evalResult.notSigned')}</Tag>
                    ),
                },
                { key: 'dissent', title: t('evalResult.dissent'), render: (_, m) => m.dissent ?? '—' },
              ]}
            />
          </>
        ) : null}
        {may('sign') ? (
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="eval-sign-form">
            <KeyChooser value={key} onChange={setKey} disabled={busy !== null} />
            <Input.TextArea
              rows={3}
              maxLength={5000}
              placeholder={t('evalResult.dissentLabel')}
              value={dissent}
              onChange={(e) => setDissent(e.target.value)}
              data-testid="eval-dissent"
            />
            <Button
              type="primary"
              block
              disabled={!keyChosen(key)}
              loading={busy === 'sign'}
              onClick={() => void sign()}
              data-testid="eval-sign"
            >
              {t('evalResult.sign')}
            </Button>
          </Space>
        ) : null}
      </Space>
    </Card>
  );
}
