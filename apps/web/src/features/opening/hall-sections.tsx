import { formatFen, toChineseCapital } from '@zhengcai/domain';
import { Alert, Button, Card, Empty, Grid, Input, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../api/errors';
import { useI18n } from '../../app/i18n';
import { hallApi } from './hall-api';
import { bidProgress, readOutRows, type BidProgress } from './hall-format';
import type { HallBid, HallView } from './types';

const PROGRESS_COLOURS: Record<BidProgress, string> = {
  sealed: 'default',
  decrypting: 'processing',
  decrypted: 'green',
  invalid: 'red',
};

function time(iso: string | null, lang: 'zh' | 'en'): string {
  return iso ? new Date(iso).toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en', { hour12: false }) : '—';
}

function ConfirmationTag({ bid }: { bid: HallBid }) {
  const { t } = useI18n();
  if (bid.confirmation === 'confirmed') return <Tag color="green">{t('opening.confirmed')}</Tag>;
  if (bid.confirmation === 'objected') return <Tag color="volcano">{t('opening.objected')}</Tag>;
  return <Tag>{t('opening.pending')}</Tag>;
}

/** The price in words from the figures (packages/domain), so what is shown always matches the figures. */
function capital(bid: HallBid): string {
  return bid.readOut ? toChineseCapital(bid.readOut.priceFen) : '';
}

function Fields({ bid }: { bid: HallBid }) {
  const fields = Object.entries(bid.readOut?.fields ?? {});
  if (fields.length === 0) return <>—</>;
  return (
    <Space orientation="vertical" size={0}>
      {fields.map(([key, value]) => (
        <Typography.Text key={key}>
          {key}：{value}
        </Typography.Text>
      ))}
    </Space>
  );
}

/** 唱标: each decrypted bid, in the order it was read, live; cards on a phone, a table on a wider screen. */
export function ReadOutTable({ view }: { view: HallView }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const rows = readOutRows(view.bids);
  const readingOut = view.state !== 'open' && view.state !== 'decrypting';
  const title = (
    <Space>
      {t('opening.readOut')}
      <Tag>{`${rows.length} / ${view.bids.length}`}</Tag>
    </Space>
  );
  if (rows.length === 0) {
    return (
      <Card title={title} data-testid="hall-read-out">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('opening.readOutEmpty')} />
      </Card>
    );
  }
  if (!screens.md) {
    return (
      <Card title={title} data-testid="hall-read-out">
        <List
          dataSource={rows}
          renderItem={(bid, i) => (
            <List.Item data-testid="read-out-row" key={bid.submissionId}>
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Typography.Text strong>{`${bid.readOutSeq ?? i + 1}. ${bid.bidderName}`}</Typography.Text>
                <Typography.Text className="zc-hall-price">¥{formatFen(bid.readOut?.priceFen ?? 0)}</Typography.Text>
                <Typography.Text type="secondary">
                  {t('opening.capital')}：{capital(bid)}
                </Typography.Text>
                <Typography.Text>
                  {t('opening.delivery')}：{bid.readOut?.deliveryPeriod}
                </Typography.Text>
                <Fields bid={bid} />
                {readingOut ? <ConfirmationTag bid={bid} /> : null}
              </Space>
            </List.Item>
          )}
        />
      </Card>
    );
  }
  return (
    <Card title={title} data-testid="hall-read-out">
      <Table<HallBid>
        rowKey="submissionId"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: true }}
        onRow={() => ({ 'data-testid': 'read-out-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('opening.order'), width: 56, render: (_, b, i) => b.readOutSeq ?? i + 1 },
          { title: t('opening.bidder'), dataIndex: 'bidderName' },
          {
            title: t('opening.price'),
            align: 'right',
            render: (_, b) => <span className="zc-hall-price">{formatFen(b.readOut?.priceFen ?? 0)}</span>,
          },
          { title: t('opening.capital'), render: (_, b) => capital(b) },
          { title: t('opening.delivery'), render: (_, b) => b.readOut?.deliveryPeriod },
          { title: t('opening.otherFields'), render: (_, b) => <Fields bid={b} /> },
          ...(readingOut
            ? [{ title: t('opening.confirmation'), render: (_: unknown, b: HallBid) => <ConfirmationTag bid={b} /> }]
            : []),
        ]}
      />
    </Card>
  );
}

