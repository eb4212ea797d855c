import { Alert, App, Button, InputNumber, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';
import { DrawRequestForm } from './draw-request-form';
import { DrawSummary } from './draw-summary';
import { SeatTable } from './seat-table';
import type { Committee } from './types';

const STATUS_COLOR = { confirming: 'gold', complete: 'green', vacant: 'red' } as const;

/**
 * One lot's draw: the request form (host, before any draw), the committed draws with their commitments, the 抽取
 * button, the seats with their statuses, and the supplementary draw when a seat is empty and no reserve is left.
 * Oversight gets the same panel with names and without the host's buttons.
 */
export function LotDrawPanel({ lotId, showDraws = true }: { lotId: string; showDraws?: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [fresh, setFresh] = useState<Committee | null>(null);
  const [busy, setBusy] = useState(false);
  const [reserves, setReserves] = useState<number | null>(2);
  const load = useCallback(async () => {
    const { data } = await api.GET('/api/expert-draws/lots/{lotId}', { params: { path: { lotId } } });
    return data ?? null;
  }, [lotId]);
  const { data: loaded, loading } = useLoader(load);
  const committee = fresh?.lot.id === lotId ? fresh : loaded;

  if (committee === undefined || (loading && !committee)) return <Spin />;
  if (committee === null) return null;
  const { abilities, progress } = committee;

  const run = async (drawId: string) => {
    setBusy(true);
    const { data, error } = await api.POST('/api/expert-draws/{id}/draw', { params: { path: { id: drawId } } });
    setBusy(false);
    if (error) return void message.error(errorText(error, lang), 8);
    void message.success(t('draw.ran'));
    setFresh(data);
  };
  const supplement = async () => {
    const first = committee.draws.find((d) => d.supplementOf === null);
    if (!first) return;
    setBusy(true);
    const { data, error } = await api.POST('/api/expert-draws/{id}/supplementary', {
      params: { path: { id: first.id } },
      body: { reserves: reserves ?? 0 },
    });
    setBusy(false);
    if (error) return void message.error(errorText(error, lang), 8);
    void message.success(t('draw.supplementaryRequested'));
    setFresh(data);
  };

  return (
    <Space
      orientation="vertical"
      size="middle"
      style={{ width: '100%' }}
      data-testid={`lot-draw-${committee.lot.number}`}
    >
      {committee.blockedReason && (
        <Alert type="warning" showIcon title={t('draw.blocked')} description={committee.blockedReason[lang]} />
      )}
      {abilities.request && <DrawRequestForm committee={committee} onDone={setFresh} />}
      {showDraws && committee.draws.map((d) => <DrawSummary key={d.id} draw={d} />)}
      {abilities.drawId && (
        <Popconfirm title={t('draw.runConfirm')} onConfirm={() => void run(abilities.drawId ?? '')}>
          <Button type="primary" size="large" loading={busy} data-testid="draw-run">
            {t('draw.run')}
          </Button>
        </Popconfirm>
      )}
      {progress && (
        <Space wrap>
          <Tag color={STATUS_COLOR[progress.status]} data-testid="committee-status">
            {t(`draw.status.${progress.status}`)}
          </Tag>
          <Typography.Text data-testid="committee-progress">
            {t('draw.progress', {
              confirmed: progress.confirmed,
              seats: progress.seats,
              reserves: progress.reservesLeft,
            })}
          </Typography.Text>
        </Space>
      )}
      {committee.draws.some((d) => d.state === 'drawn') && (
        <>
          {committee.viewAs === 'host' && !committee.namesPublic && (
            <Typography.Text type="secondary">{t('draw.anonymous')}</Typography.Text>
          )}
          <SeatTable seats={committee.seats} named={committee.seats.some((s) => s.expert !== null)} />
        </>
      )}
      {progress?.status === 'vacant' && (
        <Alert
          type="error"
          showIcon
          title={t('draw.vacantTitle')}
          description={t('draw.vacantText', { seats: progress.vacantSeats.join('、') })}
          action={
            abilities.supplementary && (
              <Space orientation="vertical">
                <Space>
                  {t('draw.reserves')}
                  <InputNumber min={0} max={20} value={reserves} onChange={setReserves} style={{ width: 72 }} />
                </Space>
                <Button danger onClick={() => void supplement()} loading={busy} data-testid="draw-supplementary">
                  {t('draw.supplementary')}
                </Button>
              </Space>
            )
          }
        />
      )}
    </Space>
  );
}
