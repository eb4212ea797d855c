import { CheckCircleFilled, CloseCircleFilled, DownloadOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Result, Space, Spin, Typography } from 'antd';
import { useCallback } from 'react';
import { useParams } from 'react-router';
import { errorText, localiseText } from '../../api/errors';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';
import { beijingText, yuanText } from '../projects/format';
import { loadVerification, pdfUrl, type Facts, type Verification } from './certificate-api';
import { CheckCopyCard } from './check-copy-card';
import './verify-page.css';

type Verdict = 'valid' | 'revoked' | 'bad';

const verdictOf = (v: Verification): Verdict =>
  !v.signature.valid || !v.facts ? 'bad' : v.status === 'revoked' ? 'revoked' : 'valid';

function StatusBanner({ v }: { v: Verification }) {
  const { t, lang } = useI18n();
  const verdict = verdictOf(v);
  const icon =
    verdict === 'valid' ? <CheckCircleFilled /> : verdict === 'revoked' ? <StopOutlined /> : <CloseCircleFilled />;
  const title =
    verdict === 'valid' ? t('tcert.valid') : verdict === 'revoked' ? t('tcert.revoked') : t('tcert.signatureBad');
  const hint =
    verdict === 'valid'
      ? t('tcert.validHint')
      : verdict === 'revoked'
        ? t('tcert.revokedHint', {
            at: v.revokedAt ? localiseText(v.revokedAt, lang) : '',
            reason: v.revocationReason ?? '',
          })
        : t('tcert.signatureBadHint');
  return (
    <div className={`zc-tcert-banner zc-tcert-${verdict}`} data-testid="tcert-status" data-status={verdict}>
      <span className="zc-tcert-banner-icon">{icon}</span>
      <div>
        <div className="zc-tcert-banner-title">{title}</div>
        <div className="zc-tcert-banner-hint">{hint}</div>
      </div>
    </div>
  );
}

