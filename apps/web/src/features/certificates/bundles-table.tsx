import { Button, Space, Table, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import type { paths } from '../../api/schema';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages-zh';
import { offerDownload } from './key-store';

export type Bundle =
  paths['/api/certificates/mine']['get']['responses'][200]['content']['application/json']['items'][number];

const STATUS_COLOUR: Record<Bundle['status'], string> = {
  valid: 'green',
  revoked: 'red',
  expired: 'default',
  not_yet_valid: 'blue',
};

async function downloadPem(id: string): Promise<void> {
  const { data } = await api.GET('/api/certificates/{id}/pem', { params: { path: { id } } });
  if (data) offerDownload(data.fileName, data.pem, 'application/x-pem-file');
}

/** Certificate bundles (signing + encryption issued together), with status, downloads and a revoke button. */
export function BundlesTable(props: {
  items: Bundle[];
  loading: boolean;
  showHolder?: boolean;
  onRevoke: (bundle: Bundle) => void;
  testId: string;
}) {
  const { t, lang } = useI18n();
  const when = (v: string) => new Date(v).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
  return (
    <Table<Bundle>
      rowKey="bundleId"
      loading={props.loading}
      dataSource={props.items}
      pagination={props.items.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 760 }}
      data-testid={props.testId}
      locale={{ emptyText: t('cert.none') }}
      columns={[
        ...(props.showHolder
          ? [
              {
                title: t('cert.holder'),
                key: 'holder',
                render: (_: unknown, b: Bundle) => (
                  <Space orientation="vertical" size={0}>
                    <span>
                      {b.holder.displayName}（{b.holder.login}）
                    </span>
                    <Typography.Text type="secondary">
                      {b.holder.organisationName ?? t(`role.${b.holder.role}`)}
                    </Typography.Text>
                  </Space>
                ),
              },
            ]
          : []),
        {
          title: t('cert.status'),
          key: 'status',
          render: (_: unknown, b: Bundle) => (
            <Space size={4} wrap>
              <Tag color={STATUS_COLOUR[b.status]} data-testid="cert-status">
                {t(`cert.status.${b.status}` as MessageKey)}
              </Tag>
              {b.current && <Tag color="gold">{t('cert.current')}</Tag>}
              {b.status === 'valid' && !b.current && <Tag>{t('cert.superseded')}</Tag>}
              {b.revocationReason && (
                <Typography.Text type="secondary">
                  {t(`cert.reason.${b.revocationReason}` as MessageKey)}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        { title: t('cert.suite'), key: 'suite', render: (_: unknown, b: Bundle) => t(`cert.suite.${b.suite}`) },
        {
          title: t('cert.serial'),
          key: 'serial',
          render: (_: unknown, b: Bundle) => (
            <Typography.Text code className="zc-hash" copyable={{ text: b.signing.serial }}>
              {b.signing.serial.slice(0, 12)}…
            </Typography.Text>
          ),
        },
        { title: t('cert.issuedAt'), dataIndex: 'issuedAt', render: when },
        { title: t('cert.validUntil'), dataIndex: 'notAfter', render: when },
        {
          key: 'actions',
          render: (_: unknown, b: Bundle) => (
            <Space size={4} wrap>
              <Button size="small" onClick={() => void downloadPem(b.signing.id)}>
                {t('cert.downloadSigning')}
              </Button>
              <Button size="small" onClick={() => void downloadPem(b.encryption.id)}>
                {t('cert.downloadEncryption')}
              </Button>
              {b.abilities.revoke && (
                <Button size="small" danger onClick={() => props.onRevoke(b)} data-testid="cert-revoke">
                  {t('cert.revoke')}
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
