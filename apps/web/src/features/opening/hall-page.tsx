import { FilePdfOutlined } from '@ant-design/icons';
import { openingOutcome } from '@zhengcai/domain';
import {
  Alert,
  Badge,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  List,
  Result,
  Row,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { errorText, localiseText } from '../../api/errors';
import { useI18n } from '../../app/i18n';
import { HallActions } from './hall-actions';
import { hallApi } from './hall-api';
import { formatCountdown, windowRemainingMs } from './hall-format';
import { HallProgress, ObjectionsCard, ReadOutTable } from './hall-sections';
import { HallSidePanels } from './hall-side-panels';
import type { HallState, HallView } from './types';
import './hall.css';
import { useHall, useServerNow, type Hall } from './use-hall';

const STATE_COLOURS: Record<HallState, string> = {
  open: 'blue',
  decrypting: 'orange',
  read_out: 'purple',
  signed: 'cyan',
  published: 'green',
};

function time(iso: string | null, lang: 'zh' | 'en'): string {
  return iso ? new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { hour12: false }) : '—';
}

function HallHeader(props: { view: HallView; clock: Hall['clock']; connected: boolean }) {
  const { view } = props;
  const { t, lang } = useI18n();
  const serverNow = useServerNow(props.clock);
  const remaining = windowRemainingMs(view.decryptionEndsAt, serverNow);
  const countdown =
    view.decryptionStartedAt === null
      ? t('opening.windowNotStarted')
      : view.state !== 'decrypting' || remaining === 0
        ? t('opening.windowEnded')
        : formatCountdown(remaining ?? 0);
  return (
    <Card
      title={
        <Space wrap size={8}>
          <span>{t('opening.title')}</span>
          <Tag color={STATE_COLOURS[view.state]} data-testid="hall-state">
            {t(`opening.state.${view.state}`)}
          </Tag>
        </Space>
      }
      extra={
        <Badge
          data-testid="hall-live"
          status={props.connected ? 'success' : 'warning'}
          text={props.connected ? t('opening.live') : t('opening.reconnecting')}
        />
      }
    >
      <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="hall-title">
        {view.project.title}
      </Typography.Title>
      <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
        <Descriptions.Item label={t('opening.project')}>{view.project.code}</Descriptions.Item>
        <Descriptions.Item label={t('opening.lot')}>{`${view.lot.number}：${view.lot.title}`}</Descriptions.Item>
        <Descriptions.Item label={t('opening.myRole')}>
          <span data-testid="hall-role">{t(`opening.role.${view.myRole}`)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('opening.openedAt')}>{time(view.openedAt, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('opening.window')}>
          {t('opening.windowMinutes', { minutes: view.decryptionWindowMinutes })}
        </Descriptions.Item>
        <Descriptions.Item label={t('opening.serverTime')}>
          {new Date(serverNow).toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en', { hour12: false })}
        </Descriptions.Item>
      </Descriptions>
      <div className="zc-hall-countdown" data-testid="hall-countdown">
        <Typography.Text type="secondary">{t('opening.remaining')}</Typography.Text>
        <div className="zc-hall-countdown-value">{countdown}</div>
      </div>
    </Card>
  );
}

/** 流标 with its reason in the reader's language (the domain's rule text, from the count of valid bids). */
function failureText(view: HallView, lang: 'zh' | 'en'): string {
  const result = openingOutcome(view.bids.filter((b) => b.state === 'decrypted').length);
  return result.outcome === 'failed' ? result.message[lang] : (view.failureReason ?? '');
}

function OutcomeCard({ view }: { view: HallView }) {
  const { t, lang } = useI18n();
  if (!view.outcome && view.signatures.length === 0 && !view.recordHash) return null;
  return (
    <Card title={t('opening.record')} data-testid="hall-record">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {view.outcome ? (
          view.outcome === 'failed' ? (
            <Alert
              type="error"
              showIcon
              data-testid="hall-outcome"
              title={t('opening.outcome.failed')}
              description={failureText(view, lang)}
            />
          ) : (
            <Alert type="success" showIcon data-testid="hall-outcome" title={t('opening.outcome.valid')} />
          )
        ) : null}
        {view.recordHash ? (
          <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
            {t('opening.recordHash')}：<Typography.Text code>{view.recordHash}</Typography.Text>
          </Typography.Text>
        ) : null}
        {view.failureNoticeDraft ? (
          <Alert
            type="warning"
            data-testid="hall-failure-notice"
            title={`${t('opening.failureNotice')}：${view.failureNoticeDraft.title[lang]}`}
            description={<span style={{ whiteSpace: 'pre-wrap' }}>{view.failureNoticeDraft.body[lang]}</span>}
          />
        ) : null}
        <Typography.Text strong>{t('opening.signatures')}</Typography.Text>
        <List
          size="small"
          dataSource={view.signatures}
          locale={{ emptyText: t('opening.noSignatures') }}
          data-testid="hall-signatures"
          renderItem={(s) => (
            <List.Item>
              <Space wrap>
                <Tag>{t(`opening.role.${s.role}`)}</Tag>
                {s.displayName}
                <Typography.Text type="secondary">{time(s.signedAt, lang)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
        {view.state === 'published' ? (
          <Button
            type="primary"
            icon={<FilePdfOutlined />}
            href={view.recordPdfUrl ?? hallApi.recordPdfUrl(view.lotId)}
            download
            data-testid="hall-record-pdf"
          >
            {t('opening.recordPdf')}
          </Button>
        ) : null}
      </Space>
    </Card>
  );
}

/**
 * The opening hall of one lot (不见面开标, ADR 0016): public and read-only without login; the host, bidders and
 * supervisors see their actions. Everything on it follows the server live (use-hall.ts).
 */
export default function HallPage() {
  const { lotId = '' } = useParams();
  const { t, lang } = useI18n();
  const hall = useHall(lotId);
  const [releasing, setReleasing] = useState<Set<string>>(new Set());

  if (hall.loading && !hall.view) return <Spin style={{ display: 'block', margin: 80 }} />;
  if (!hall.view) {
    return (
      <Result
        status="404"
        title={t('opening.notOpen')}
        subTitle={hall.error ? errorText(hall.error, lang) : null}
        data-testid="hall-not-open"
      />
    );
  }
  const view = hall.view;
  return (
    <div className="zc-hall" data-testid="hall">
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <HallHeader view={view} clock={hall.clock} connected={hall.connected} />
        </Col>
        <Col xs={24} lg={16}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <ReadOutTable view={view} />
            <ObjectionsCard view={view} onChanged={hall.reload} />
            <OutcomeCard view={view} />
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {view.myRole === 'public' ? (
              <Alert type="info" showIcon title={t('opening.publicHint')} data-testid="hall-public" />
            ) : (
              <HallActions view={view} onChanged={hall.reload} onReleasing={setReleasing} />
            )}
            <HallProgress view={view} releasing={releasing} />
            <HallSidePanels view={view} onChanged={hall.reload} />
            <Card title={t('opening.events')} size="small" data-testid="hall-events">
              {hall.events.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('opening.noEvents')} />
              ) : (
                <List
                  size="small"
                  dataSource={hall.events}
                  renderItem={(e) => (
                    <List.Item>
                      <Space orientation="vertical" size={0}>
                        <Typography.Text>{localiseText(e.summary[lang], lang)}</Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          #{e.seq} · {time(e.occurredAt, lang)}
                        </Typography.Text>
                      </Space>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Space>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, textAlign: 'center' }}>
        {t('opening.phoneHint')}
      </Typography.Paragraph>
    </div>
  );
}
