import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Table, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { paths } from '../../api/schema';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';
import { beijingText, yuanText } from './format';

type Project = paths['/api/projects']['get']['responses'][200]['content']['application/json']['items'][number];

const loadProjects = async (): Promise<Project[]> =>
  (await api.GET('/api/projects', { params: { query: { limit: 200 } } })).data?.items ?? [];

const STATUS_COLOUR = { draft: 'default', published: 'green', cancelled: 'red' } as const;

/** The purchaser's and agency's projects (oversight sees all, read-only). */
export default function ProjectsPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const navigate = useNavigate();
  const { data, loading, reload } = useLoader(loadProjects);
  const mayCreate = me?.user.role === 'purchaser' || me?.user.role === 'agency';
  return (
    <Card
      title={t('projects.title')}
      extra={
        <Space>
          <Button onClick={reload}>{t('common.refresh')}</Button>
          {mayCreate && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void navigate('/workspace/projects/new')}
              data-testid="project-new"
            >
              {t('projects.new')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<Project>
        rowKey="id"
        loading={loading}
        dataSource={data ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={t('projects.empty')} /> }}
        columns={[
          { title: t('projects.code'), dataIndex: 'code', render: (v: string) => <span className="zc-hash">{v}</span> },
          {
            title: t('projects.name'),
            dataIndex: 'title',
            render: (v: string, p) => <Link to={`/workspace/projects/${p.id}`}>{v}</Link>,
          },
          { title: t('projects.purchaser'), render: (_: unknown, p) => p.purchaser.name },
          { title: t('projects.agency'), render: (_: unknown, p) => p.agency?.name ?? '—' },
          { title: t('projects.budget'), dataIndex: 'budgetFen', align: 'right', render: (v: number) => yuanText(v) },
          { title: t('projects.lots'), dataIndex: 'lotCount', align: 'right' },
          { title: t('projects.deadline'), dataIndex: 'bidDeadline', render: (v: string | null) => beijingText(v) },
          {
            title: t('projects.status'),
            dataIndex: 'status',
            render: (v: Project['status']) => <Tag color={STATUS_COLOUR[v]}>{t(`projects.status.${v}`)}</Tag>,
          },
        ]}
      />
    </Card>
  );
}
