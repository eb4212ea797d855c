import { CheckCircleFilled, CloseCircleFilled, InboxOutlined } from '@ant-design/icons';
import { Alert, Card, List, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorText } from '../../api/errors';
import { useI18n } from '../../app/i18n';
import { MAX_CHECK_BYTES, checkFile, type CopyCheck } from './certificate-api';

type Outcome = { file: string; result: CopyCheck } | { file: string; error: string };

function CheckResult({ outcome }: { outcome: Outcome }) {
  const { t, lang } = useI18n();
  if ('error' in outcome)
    return <Alert type="error" showIcon message={outcome.error} data-testid="tcert-check-error" />;
  const { result } = outcome;
  const title = result.genuine
    ? result.status === 'revoked'
      ? t('tcert.consistentRevoked')
      : t('tcert.consistent')
    : t('tcert.inconsistent');
  return (
    <Alert
      type={result.genuine ? (result.status === 'revoked' ? 'warning' : 'success') : 'error'}
      showIcon
      data-testid="tcert-check-result"
      data-genuine={String(result.genuine)}
      message={<Typography.Text strong>{title}</Typography.Text>}
      description={
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('tcert.fileName')}：{outcome.file}
          </Typography.Paragraph>
          <List
            size="small"
            split={false}
            dataSource={result.reasons}
            renderItem={(r) => (
              <List.Item style={{ padding: '2px 0', alignItems: 'flex-start' }} data-testid={`tcert-reason-${r.code}`}>
                {r.ok ? (
                  <CheckCircleFilled style={{ color: '#389e0d', marginRight: 8, marginTop: 4 }} />
                ) : (
                  <CloseCircleFilled style={{ color: '#cf1322', marginRight: 8, marginTop: 4 }} />
                )}
                <span style={{ flex: 1, wordBreak: 'break-word' }}>{r.message[lang]}</span>
              </List.Item>
            )}
          />
        </>
      }
    />
  );
}

/**
 * 核对文件: the visitor drops the copy they hold; its bytes go to the server, which compares the SHA-256 with the
 * registered PDF and verifies the proof embedded in it. Nothing is stored.
 */
export function CheckCopyCard({ number }: { number: string }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const check = async (file: File) => {
    if (file.size > MAX_CHECK_BYTES) {
      setOutcome({ file: file.name, error: t('tcert.tooLarge', { limit: MAX_CHECK_BYTES / 1024 / 1024 }) });
      return;
    }
    setBusy(true);
    const answer = await checkFile(number, file);
    setBusy(false);
    setOutcome(
      answer.data
        ? { file: file.name, result: answer.data }
        : { file: file.name, error: errorText(answer.error, lang) },
    );
  };

  return (
    <Card title={t('tcert.check')}>
      <Typography.Paragraph type="secondary">{t('tcert.checkHint')}</Typography.Paragraph>
      <div data-testid="tcert-drop">
        <Upload.Dragger
          accept=".pdf,application/pdf"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            void check(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('tcert.checkDrop')}</p>
        </Upload.Dragger>
      </div>
      <div style={{ marginTop: 16 }}>
        {busy ? <Spin tip={t('tcert.checking')}>{<div style={{ height: 48 }} />}</Spin> : null}
        {!busy && outcome ? <CheckResult outcome={outcome} /> : null}
      </div>
    </Card>
  );
}
