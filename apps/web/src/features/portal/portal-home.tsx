import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { paths } from '../../api/schema';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages-zh';

type Stats = paths['/api/portal/stats']['get']['responses'][200]['content']['application/json'];

const FIGURES: { key: keyof Omit<Stats, 'ledger' | 'organisations' | 'users'>; label: MessageKey }[] = [
  { key: 'suppliers', label: 'portal.suppliers' },
  { key: 'purchasers', label: 'portal.purchasers' },
  { key: 'agencies', label: 'portal.agencies' },
  { key: 'experts', label: 'portal.experts' },
];

/** The public portal's home: what the platform is, and real figures from the database. */
export function PortalHome() {
  const { t } = useI18n();
  const { me } = useAuth();
  const [stats, setStats] = useState<Stats | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void api.GET('/api/portal/stats').then(({ data }) => (data ? setStats(data) : setFailed(true)));
  }, []);
  return (
    <>
      <section className="zc-hero">
        <h1>{t('portal.hero')}</h1>
        <p>{t('portal.heroText')}</p>
        <Space wrap>
          <Link to={me ? '/workspace' : '/login'}>
            <Button size="large">{me ? t('portal.start') : t('nav.login')}</Button>
          </Link>
          {!me && (
            <Link to="/register">
              <Button size="large" ghost>
                {t('nav.register')}
              </Button>
            </Link>
          )}
        </Space>
      </section>
      {failed && <Alert type="warning" showIcon message={t('portal.loadError')} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        {FIGURES.map((f) => (
          <Col xs={12} md={6} key={f.key}>
            <Card loading={!stats && !failed}>
              <Statistic title={t(f.label)} value={stats?.[f.key] ?? '—'} data-testid={`stat-${f.key}`} />
            </Card>
          </Col>
        ))}
        <Col xs={24}>
          <Card loading={!stats && !failed}>
            <Row gutter={[16, 16]} align="middle">
              <Col xs={24} md={6}>
                <Statistic
                  title={t('portal.ledger')}
                  value={stats?.ledger.size ?? '—'}
                  prefix={<SafetyCertificateOutlined />}
                  data-testid="stat-ledger"
                />
              </Col>
              <Col xs={24} md={18}>
                <Typography.Text type="secondary">{t('portal.ledgerHead')}</Typography.Text>
                <div className="zc-hash" data-testid="ledger-head">
                  {stats?.ledger.headHash ?? '—'}
                </div>
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                  {t('portal.ledgerHint')}
                </Typography.Paragraph>
              </Col>
            </Row>
          </Card>
        </Col>
      </Row>
    </>
  );
}
