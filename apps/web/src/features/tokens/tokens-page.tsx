import { Alert, App, Button, Card, Form, Input, InputNumber, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { firstReason, errorText } from '../../api/errors';
import type { paths } from '../../api/schema';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';

type Token = paths['/api/tokens']['get']['responses'][200]['content']['application/json']['items'][number];

const loadTokens = async (): Promise<Token[]> => (await api.GET('/api/tokens')).data?.items ?? [];

/** API tokens for machine clients; the secret is shown once, when issued. */
export default function TokensPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { data: items, loading, reload: load } = useLoader(loadTokens);
  const [fresh, setFresh] = useState<string | null>(null);
  const [form] = Form.useForm<{ name: string; expiresInDays?: number }>();
  const when = (v: string | null) =>
    v ? new Date(v).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') : t('tokens.never');
  const create = async (body: { name: string; expiresInDays?: number }) => {
    const { data, error } = await api.POST('/api/tokens', { body });
    if (error) return void message.error(firstReason(error, lang));
    setFresh(data.token);
    form.resetFields();
    load();
  };
  const revoke = async (id: string) => {
    const { error } = await api.DELETE('/api/tokens/{id}', { params: { path: { id } } });
    if (error) void message.error(errorText(error, lang));
    load();
  };
  return (
    <Card title={t('tokens.title')}>
      <Typography.Paragraph type="secondary">{t('tokens.hint')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={(v) => void create(v)} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="name" rules={[{ required: true, message: t('login.required') }]}>
          <Input placeholder={t('tokens.name')} maxLength={100} />
        </Form.Item>
        <Form.Item name="expiresInDays">
          <InputNumber min={1} max={3650} placeholder={t('tokens.days')} style={{ width: 140 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('tokens.create')}
        </Button>
      </Form>
      {fresh && (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setFresh(null) }}
          style={{ marginBottom: 16 }}
          title={t('tokens.created')}
          description={
            <Space wrap>
              <Typography.Text code className="zc-hash" data-testid="fresh-token">
                {fresh}
              </Typography.Text>
              <Button
                size="small"
                onClick={() =>
                  void navigator.clipboard.writeText(fresh).then(() => message.success(t('tokens.copied')))
                }
              >
                {t('tokens.copy')}
              </Button>
            </Space>
          }
        />
      )}
      <Table<Token>
        rowKey="id"
        loading={loading}
        dataSource={items ?? []}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          { title: t('tokens.name'), dataIndex: 'name' },
          { title: t('tokens.createdAt'), dataIndex: 'createdAt', render: when },
          { title: t('tokens.expiresAt'), dataIndex: 'expiresAt', render: when },
          { title: t('tokens.lastUsed'), dataIndex: 'lastUsedAt', render: when },
          {
            key: 'revoke',
            render: (_: unknown, tok) =>
              tok.revokedAt ? (
                <Tag>{t('tokens.revoked')}</Tag>
              ) : (
                <Popconfirm
                  title={t('tokens.revokeConfirm', { name: tok.name })}
                  okText={t('tokens.revoke')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => revoke(tok.id)}
                >
                  <Button danger size="small">
                    {t('tokens.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}
