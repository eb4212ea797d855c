import { App, Button, Card, Form, Input, Table, Tag } from 'antd';
import { api } from '../../api/client';
import { firstReason } from '../../api/errors';
import type { paths } from '../../api/schema';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';

type Conflict =
  paths['/api/experts/me/conflicts']['get']['responses'][200]['content']['application/json']['items'][number];

const loadConflicts = async (): Promise<Conflict[]> => (await api.GET('/api/experts/me/conflicts')).data?.items ?? [];

export function ConflictsCard() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();

  const [form] = Form.useForm<{ organisationName: string; reason: string }>();
  const { data: items, loading, reload: load } = useLoader(loadConflicts);
  const declare = async (body: { organisationName: string; reason: string }) => {
    const { error } = await api.POST('/api/experts/me/conflicts', { body });
    if (error) return void message.error(firstReason(error, lang));
    form.resetFields();
    load();
  };
  const withdraw = async (id: string) => {
    await api.DELETE('/api/experts/me/conflicts/{id}', { params: { path: { id } } });
    load();
  };
  return (
    <Card title={t('expert.conflicts')}>
      <Form form={form} layout="inline" onFinish={(v) => void declare(v)} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="organisationName" rules={[{ required: true, message: t('login.required') }]}>
          <Input placeholder={t('expert.conflictOrg')} maxLength={100} />
        </Form.Item>
        <Form.Item name="reason" rules={[{ required: true, message: t('login.required') }]}>
          <Input placeholder={t('expert.conflictReason')} maxLength={500} />
        </Form.Item>
        <Button htmlType="submit">{t('expert.declare')}</Button>
      </Form>
      <Table<Conflict>
        rowKey="id"
        loading={loading}
        dataSource={items ?? []}
        pagination={false}
        scroll={{ x: 560 }}
        columns={[
          { title: t('expert.conflictOrg'), dataIndex: 'organisationName' },
          { title: t('expert.conflictReason'), dataIndex: 'reason' },
          {
            key: 'state',
            render: (_: unknown, c) =>
              c.withdrawnAt ? (
                <Tag>{t('expert.withdrawn')}</Tag>
              ) : (
                <Button size="small" onClick={() => void withdraw(c.id)}>
                  {t('expert.withdraw')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
