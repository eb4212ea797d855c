import { Badge, Card, Col, Descriptions, Empty, List, Row, Tag, Typography } from 'antd';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useLiveEvents } from './use-live-events';

/** Every workspace starts here: who I am, and what happens that concerns me, live. */
export default function OverviewPage() {
  const { me } = useAuth();
  const { t, lang } = useI18n();
  const { events, connected } = useLiveEvents();
  if (!me) return null;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24}>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="welcome">
          {t('overview.welcome', { name: me.user.displayName })}
        </Typography.Title>
      </Col>
      <Col xs={24} lg={10}>
        <Card data-testid="profile">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('overview.role')}>
              <Tag color="red">{t(`role.${me.user.role}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('overview.organisation')}>
              {me.organisation ? me.organisation.name : t('overview.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('acc.login')}>{me.user.login}</Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card
          title={t('overview.activity')}
          extra={
            <Badge
              data-testid="live-status"
              status={connected ? 'success' : 'warning'}
              text={connected ? t('overview.live') : t('overview.offline')}
            />
          }
        >
          <Typography.Paragraph type="secondary">{t('overview.activityHint')}</Typography.Paragraph>
          <List
            dataSource={events}
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('overview.noActivity')} />,
            }}
            renderItem={(e) => (
              <List.Item data-testid="live-event">
                <List.Item.Meta
                  title={e.summary[lang]}
                  description={`#${e.seq} · ${new Date(e.occurredAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')}`}
                />
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}
