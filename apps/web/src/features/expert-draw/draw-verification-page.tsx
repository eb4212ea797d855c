import { CheckCircleFilled, CloseCircleFilled, DownloadOutlined } from '@ant-design/icons';
import { EXCLUSION_LABELS, type ExclusionCode } from '@zhengcai/domain';
import { Alert, Button, Card, Descriptions, List, Result, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';
import { DrawSummary } from './draw-summary';
import { LotDrawPanel } from './lot-draw-panel';
import type { Verification } from './types';
import { verifyInBrowser, type BrowserCheck } from './verify-in-browser';

/** 一致 / 不一致 with the failed checks. */
function Verdict({
  check,
  testId,
}: {
  check: { ok: boolean; mismatches: BrowserCheck['mismatches'] };
  testId: string;
}) {
  const { t, lang } = useI18n();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={testId} data-ok={String(check.ok)}>
      {check.ok ? (
        <Tag icon={<CheckCircleFilled />} color="success" style={{ fontSize: 16, padding: '4px 12px' }}>
          {t('verify.consistent')}
        </Tag>
      ) : (
        <Tag icon={<CloseCircleFilled />} color="error" style={{ fontSize: 16, padding: '4px 12px' }}>
          {t('verify.inconsistent')}
        </Tag>
      )}
      {check.mismatches.map((m) => (
        <Alert key={m.code} type="error" showIcon title={m.code} description={m.message[lang]} />
      ))}
    </Space>
  );
}

function download(material: Verification): void {
  const blob = new Blob([JSON.stringify(material, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `expert-draw-${material.project.code}-${material.lot.number}-${material.draw.id.slice(0, 8)}.json`;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * A draw's verification (supervisor, centre): the material the server discloses, the server's own verdict, and
 * 重新验证, which re-runs verifyDraw here in the browser from the downloaded seed and snapshot.
 */
export default function DrawVerificationPage() {
  const { drawId = '' } = useParams();
  const { t, lang } = useI18n();
  const load = useCallback(
    async () =>
      (await api.GET('/api/expert-draws/{id}/verification', { params: { path: { id: drawId } } })).data ?? null,
    [drawId],
  );
  const { data: material, loading } = useLoader(load);
  const [check, setCheck] = useState<BrowserCheck | null>(null);

  if (loading && material === undefined) return <Spin style={{ display: 'block', margin: 80 }} />;
  if (!material) return <Result status="404" title={t('common.notFound')} />;
  const names = new Map(material.experts.map((e) => [e.userId, e]));
  const nameOf = (id: string) => names.get(id)?.name ?? id;
  const snapshotExperts = (material.poolSnapshot as { experts?: { id: string; excludedFor: ExclusionCode[] }[] })
    .experts;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/workspace/expert-draws">
        <Button type="link" style={{ paddingInline: 0 }}>
          {t('records.back')}
        </Button>
      </Link>
      <Card
        title={`${t('verify.title')}：${material.project.code} ${t('draw.lotTab', { number: material.lot.number })}`}
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">{t('verify.intro')}</Typography.Paragraph>
          <DrawSummary draw={material.draw} />
          <Descriptions size="small" bordered column={1}>
            <Descriptions.Item label={t('verify.seed')}>
              {material.seed ? (
                <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="verify-seed">
                  {material.seed}
                </Typography.Text>
              ) : (
                t('verify.seedHidden')
              )}
            </Descriptions.Item>
            {material.committee && (
              <Descriptions.Item label={t('verify.members')}>
                {material.committee.members.map((id, i) => `${i + 1}. ${nameOf(id)}`).join('　')}
              </Descriptions.Item>
            )}
            {material.committee && (
              <Descriptions.Item label={t('verify.reserves')}>
                {material.committee.reserves.map((id, i) => `${i + 1}. ${nameOf(id)}`).join('　') || '—'}
              </Descriptions.Item>
            )}
          </Descriptions>
          {material.verification ? (
            <Card size="small" title={t('verify.server')}>
              <Verdict check={material.verification} testId="verify-server" />
            </Card>
          ) : (
            <Alert type="info" showIcon title={t('verify.notDrawn')} />
          )}
          <Card size="small" title={t('verify.browser')}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text type="secondary">{t('verify.rerunHint')}</Typography.Text>
              <Space wrap>
                <Button type="primary" onClick={() => setCheck(verifyInBrowser(material))} data-testid="verify-rerun">
                  {t('verify.rerun')}
                </Button>
                <Button icon={<DownloadOutlined />} onClick={() => download(material)}>
                  {t('verify.download')}
                </Button>
              </Space>
              {check?.snapshotHash && (
                <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
                  {t('verify.snapshotHashHere', { hash: check.snapshotHash })}
                </Typography.Text>
              )}
              {check && check.ok !== null && <Verdict check={{ ...check, ok: check.ok }} testId="verify-browser" />}
              {check && check.ok === null && <Alert type="info" showIcon title={t('verify.notDrawn')} />}
            </Space>
          </Card>
          {snapshotExperts && (
            <Card size="small" title={t('verify.excluded')}>
              <List
                size="small"
                dataSource={[...snapshotExperts].sort(
                  (a, b) =>
                    a.excludedFor.length - b.excludedFor.length || nameOf(a.id).localeCompare(nameOf(b.id), 'zh'),
                )}
                renderItem={(e) => (
                  <List.Item>
                    <Space wrap>
                      <Typography.Text>{nameOf(e.id)}</Typography.Text>
                      {e.excludedFor.length === 0 ? (
                        <Tag color="green">{t('verify.eligible')}</Tag>
                      ) : (
                        e.excludedFor.map((code) => (
                          <Tag key={code} color="default">
                            {EXCLUSION_LABELS[code]?.[lang] ?? code}
                          </Tag>
                        ))
                      )}
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          )}
        </Space>
      </Card>
      <Card title={t('verify.seats')}>
        <LotDrawPanel lotId={material.lot.id} showDraws={false} />
      </Card>
    </Space>
  );
}
