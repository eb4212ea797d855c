import { INVALID_BID_REASONS, type InvalidBidReason } from '@zhengcai/domain';
import { isSealError, type SealedBidEnvelope } from '@zhengcai/seal';
import { Alert, Button, Card, Divider, Input, Popconfirm, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { errorText, type ApiError } from '../../api/errors';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages-zh';
import { KeyStoreError, keyStoreErrorText } from '../certificates/key-store';
import { hallApi, type Answer } from './hall-api';
import { signRecordHash, signStatement, unwrapForRelease } from './hall-crypto';
import { KeyChooser, NO_KEY, keyChosen, openChosenKey, type KeyChoice } from './key-chooser';
import type { HallBid, HallView } from './types';

type Phase = 'key' | 'envelope' | 'unwrap' | 'release';
const PHASES: Phase[] = ['key', 'envelope', 'unwrap', 'release'];

type Outcome = { kind: 'success' | 'error'; text: string } | null;

/** The envelope route may answer the envelope itself or `{ envelope }`. */
function envelopeOf(body: unknown): SealedBidEnvelope {
  if (typeof body === 'object' && body !== null && 'envelope' in body) {
    return (body as { envelope: SealedBidEnvelope }).envelope;
  }
  return body as SealedBidEnvelope;
}

/** The key opened the bid but the server found it invalid (hash or signature): the bid is now invalid. */
class InvalidBidError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

class RefusedError extends Error {
  constructor(readonly body: ApiError) {
    super(body.error.code);
  }
}

async function must<T>(answer: Promise<Answer<T>>): Promise<T> {
  const a = await answer;
  if (a.error) throw new RefusedError(a.error);
  return a.data;
}

/**
 * What the caller may do in the hall, and only that (the view's abilities come from the server): 签到, decrypting
 * one's own bid on this device, confirming or objecting, and for the host starting/ending decryption and signing the
 * record; the supervisor signs in and signs the record. Every failure is shown in the reader's language.
 */
export function HallActions(props: { view: HallView; onChanged: () => void; onReleasing: (ids: Set<string>) => void }) {
  const { view, onChanged } = props;
  const { t, lang } = useI18n();
  const [key, setKey] = useState<KeyChoice>(NO_KEY);
  const [busy, setBusy] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [objection, setObjection] = useState('');
  const lotId = view.lotId;
  const may = (action: HallView['actions'][number]) => view.actions.includes(action);

  const describe = (error: unknown): string => {
    if (error instanceof RefusedError) return errorText(error.body, lang);
    if (error instanceof InvalidBidError) {
      const known = (INVALID_BID_REASONS as readonly string[]).includes(error.reason);
      const reason = known ? t(`opening.invalid.${error.reason as InvalidBidReason}`) : error.reason;
      return t('opening.keyReleaseInvalid', { reason });
    }
    if (error instanceof KeyStoreError) return keyStoreErrorText(error, lang);
    if (isSealError(error)) return t('opening.wrongEncryptionKey');
    return String(error);
  };

  const run = async (name: string, done: MessageKey, work: () => Promise<void>) => {
    setBusy(name);
    setOutcome(null);
    try {
      await work();
      setOutcome({ kind: 'success', text: t(done) });
    } catch (error) {
      setOutcome({ kind: 'error', text: describe(error) });
    } finally {
      setBusy(null);
      setPhase(null);
      onChanged();
    }
  };

  const needsKey = may('sign_in') || may('sign_record') || view.bids.some((b) => b.actions.includes('release_key'));

  const signIn = () =>
    run('signIn', 'opening.signedIn', async () => {
      const keys = await openChosenKey(key);
      const { statement } = await must(hallApi.signInStatement(lotId));
      await must(hallApi.signIn(lotId, await signStatement(keys, statement)));
    });

  const decrypt = (bid: HallBid) =>
    run('decrypt', 'opening.decrypted', async () => {
      props.onReleasing(new Set([bid.submissionId]));
      try {
        setPhase('key');
        const keys = await openChosenKey(key);
        setPhase('envelope');
        const envelope = envelopeOf(await must(hallApi.envelope(lotId, bid.submissionId)));
        setPhase('unwrap');
        const contentKey = await unwrapForRelease(envelope, keys);
        setPhase('release');
        const result = await must(hallApi.releaseKey(lotId, bid.submissionId, contentKey));
        if (result.state === 'invalid') throw new InvalidBidError(result.reason);
      } finally {
        props.onReleasing(new Set());
      }
    });

  const signRecord = () =>
    run('signRecord', 'opening.signRecordDone', async () => {
      const keys = await openChosenKey(key);
      const { recordHash } = await must(hallApi.record(lotId));
      await must(hallApi.signRecord(lotId, await signRecordHash(keys, recordHash)));
    });

  const start = () => run('start', 'opening.done', () => must(hallApi.start(lotId)).then(() => undefined));
  const close = () => run('close', 'opening.done', () => must(hallApi.close(lotId)).then(() => undefined));
  const confirm = (bid: HallBid) =>
    run('confirm', 'opening.confirmDone', () =>
      must(hallApi.confirm(lotId, bid.submissionId, { decision: 'confirm' })).then(() => undefined),
    );
  const object = (bid: HallBid) =>
    run('object', 'opening.objectDone', async () => {
      await must(hallApi.confirm(lotId, bid.submissionId, { decision: 'object', text: objection.trim() }));
      setObjection('');
    });

  const releasable = view.bids.filter((b) => b.actions.includes('release_key'));
  const confirmable = view.bids.filter((b) => b.actions.includes('confirm'));
  const keyReady = keyChosen(key);
  const nothing = !needsKey && !may('start') && !may('close') && confirmable.length === 0 && outcome === null;
  if (nothing) return null;

  return (
    <Card title={t('opening.actions')} data-testid="hall-actions">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {needsKey ? <KeyChooser value={key} onChange={setKey} disabled={busy !== null} /> : null}
        {may('sign_in') ? (
          <div>
            <Typography.Paragraph type="secondary">{t('opening.signInHint')}</Typography.Paragraph>
            <Button
              type="primary"
              block
              disabled={!keyReady}
              loading={busy === 'signIn'}
              onClick={() => void signIn()}
              data-testid="hall-sign-in"
            >
              {t('opening.signIn')}
            </Button>
          </div>
        ) : null}
        {may('start') ? (
          <Popconfirm title={t('opening.startConfirm')} onConfirm={() => void start()}>
            <Button type="primary" block loading={busy === 'start'} data-testid="hall-start">
              {t('opening.start')}
            </Button>
          </Popconfirm>
        ) : null}
        {releasable.map((bid) => (
          <div key={bid.submissionId}>
            <Typography.Paragraph type="secondary">{t('opening.decryptHint')}</Typography.Paragraph>
            <Button
              type="primary"
              block
              disabled={!keyReady}
              loading={busy === 'decrypt'}
              onClick={() => void decrypt(bid)}
              data-testid="hall-decrypt"
            >
              {t('opening.decrypt')}
            </Button>
          </div>
        ))}
        {phase ? (
          <Steps
            size="small"
            orientation="vertical"
            current={PHASES.indexOf(phase)}
            items={PHASES.map((p) => ({ title: t(`opening.phase.${p}`) }))}
            data-testid="hall-decrypt-progress"
          />
        ) : null}
        {may('close') ? (
          <Popconfirm title={t('opening.closeConfirm')} onConfirm={() => void close()}>
            <Button block loading={busy === 'close'} data-testid="hall-close">
              {t('opening.close')}
            </Button>
          </Popconfirm>
        ) : null}
        {confirmable.map((bid) => (
          <div key={bid.submissionId}>
            <Divider style={{ margin: '4px 0 12px' }} />
            <Button
              type="primary"
              block
              loading={busy === 'confirm'}
              onClick={() => void confirm(bid)}
              data-testid="hall-confirm"
            >
              {t('opening.confirm')}
            </Button>
            <Input.TextArea
              style={{ marginTop: 12 }}
              rows={3}
              maxLength={2000}
              placeholder={t('opening.objectionText')}
              value={objection}
              onChange={(e) => setObjection(e.target.value)}
              data-testid="hall-objection-text"
            />
            <Button
              danger
              block
              style={{ marginTop: 8 }}
              disabled={objection.trim() === ''}
              loading={busy === 'object'}
              onClick={() => void object(bid)}
              data-testid="hall-object"
            >
              {t('opening.object')}
            </Button>
          </div>
        ))}
        {may('sign_record') ? (
          <div>
            <Typography.Paragraph type="secondary">{t('opening.signRecordHint')}</Typography.Paragraph>
            <Button
              type="primary"
              block
              disabled={!keyReady}
              loading={busy === 'signRecord'}
              onClick={() => void signRecord()}
              data-testid="hall-sign-record"
            >
              {t('opening.signRecord')}
            </Button>
          </div>
        ) : null}
        {outcome ? (
          <Alert
            type={outcome.kind}
            showIcon
            title={outcome.text}
            closable
            onClose={() => setOutcome(null)}
            data-testid="hall-action-result"
          />
        ) : null}
      </Space>
    </Card>
  );
}
