import { Button, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { memberLabel } from './members-progress';
import { ReviewTable } from './review-table';
import type { EvaluationView } from './types';
import { bidPath, lotPath, type useEvaluation } from './use-evaluation';

type Acts = Pick<ReturnType<typeof useEvaluation>, 'act' | 'busy'>;

/** 符合性审查: the member's own review of each qualified bid and its submission; everyone's once all have submitted. */
export function ComplianceSection({ view, act, busy }: { view: EvaluationView } & Acts) {
  const { t } = useI18n();
  const me = view.members.find((m) => m.me);
  const qualified = view.bids.filter((b) => b.qualification?.passed);
  const others = view.compliance.some((c) => c.expertUserId !== me?.userId);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {view.abilities.comply && <Typography.Text type="secondary">{t('eval.complianceHint')}</Typography.Text>}
      {me && (
        <ReviewTable
          lotId={view.lotId}
          bids={qualified}
          reviewOf={(b) =>
            view.compliance.find((c) => c.submissionId === b.submissionId && c.expertUserId === me.userId) ?? null
          }
          editable={view.abilities.comply}
          busy={busy}
          testId="compliance-table"
          onSave={(b, review) =>
            act(() =>
              api.PUT('/api/lots/{lotId}/evaluation/compliance/{submissionId}', {
                ...bidPath(view.lotId, b.submissionId),
                body: review,
              }),
            )
          }
        />
      )}
      {view.abilities.submitCompliance && (
        <Popconfirm
          title={t('eval.submitComplianceConfirm')}
          onConfirm={() =>
            void act(() => api.POST('/api/lots/{lotId}/evaluation/compliance/submit', lotPath(view.lotId)))
          }
        >
          <Button type="primary" loading={busy} data-testid="compliance-submit">
            {t('eval.submitCompliance')}
          </Button>
        </Popconfirm>
      )}
      {(others || !me) && view.compliance.length > 0 && (
        <>
          <Typography.Text strong>{t('eval.complianceAll')}</Typography.Text>
          <Table
            size="small"
            rowKey="submissionId"
            pagination={false}
            dataSource={qualified}
            data-testid="compliance-all"
            scroll={{ x: true }}
            columns={[
              { title: t('eval.bidder'), dataIndex: 'bidderName', key: 'bidder' },
              ...view.members.map((m) => ({
                title: memberLabel(m, t),
                key: m.seat,
                render: (_: unknown, b: (typeof qualified)[number]) => {
                  const c = view.compliance.find(
                    (x) => x.submissionId === b.submissionId && x.expertUserId === m.userId,
                  );
                  if (!c) return '—';
                  return (
                    <Tooltip title={c.reason}>
                      <Tag color={c.passed ? 'green' : 'red'}>{c.passed ? t('eval.pass') : t('eval.fail')}</Tag>
                    </Tooltip>
                  );
                },
              })),
              {
                title: t('eval.stands'),
                key: 'result',
                render: (_: unknown, b: (typeof qualified)[number]) => {
                  const yes = view.compliance.filter((c) => c.submissionId === b.submissionId && c.passed).length;
                  return (
                    <Space size={4}>
                      {t('eval.passCount', { yes, all: view.members.length })}
                      {b.stands !== null && (
                        <Tag color={b.stands ? 'green' : 'red'}>
                          {b.stands ? t('eval.stands') : t('eval.notStands')}
                        </Tag>
                      )}
                    </Space>
                  );
                },
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