/** Who signed in, and where each bid stands (sealed, decrypting, decrypted, invalid with the reason). */
export function HallProgress({ view, releasing }: { view: HallView; releasing: ReadonlySet<string> }) {
  const { t, lang } = useI18n();
  return (
    <>
      <Card title={t('opening.progress')} size="small" data-testid="hall-progress">
        <List
          size="small"
          dataSource={view.bids}
          renderItem={(bid) => {
            const progress = bidProgress(bid, releasing);
            return (
              <List.Item data-testid="progress-row">
                <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                  <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                    <Typography.Text strong={bid.mine}>{bid.bidderName}</Typography.Text>
                    <Tag color={PROGRESS_COLOURS[progress]}>{t(`opening.bidState.${progress}`)}</Tag>
                  </Space>
                  {bid.openedVia === 'recovery' ? <Tag color="gold">{t('opening.viaRecovery')}</Tag> : null}
                  {bid.invalidReason ? (
                    <Typography.Text type="danger" data-testid="invalid-reason">
                      {t(`opening.invalid.${bid.invalidReason}`)}
                    </Typography.Text>
                  ) : null}
                </Space>
              </List.Item>
            );
          }}
        />
      </Card>
      <Card title={t('opening.attendance')} size="small" data-testid="hall-attendance">
        <List
          size="small"
          dataSource={view.attendance}
          locale={{ emptyText: t('opening.noAttendance') }}
          renderItem={(a) => (
            <List.Item>
              <Space orientation="vertical" size={0}>
                <Space wrap size={4}>
                  <Tag>{t(`opening.role.${a.role}`)}</Tag>
                  <Typography.Text>{a.organisationName}</Typography.Text>
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {a.displayName} · {t('opening.signedInAt')} {time(a.signedInAt, lang)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}

function AnswerForm({ view, bid, onChanged }: { view: HallView; bid: HallBid; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    setBusy(true);
    setError(null);
    const answer = await hallApi.answer(view.lotId, bid.submissionId, text.trim());
    setBusy(false);
    if (answer.error) return setError(errorText(answer.error, lang));
    setText('');
    onChanged();
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Input.TextArea
        rows={2}
        maxLength={2000}
        placeholder={t('opening.answerText')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="hall-answer-text"
      />
      <Button
        type="primary"
        disabled={text.trim() === ''}
        loading={busy}
        onClick={() => void send()}
        data-testid="hall-answer"
      >
        {t('opening.answerObjection')}
      </Button>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Space>
  );
}

/** 异议: every objection on the record with the host's answer (and, for the host, the answer form). */
export function ObjectionsCard({ view, onChanged }: { view: HallView; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const objected = view.bids.filter((b) => b.confirmation === 'objected');
  if (objected.length === 0) return null;
  return (
    <Card title={t('opening.objection')} data-testid="hall-objections">
      <List
        dataSource={objected}
        renderItem={(bid) => (
          <List.Item data-testid="objection-row">
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text strong>{bid.bidderName}</Typography.Text>
              <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
                {bid.objection}
              </Typography.Paragraph>
              {bid.answer ? (
                <Alert
                  type="info"
                  title={`${t('opening.answer')}（${time(bid.answeredAt, lang)}）`}
                  description={<span style={{ whiteSpace: 'pre-wrap' }}>{bid.answer}</span>}
                  data-testid="objection-answer"
                />
              ) : bid.actions.includes('answer') ? (
                <AnswerForm view={view} bid={bid} onChanged={onChanged} />
              ) : (
                <Typography.Text type="secondary">{t('opening.noAnswer')}</Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
