import { Card, Empty, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { paths } from '../../api/schema';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';
import { formatTime } from './format';

type Item = paths['/api/tenders']['get']['responses'][200]['content']['application/json']['items'][number];

const loadTenders = async (): Promise<Item[]> => (await api.GET('/api/tenders')).data?.items ?? [];

/** The supplier's projects: those whose documents its organisation obtained. */
export default function TendersPage() {
  const { t, lang } = useI18n();
  const { data, loading } = useLoader(loadTenders);
  return (
    <Card title={t('tender.list')}>
      <Table<Item>
        rowKey="id"
        loading={loading}
        dataSource={data ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: <Empty description={t('tender.listEmpty')} /> }}
        columns={[
          { title: t('tender.code'), dataIndex: 'code', width: 180 },
          {
            title: t('tender.name'),
            dataIndex: 'title',
            render: (title: string, item) => <Link to={`/workspace/tenders/${item.id}`}>{title}</Link>,
          },
          {
            title: t('tender.deadline'),
            dataIndex: 'bidDeadline',
            render: (v: string | null) => formatTime(v, lang),
          },
          {
            title: t('tender.obtainedAt'),
            dataIndex: 'obtainedAt',
            render: (v: string) => formatTime(v, lang),
          },
          {
            key: 'status',
            dataIndex: 'status',
            render: (s: string) => (
              <Tag color={s === 'published' ? 'green' : 'default'}>
                {s === 'published'
                  ? t('tender.status.published')
                  : s === 'cancelled'
                    ? t('tender.status.cancelled')
                    : s}
              </Tag>
            ),
          },
        ]}
      />
    </Card>
  );
}
