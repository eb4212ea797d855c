import { App, Button, Card, Empty, Input, Modal, Space, Spin, Table, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { api } from '../../api/client';
import { firstReason } from '../../api/errors';
import type { paths } from '../../api/schema';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';
import { SupplierFileView } from '../suppliers/supplier-file';

type Organisation =
  paths['/api/organisations']['get']['responses'][200]['content']['application/json']['items'][number];

const loadPending = async (): Promise<Organisation[]> =>
  (await api.GET('/api/organisations', { params: { query: { status: 'pending', limit: 200 } } })).data?.items ?? [];

/** The supplier's profile, declaration and qualifications, loaded when the row is opened. */
function SupplierDetails({ id }: { id: string }) {
  const loader = useCallback(
    async () => (await api.GET('/api/suppliers/{organisationId}', { params: { path: { organisationId: id } } })).data,
    [id],
  );
  const { data } = useLoader(loader);
  return data ? <SupplierFileView file={data} /> : <Spin />;
}

/** Centre staff review supplier registrations; the buttons follow the abilities the server sends. */
export default function RegistrationsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { data: items, loading, reload: load } = useLoader(loadPending);
  const [rejecting, setRejecting] = useState<Organisation | null>(null);
  const [reason, setReason] = useState('');

  const [overriding, setOverriding] = useState<Organisation | null>(null);
  const [overrideReason, setOverrideReason] = useState('');
  const approve = async (org: Organisation, usccOverrideReason?: string) => {
    // A credit code submitted as an early pilot code needs the reviewer's reason: ask for it first.
    if (usccOverrideReason === undefined) {
      const file = await api.GET('/api/suppliers/{organisationId}', { params: { path: { organisationId: org.id } } });
      if (file.data?.abilities.approveNeedsOverrideReason) return setOverriding(org);
    }
    const { error } = await api.POST('/api/organisations/{id}/approve', {
      params: { path: { id: org.id } },
      body: usccOverrideReason ? { usccOverrideReason } : {},
    });
    if (error) {
      void message.error(firstReason(error, lang));
      return;
    }
    void message.success(`${org.name}：${t('reg.approved')}`);
    setOverriding(null);
    setOverrideReason('');
    load();
  };
  const reject = async () => {
    if (!rejecting) return;
    const { error } = await api.POST('/api/organisations/{id}/reject', {
      params: { path: { id: rejecting.id } },
      body: { reason },
    });
    if (error) {
      void message.error(firstReason(error, lang));
      return;
    }
    void message.success(`${rejecting.name}：${t('reg.rejected')}`);
    setRejecting(null);
    setReason('');
    load();
  };

  return (
    <Card title={t('reg.title')} extra={<Button onClick={load}>{t('common.refresh')}</Button>}>
      <Table<Organisation>
        rowKey="id"
        loading={loading}
        dataSource={items ?? []}
        locale={{ emptyText: <Empty description={t('reg.empty')} /> }}
        scroll={{ x: 720 }}
        pagination={false}
        expandable={{ expandedRowRender: (org) => <SupplierDetails id={org.id} /> }}
        columns={[
          { title: t('reg.name'), dataIndex: 'name' },
          {
            title: t('reg.uscc'),
            dataIndex: 'uscc',
            render: (v: string | null) => <span className="zc-hash">{v}</span>,
          },
          {
            title: t('reg.scale'),
            dataIndex: 'scale',
            render: (v: Organisation['scale']) => (v ? <Tag>{t(`scale.${v}`)}</Tag> : '—'),
          },
          {
            title: t('reg.submitted'),
            dataIndex: 'createdAt',
            render: (v: string) => new Date(v).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en'),
          },
          {
            title: t('reg.actions'),
            key: 'actions',
            render: (_: unknown, org) => (
              <Space>
                {org.abilities.approve && (
                  <Button
                    type="primary"
                    size="small"
                    onClick={() => void approve(org)}
                    data-testid={`approve-${org.id}`}
                  >
                    {t('reg.approve')}
                  </Button>
                )}
                {org.abilities.reject && (
                  <Button danger size="small" onClick={() => setRejecting(org)}>
                    {t('reg.reject')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={overriding !== null}
        title={`${t('reg.overrideTitle')}：${overriding?.name ?? ''}`}
        onOk={() => overriding && void approve(overriding, overrideReason)}
        onCancel={() => setOverriding(null)}
        okText={t('reg.approve')}
        cancelText={t('common.cancel')}
      >
        <Input.TextArea
          rows={3}
          placeholder={t('reg.overrideReason')}
          value={overrideReason}
          onChange={(e) => setOverrideReason(e.target.value)}
          maxLength={500}
          data-testid="override-reason"
        />
      </Modal>
      <Modal
        open={rejecting !== null}
        title={`${t('reg.reject')}：${rejecting?.name ?? ''}`}
        onOk={() => void reject()}
        onCancel={() => setRejecting(null)}
        okText={t('reg.reject')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true }}
      >
        <Input.TextArea
          rows={3}
          placeholder={t('reg.rejectReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
        />
      </Modal>
    </Card>
  );
}
