import { App, Button, Card, Descriptions, Empty, Input, List, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';
import { formatTime } from '../documents/format';
import { SeatStatusTag } from './seat-table';
import type { Invitation } from './types';

const loadInvitations = async (): Promise<Invitation[]> => (await api.GET('/api/expert-invitations')).data?.items ?? [];

/** 我的评审邀请: the expert's own seats once offered, to confirm or to decline with a reason (phone-first). */
export default function InvitationsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { data, loading, reload } = useLoader(loadInvitations);
  const [declining, setDeclining] = useState<Invitation | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const confirm = async (item: Invitation) => {
    setBusy(true);
    const { error } = await api.POST('/api/expert-invitations/{id}/confirm', { params: { path: { id: item.id } } });
    setBusy(false);
    if (error) void message.error(errorText(error, lang), 8);
    else void message.success(t('invitations.confirmed'));
    reload();
  };
  const decline = async () => {
    if (!declining) return;
    setBusy(true);
    const { error } = await api.POST('/api/expert-invitations/{id}/decline', {
      params: { path: { id: declining.id } },
      body: { reason },
    });
    setBusy(false);
    if (error) {
      void message.error(error.error.fields?.[0]?.reason[lang] ?? errorText(error, lang), 8);
      return;
    }
    void message.success(t('invitations.declined'));
    setDeclining(null);
    setReason('');
    reload();
  };

  return (
    <Card title={t('invitations.title')}>
      <Typography.Paragraph type="secondary">{t('invitations.conflictHint')}</Typography.Paragraph>
      <List
        loading={loading}
        dataSource={data ?? []}
        locale={{ emptyText: <Empty description={t('invitations.empty')} /> }}
        data-testid="invitations"
        renderItem={(item) => (
          <List.Item key={item.id} data-testid="invitation">
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>
                  {item.project.code} {item.project.title}
                </Typography.Text>
                <SeatStatusTag status={item.status} />
                {item.steppedIn && <Tag color="blue">{t('invitations.steppedIn')}</Tag>}
              </Space>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  {
                    key: 'lot',
                    label: t('records.lot'),
                    children: t('invitations.lot', { number: item.lot.number, title: item.lot.title }),
                  },
                  { key: 'purchaser', label: t('invitations.purchaser'), children: item.purchaserName },
                  ...(item.agencyName
                    ? [{ key: 'agency', label: t('invitations.agency'), children: item.agencyName }]
                    : []),
                  {
                    key: 'seat',
                    label: t('invitations.seat'),
                    children: item.seat === null ? '—' : t('draw.seatLabel', { seat: item.seat }),
                  },
                  item.status === 'invited'
                    ? { key: 'by', label: t('draw.respondBy'), children: formatTime(item.respondBy, lang) }
                    : { key: 'at', label: t('draw.respondedAt'), children: formatTime(item.respondedAt, lang) },
                  ...(item.declineReason
                    ? [{ key: 'reason', label: t('draw.reason'), children: item.declineReason }]
                    : []),
                ]}
              />
              {(item.abilities.confirm || item.abilities.decline) && (
                <Space wrap>
                  {item.abilities.confirm && (
                    <Popconfirm title={t('invitations.confirmAsk')} onConfirm={() => void confirm(item)}>
                      <Button type="primary" loading={busy} data-testid="invitation-confirm">
                        {t('invitations.confirm')}
                      </Button>
                    </Popconfirm>
                  )}
                  {item.abilities.decline && (
                    <Button danger onClick={() => setDeclining(item)} data-testid="invitation-decline">
                      {t('invitations.decline')}
                    </Button>
                  )}
                </Space>
              )}
            </Space>
          </List.Item>
        )}
      />
      <Modal
        open={declining !== null}
        title={t('invitations.declineTitle')}
        okText={t('invitations.decline')}
        okButtonProps={{
          danger: true,
          loading: busy,
          disabled: reason.trim().length < 2,
          'data-testid': 'decline-submit',
        }}
        onOk={() => void decline()}
        onCancel={() => setDeclining(null)}
      >
        <Typography.Paragraph type="secondary">{t('invitations.declineHint')}</Typography.Paragraph>
        <Input.TextArea
          aria-label={t('invitations.declineReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          showCount
          autoSize={{ minRows: 3 }}
          data-testid="decline-reason"
        />
      </Modal>
    </Card>
  );
}