function FactsCard({ f }: { f: Facts }) {
  const { t, lang } = useI18n();
  const party = (p: { name: string; uscc: string | null }) => (
    <>
      {p.name}
      {p.uscc ? <span className="zc-hash zc-tcert-uscc">（{p.uscc}）</span> : null}
    </>
  );
  return (
    <Card title={t('tcert.facts')}>
      <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }} data-testid="tcert-facts">
        <Descriptions.Item label={t('tcert.project')} span={2}>
          <span className="zc-hash">{f.project.code}</span> {f.project.title}
        </Descriptions.Item>
        <Descriptions.Item label={t('tcert.lot')}>
          {t('tcert.lotText', { number: f.lot.number, title: f.lot.title })}
        </Descriptions.Item>
        <Descriptions.Item label={t('tcert.method')}>{f.project.methodName[lang]}</Descriptions.Item>
        <Descriptions.Item label={t('tcert.purchaser')}>{party(f.purchaser)}</Descriptions.Item>
        <Descriptions.Item label={t('tcert.agency')}>
          {f.agency ? party(f.agency) : t('tcert.noAgency')}
        </Descriptions.Item>
        <Descriptions.Item label={t('tcert.winner')} span={2}>
          <Typography.Text strong data-testid="tcert-winner">
            {f.winner.name}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('tcert.uscc')} span={2}>
          <span className="zc-hash">{f.winner.uscc ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('tcert.amount')} span={2}>
          <Typography.Text strong data-testid="tcert-amount">
            {yuanText(f.contractAmount.fen)}
          </Typography.Text>
          <div>
            {t('tcert.capital')}：{f.contractAmount.capital}
          </div>
        </Descriptions.Item>
        <Descriptions.Item label={t('tcert.opening')}>
          {beijingText(f.bidDeadline)} {f.bidDeadline ? t('tcert.beijing') : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('tcert.resultNotice')}>
          {f.resultNotice ? beijingText(f.resultNotice.publishedAt).slice(0, 10) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('tcert.issuer')}>{party(f.issuer)}</Descriptions.Item>
        <Descriptions.Item label={t('tcert.issuedAt')}>
          {beijingText(f.issuedAt)} {t('tcert.beijing')}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function SignatureCard({ v }: { v: Verification }) {
  const { t } = useI18n();
  const hash = (text: string, testId?: string) => (
    <Typography.Text className="zc-hash zc-tcert-small" copyable={{ text }} data-testid={testId}>
      {text}
    </Typography.Text>
  );
  return (
    <Card title={t('tcert.signature')}>
      <Descriptions size="small" column={1} className="zc-tcert-signature">
        <Descriptions.Item label={t('tcert.algorithm')}>
          {v.signature.algorithm}
          {v.signature.valid ? (
            <CheckCircleFilled style={{ color: '#389e0d', marginLeft: 8 }} />
          ) : (
            <CloseCircleFilled style={{ color: '#cf1322', marginLeft: 8 }} />
          )}
        </Descriptions.Item>
        <Descriptions.Item label={`${t('tcert.factsHash')}（${v.factsHash.algorithm}）`}>
          {hash(v.factsHash.value)}
        </Descriptions.Item>
        <Descriptions.Item label={t('tcert.signatureValue')}>{hash(v.signature.value)}</Descriptions.Item>
        <Descriptions.Item label={t('tcert.keyFingerprint')}>
          {hash(v.signature.keyFingerprint, 'tcert-fingerprint')}
        </Descriptions.Item>
        {v.facts ? (
          <Descriptions.Item label={t('tcert.ledger')}>
            {hash(`#${v.facts.ledger.size} ${v.facts.ledger.chainHash}`)}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={`${t('tcert.pdfHash')}（SHA-256）`}>
          {hash(v.pdf.sha256, 'tcert-sha256')}
        </Descriptions.Item>
      </Descriptions>
      <Button type="primary" icon={<DownloadOutlined />} href={pdfUrl(v.number)} data-testid="tcert-download">
        {t('tcert.download')}
      </Button>
    </Card>
  );
}

/**
 * The public verification page of a transaction certificate (ADR 0020), where the certificate's QR code leads: no
 * account, the status first (真实有效 / 已撤销), the registered facts, the signature checked by the server, the
 * registered PDF, and a drop zone to check a copy.
 */
export default function VerifyCertificatePage() {
  const { number = '' } = useParams();
  const { t, lang } = useI18n();
  const loader = useCallback(() => loadVerification(number), [number]);
  const { data: answer, loading } = useLoader(loader);
  if (loading && !answer) return <Spin style={{ display: 'block', margin: 80 }} />;
  if (!answer?.data) {
    const notFound = answer?.error.error.code === 'TRANSACTION_CERTIFICATE_NOT_FOUND';
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('tcert.notFound') : t('common.error')}
        subTitle={notFound ? t('tcert.notFoundHint') : answer ? errorText(answer.error, lang) : ''}
        data-testid="tcert-not-found"
      />
    );
  }
  const v = answer.data;
  return (
    <Space direction="vertical" size="middle" className="zc-tcert-page">
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('tcert.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('tcert.subtitle')}</Typography.Paragraph>
        <Typography.Paragraph>
          {t('tcert.number')}：
          <Typography.Text strong className="zc-hash" data-testid="tcert-number">
            {v.number}
          </Typography.Text>
        </Typography.Paragraph>
        <StatusBanner v={v} />
        {v.suspension ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            data-testid="tcert-suspension"
            title={t('certificate.suspended', {
              time: `${beijingText(v.suspension.at)}${lang === 'en' ? ' (Beijing)' : '（北京时间）'}`,
              reason: v.suspension.reason,
            })}
          />
        ) : null}
      </Card>
      {v.facts ? <FactsCard f={v.facts} /> : null}
      <CheckCopyCard number={v.number} />
      <SignatureCard v={v} />
    </Space>
  );
}
