import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { paths } from '../../api/schema';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages-zh';
import { LatestNotices } from '../notices/latest-notices';

type Stats = paths['/api/portal/stats']['get']['responses'][200]['content']['application/json'];

const FIGURES: { key: keyof Omit<Stats, 'ledger'>; label: MessageKey }[] = [
  { key: 'suppliers', label: 'portal.suppliers' },
  { key: 'purchasers', label: 'portal.purchasers' },
  { key: 'agencies', label: 'portal.agencies' },
  { key: 'experts', label: 'portal.experts' },
  { key: 'organisations', label: 'portal.organisations' },
  { key: 'users', label: 'portal.users' },
];

/** The ledger head as people read it: the first 16 hex digits (the full hash is one click away). */
const shortHash = (hash: string) => (hash.length > 16 ? `${hash.slice(0, 16)}…` : hash);

/** The public portal's home: what the platform is, and real figures from the database. */
export function PortalHome() {
  const { t } = useI18n();
  const { me } = useAuth();
  const [stats, setStats] = useState<Stats | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void api.GET('/api/portal/stats').then(({ data }) => (data ? setStats(data) : setFailed(true)));
  }, []);
  const loading = !stats && !failed;
  return (
    <>
      <section className="zc-hero">
        <div className="zc-hero-eyebrow">{t('app.title')}</div>
        <h1 data-testid="hero-centre">{t('app.centre')}</h1>
        <div className="zc-hero-tagline">{t('portal.hero')}</div>
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
      <div style={{ marginBottom: 16 }}>
        <LatestNotices />
      </div>
      {failed && <Alert type="warning" showIcon title={t('portal.loadError')} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        {FIGURES.map((f) => (
          <Col xs={12} sm={8} lg={4} key={f.key}>
            <Card loading={loading} className="zc-stat-card">
              <Statistic title={t(f.label)} value={stats?.[f.key] ?? '—'} data-testid={`stat-${f.key}`} />
            </Card>
          </Col>
        ))}
        <Col xs={24}>
          <Card loading={loading}>
            <Row gutter={[16, 16]} align="middle">
              <Col xs={12} md={6}>
                <Statistic
                  title={t('portal.ledger')}
                  value={stats?.ledger.size ?? '—'}
                  prefix={<SafetyCertificateOutlined />}
                  data-testid="stat-ledger"
                />
              </Col>
              <Col xs={12} md={6}>
                <Typography.Text type="secondary">{t('portal.ledgerHead')}</Typography.Text>
                <div className="zc-ledger-head">
                  {stats ? (
                    <Typography.Text
                      className="zc-hash"
                      title={stats.ledger.headHash}
                      copyable={{ text: stats.ledger.headHash, tooltips: [t('portal.copyHash'), t('tokens.copied')] }}
                      data-testid="ledger-head"
                    >
                      {shortHash(stats.ledger.headHash)}
                    </Typography.Text>
                  ) : (
                    '—'
                  )}
                </div>
              </Col>
              <Col xs={24} md={12}>
                <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
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
