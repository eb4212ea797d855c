import { App, Button, Card, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import type { paths } from '../../api/schema';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';
import { CreateOrganisationButton, CreateUserButton } from './create-forms';

type User = paths['/api/admin/users']['get']['responses'][200]['content']['application/json']['items'][number];

const loadUsers = async (): Promise<User[]> =>
  (await api.GET('/api/admin/users', { params: { query: { limit: 500 } } })).data?.items ?? [];

/** The administrator's accounts: every user with role, organisation, status and lock-out. */
export default function AccountsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { data: users, loading, reload: load } = useLoader(loadUsers);
  const [query, setQuery] = useState('');
  const needle = query.trim().toLowerCase();
  const shown = (users ?? []).filter(
    (u) =>
      !needle ||
      u.login.toLowerCase().includes(needle) ||
      u.displayName.toLowerCase().includes(needle) ||
      (u.organisation?.name.toLowerCase().includes(needle) ?? false),
  );
  const unlock = async (user: User) => {
    const { error } = await api.POST('/api/admin/users/{id}/unlock', { params: { path: { id: user.id } } });
    if (error) void message.error(errorText(error, lang));
    else void message.success(`${user.login}：${t('acc.unlocked')}`);
    load();
  };
  return (
    <Card
      title={t('acc.users')}
      extra={
        <Space wrap>
          <CreateOrganisationButton onCreated={load} />
          <CreateUserButton onCreated={load} />
        </Space>
      }
    >
      <Input.Search
        allowClear
        placeholder={t('acc.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        style={{ maxWidth: 360, marginBottom: 16 }}
        data-testid="account-search"
      />
      <Table<User>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={shown}
        scroll={{ x: 760 }}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('acc.login'), dataIndex: 'login' },
          { title: t('acc.name'), dataIndex: 'displayName' },
          {
            title: t('acc.role'),
            dataIndex: 'role',
            render: (r: User['role']) => <Tag color="red">{t(`role.${r}`)}</Tag>,
          },
          { title: t('acc.organisation'), dataIndex: ['organisation', 'name'], render: (v?: string) => v ?? '—' },
          {
            title: t('acc.status'),
            key: 'status',
            render: (_: unknown, u) =>
              u.lockedUntil ? (
                <Space>
                  <Tag color="orange">
                    {t('acc.locked', { until: new Date(u.lockedUntil).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') })}
                  </Tag>
                  <Button size="small" onClick={() => void unlock(u)}>
                    {t('acc.unlock')}
                  </Button>
                </Space>
              ) : (
                <Tag color={u.status === 'active' ? 'green' : 'default'}>{t(`status.${u.status}`)}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
