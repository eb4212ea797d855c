import { Card, Empty, Input, List, Segmented, Space, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';
import { beijingText, yuanText } from '../projects/format';

type Kind = 'all' | 'goods' | 'services' | 'works';
const PAGE = 10;

/** The public list of published notices: newest first, by category kind, searchable by title. */
export default function NoticesPage() {
  const { t } = useI18n();
  const [kind, setKind] = useState<Kind>('all');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const loader = useCallback(
    async () =>
      (
        await api.GET('/api/notices', {
          params: {
            query: {
              ...(kind !== 'all' ? { category: kind } : {}),
              ...(q ? { q } : {}),
              limit: PAGE,
              offset: (page - 1) * PAGE,
            },
          },
        })
      ).data ?? { items: [], total: 0 },
    [kind, q, page],
  );
  const { data, loading } = useLoader(loader);
  return (
    <Card title={t('notices.title')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<Kind>
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          options={(['all', 'goods', 'services', 'works'] as const).map((k) => ({
            value: k,
            label: k === 'all' ? t('notices.all') : t(`projects.kind.${k}`),
          }))}
        />
        <Input.Search
          allowClear
          placeholder={t('notices.search')}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: 280 }}
          data-testid="notice-search"
        />
      </Space>
      <List
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={t('notices.empty')} /> }}
        pagination={
          (data?.total ?? 0) > PAGE
            ? { current: page, pageSize: PAGE, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }
            : false
        }
        renderItem={(n) => (
          <List.Item data-testid="notice-item">
            <List.Item.Meta
              title={<Link to={`/notices/${n.id}`}>{n.title}</Link>}
              description={
                <Space wrap size={[12, 4]}>
                  <Tag color="red">{t(`projects.kind.${n.project.category}`)}</Tag>
                  <Typography.Text type="secondary" className="zc-hash">
                    {n.project.code}
                  </Typography.Text>
                  <span>{n.project.purchaserName}</span>
                  <span>
                    {t('projects.budget')}：{yuanText(n.project.budgetFen)}
                  </span>
                  <span>
                    {t('projects.deadline')}：{beijingText(n.project.bidDeadline)}
                  </span>
                  <Typography.Text type="secondary">
                    {t('notices.publishedAt')} {beijingText(n.publishedAt)}
                  </Typography.Text>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
