import { Card, Empty, List, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';
import { beijingText } from '../projects/format';

const loadLatest = async () => (await api.GET('/api/notices', { params: { query: { limit: 5 } } })).data?.items ?? [];

/** The portal home's newest notices. */
export function LatestNotices() {
  const { t } = useI18n();
  const { data, loading } = useLoader(loadLatest);
  return (
    <Card
      title={t('notices.latest')}
      extra={<Link to="/notices">{t('notices.more')}</Link>}
      data-testid="latest-notices"
    >
      <List
        loading={loading}
        dataSource={data ?? []}
        locale={{ emptyText: <Empty description={t('notices.empty')} /> }}
        renderItem={(n) => (
          <List.Item
            extra={<Typography.Text type="secondary">{beijingText(n.publishedAt).slice(0, 10)}</Typography.Text>}
          >
            <Link to={`/notices/${n.id}`}>{n.title}</Link>
          </List.Item>
        )}
      />
    </Card>
  );
}
