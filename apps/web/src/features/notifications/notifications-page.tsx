import { Badge, Button, Card, Empty, List, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { localiseText } from '../../api/errors';
import type { paths } from '../../api/schema';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';
import { formatTime } from '../documents/format';

type Item = paths['/api/notifications']['get']['responses'][200]['content']['application/json']['items'][number];

const loadInbox = async (): Promise<Item[]> => (await api.GET('/api/notifications')).data?.items ?? [];

/** The in-app inbox: newest first; opening one marks it read. */
export default function NotificationsPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { data, loading, reload } = useLoader(loadInbox);
  const markRead = async (n: Item) => {
    if (!n.readAt) await api.POST('/api/notifications/{id}/read', { params: { path: { id: n.id } } });
  };
  return (
    <Card title={t('notify.title')}>
      <List
        loading={loading}
        dataSource={data ?? []}
        locale={{ emptyText: <Empty description={t('notify.empty')} /> }}
        data-testid="notifications"
        renderItem={(n) => (
          <List.Item
            key={n.id}
            actions={[
              n.link && (
                <Button
                  key="open"
                  type="link"
                  onClick={() => void markRead(n).then(() => navigate(n.link ?? '/workspace'))}
                >
                  {t('notify.open')}
                </Button>
              ),
              !n.readAt && (
                <Button key="read" type="link" onClick={() => void markRead(n).then(reload)}>
                  {t('notify.markRead')}
                </Button>
              ),
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={
                <Space>
                  {!n.readAt && <Badge status="error" text={t('notify.unread')} />}
                  <span>{n.title[lang]}</span>
                </Space>
              }
              description={
                <Space orientation="vertical" size={2}>
                  <Typography.Text>{localiseText(n.body[lang], lang)}</Typography.Text>
                  <Typography.Text type="secondary">{formatTime(n.createdAt, lang)}</Typography.Text>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
