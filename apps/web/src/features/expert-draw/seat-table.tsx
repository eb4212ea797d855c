import { Space, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages-zh';
import { formatTime } from '../documents/format';
import type { SeatItem, SeatStatus } from './types';

const STATUS_COLOR: Record<SeatStatus, string> = {
  standby: 'default',
  invited: 'gold',
  confirmed: 'green',
  declined: 'red',
  timed_out: 'volcano',
};

export function SeatStatusTag({ status }: { status: SeatStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid={`seat-status-${status}`}>
      {t(`draw.seat.${status}` as MessageKey)}
    </Tag>
  );
}

/**
 * The committee's seats: for the host 专家1…专家N with their status only; for oversight also who sits there, their
 * employer and region, the reason of a decline, and the reserves on standby.
 */
export function SeatTable({ seats, named }: { seats: SeatItem[]; named: boolean }) {
  const { t, lang } = useI18n();
  return (
    <Table<SeatItem>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={seats}
      scroll={{ x: 'max-content' }}
      data-testid="seat-table"
      locale={{ emptyText: t('draw.noSeats') }}
      columns={[
        {
          title: t('draw.seat'),
          key: 'seat',
          render: (_, s) =>
            s.seat !== null ? t('draw.seatLabel', { seat: s.seat }) : t('draw.reserveLabel', { position: s.position }),
        },
        ...(named
          ? [
              {
                title: t('draw.expert'),
                key: 'expert',
                render: (_: unknown, s: SeatItem) =>
                  s.expert && (
                    <Space orientation="vertical" size={0}>
                      <Typography.Text data-testid="seat-expert">{s.expert.name}</Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {[s.expert.employerName, s.expert.region].filter(Boolean).join(' · ')}
                      </Typography.Text>
                    </Space>
                  ),
              },
            ]
          : []),
        {
          title: t('draw.status'),
          key: 'status',
          render: (_, s) => (
            <Space size={4} wrap>
              <SeatStatusTag status={s.status} />
              {s.steppedIn && <Tag color="blue">{t('draw.steppedIn')}</Tag>}
            </Space>
          ),
        },
        {
          title: t('draw.respondBy'),
          key: 'respondBy',
          render: (_, s) => (s.status === 'invited' ? formatTime(s.respondBy, lang) : '—'),
        },
        {
          title: t('draw.respondedAt'),
          key: 'respondedAt',
          render: (_, s) => formatTime(s.respondedAt, lang),
        },
        ...(named
          ? [{ title: t('draw.reason'), key: 'reason', render: (_: unknown, s: SeatItem) => s.declineReason ?? '' }]
          : []),
      ]}
    />
  );
}
