import { openEscrowShare, toHex, type KeyEscrow } from '@zhengcai/seal';
import { Alert, App, Button, Card, Input, Progress, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { paths } from '../../api/schema';
import { errorText } from '../../api/errors';
import { useI18n } from '../../app/i18n';
import { KeyChooser, NO_KEY, keyChosen, openChosenKey, type KeyChoice } from './key-chooser';

type ShareView =
  paths['/api/openings/{lotId}/bids/{submissionId}/recovery-share']['get']['responses'][200]['content']['application/json'];

/**
 * Emergency recovery for one sealed bid, for a key holder the project named (ADR 0015, 0016): fetches the holder's
 * own escrow share, opens it in this browser with the holder's key (`openEscrowShare`: the private key never leaves
 * the browser), and releases the opened share with a reason, on the record. Renders nothing for anyone else (the
 * server answers 404). For the hall page to place beside a sealed bid.
 */
export function RecoveryPanel({
  lotId,
  submissionId,
  onReleased,
}: {
  lotId: string;
  submissionId: string;
  onReleased?: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [view, setView] = useState<ShareView | null>(null);
  const [key, setKey] = useState<KeyChoice>(NO_KEY);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const fetchShare = useCallback(
    () =>
      api
        .GET('/api/openings/{lotId}/bids/{submissionId}/recovery-share', {
          params: { path: { lotId, submissionId } },
        })
        .then(({ data }) => data ?? null),
    [lotId, submissionId],
  );
  useEffect(() => {
    let live = true;
    void fetchShare().then((data) => {
      if (live) setView(data);
    });
    return () => {
      live = false;
    };
  }, [fetchShare]);

  if (!view) return null;

  const release = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const keys = await openChosenKey(key);
      const share = await openEscrowShare({
        escrow: view.escrow as KeyEscrow,
        holderId: view.holderId,
        privateKey: keys.encryption.privateKey,
        context: view.context,
      }).catch(() => null);
      if (!share) {
        setProblem(t('recovery.wrongKey'));
        return;
      }
      const { data, error } = await api.POST('/api/openings/{lotId}/bids/{submissionId}/recovery-shares', {
        params: { path: { lotId, submissionId } },
        body: { share: toHex(share), reason: reason.trim() },
      });
      share.fill(0);
      if (error) {
        setProblem(errorText(error, lang));
        return;
      }
      void message.success(
        data.state === 'waiting'
          ? t('recovery.released', { count: data.released, k: data.threshold })
          : t('recovery.recovered', { k: data.threshold }),
      );
      onReleased?.();
      setView(await fetchShare());
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const sealed = view.bidState === 'sealed';
  return (
    <Card size="small" title={t('recovery.title')} data-testid="recovery-panel">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('recovery.hint')}</Typography.Paragraph>
        <Progress
          percent={Math.round((100 * view.released) / view.threshold)}
          format={() => t('recovery.progress', { count: view.released, k: view.threshold })}
        />
        {sealed && !view.releasedByMe && (
          <>
            <KeyChooser value={key} onChange={setKey} disabled={busy} />
            <Input.TextArea
              placeholder={t('recovery.reason')}
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
              data-testid="recovery-reason"
            />
            <Button
              type="primary"
              danger
              loading={busy}
              disabled={!keyChosen(key) || reason.trim().length < 2}
              onClick={() => void release()}
              data-testid="recovery-release"
            >
              {t('recovery.release')}
            </Button>
          </>
        )}
        {problem && <Alert type="error" showIcon message={problem} />}
      </Space>
    </Card>
  );
}
