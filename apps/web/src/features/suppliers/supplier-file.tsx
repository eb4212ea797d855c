import {
  INDUSTRY_SCALE_STANDARDS,
  QUALIFICATION_KINDS,
  fenToWanString,
  type QualificationKind,
} from '@zhengcai/domain';
import { Alert, Button, Descriptions, Empty, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { paths } from '../../api/schema';
import { useI18n } from '../../app/i18n';
import { scaleLabel } from './scale-fields';

export type SupplierFile =
  paths['/api/suppliers/{organisationId}']['get']['responses'][200]['content']['application/json'];
export type Qualification = SupplierFile['qualifications'][number];

const VALIDITY_COLOUR = { permanent: 'blue', valid: 'green', 'not-yet-valid': 'gold', expired: 'red' } as const;

/** A supplier's profile with its derived scale and working, its declaration, and its qualifications. */
export function SupplierFileView({
  file,
  qualificationAction,
}: {
  file: SupplierFile;
  qualificationAction?: (q: Qualification) => ReactNode;
}) {
  const { t, lang } = useI18n();
  const when = (iso: string) => new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
  const p = file.profile;
  return (
    <div data-testid="supplier-file">
      {p?.usccPilot && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('supplier.pilotCode')}
          description={p.usccOverrideReason ? t('supplier.overrideReason', { reason: p.usccOverrideReason }) : null}
        />
      )}
      {p?.changedAfterApprovalAt && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('supplier.changedAfterApproval', { at: when(p.changedAfterApprovalAt) })}
        />
      )}
      {p && (
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('supplier.industry')}>
            {INDUSTRY_SCALE_STANDARDS[p.industry].label[lang]}
          </Descriptions.Item>
          <Descriptions.Item label={t('reg.scale')}>
            <Tag color="geekblue">{scaleLabel(p.derivedScale, lang)}</Tag>
          </Descriptions.Item>
          {p.employees !== null && (
            <Descriptions.Item label={t('supplier.employees')}>
              {p.employees} {t('supplier.persons')}
            </Descriptions.Item>
          )}
          {p.revenueFen !== null && (
            <Descriptions.Item label={t('supplier.revenue')}>
              {fenToWanString(p.revenueFen)} {t('supplier.wan')}
            </Descriptions.Item>
          )}
          {p.assetsFen !== null && (
            <Descriptions.Item label={t('supplier.assets')}>
              {fenToWanString(p.assetsFen)} {t('supplier.wan')}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('supplier.derivedScale')} span={2}>
            <span data-testid="scale-working">{p.working[lang]}</span>
          </Descriptions.Item>
        </Descriptions>
      )}
      {file.declaration && (
        <>
          <Typography.Title level={5}>{t('supplier.declaration')}</Typography.Title>
          <pre className="zc-declaration">{file.declaration.text}</pre>
          <Typography.Paragraph type="secondary">
            {t('supplier.declaredBy', {
              name: file.declaration.declaredBy.displayName,
              at: when(file.declaration.declaredAt),
            })}
          </Typography.Paragraph>
        </>
      )}
      <Typography.Title level={5}>{t('supplier.qualifications')}</Typography.Title>
      <Table<Qualification>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 720 }}
        dataSource={file.qualifications}
        locale={{ emptyText: <Empty description={t('supplier.qNone')} /> }}
        columns={[
          {
            title: t('supplier.qKind'),
            dataIndex: 'kind',
            render: (k: string) => QUALIFICATION_KINDS[k as QualificationKind]?.[lang] ?? k,
          },
          { title: t('supplier.qTitle'), dataIndex: 'title' },
          { title: t('supplier.qNumber'), dataIndex: 'number' },
          { title: t('supplier.qIssuer'), dataIndex: 'issuer' },
          { title: t('supplier.qValidUntil'), dataIndex: 'validUntil', render: (v: string | null) => v ?? '—' },
          {
            title: t('reg.status'),
            key: 'validity',
            render: (_: unknown, q) =>
              q.withdrawnAt ? (
                <Tag>{t('supplier.qWithdrawn')}</Tag>
              ) : (
                <Tag color={VALIDITY_COLOUR[q.validity]} data-testid={`validity-${q.validity}`}>
                  {t(`supplier.qValidity.${q.validity}`)}
                </Tag>
              ),
          },
          {
            title: t('reg.actions'),
            key: 'actions',
            render: (_: unknown, q) => (
              <>
                <Button
                  size="small"
                  type="link"
                  href={`/api/suppliers/${file.organisationId}/qualifications/${q.id}/file`}
                  target="_blank"
                >
                  {t('supplier.qView')}
                </Button>
                {qualificationAction?.(q)}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
