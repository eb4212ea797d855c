import { Alert, Button, Descriptions, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { MembersProgress, memberLabel } from './members-progress';
import { ResultsLink } from './results-link';
import { ReviewTable } from './review-table';
import { StateTag, methodText } from './state-tag';
import { bidPath, lotPath, useEvaluation } from './use-evaluation';

/**
 * One lot's evaluation for its host: start it, review each bid's qualification and end the review, then follow
 * the committee's progress by seat (no names, no reviews, no scores before the report).
 */
export function HostEvaluationPanel({ lotId }: { lotId: string }) {
  const { t, lang } = useI18n();
  const { view, busy, act } = useEvaluation(lotId);
  if (view === undefined) return <Spin />;
  if (view === null) return null;
  const { abilities } = view;

  return (
    <Space
      orientation="vertical"
      size="middle"
      style={{ width: '100%' }}
      data-testid={`lot-evaluation-${view.lot.number}`}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'stage', label: t('eval.stage'), children: <StateTag view={view} /> },
          { key: 'method', label: t('eval.method'), children: methodText(view.lot.evaluationMethod, t) },
          {
            key: 'leader',
            label: t('eval.leader'),
            children: view.leader ? memberLabel(view.leader, t) : t('eval.noLeader'),
          },
        ]}
      />
      <ResultsLink view={view} />
      {view.failureReason && (
        <Alert
          type="error"
          showIcon
          title={t('eval.failed')}
          description={view.failureReason[lang]}
          data-testid="evaluation-failed"
        />
      )}
      {view.state === null && view.startBlocked && (
        <Alert
          type="info"
          showIcon
          title={t('eval.cannotStart')}
          description={view.startBlocked[lang]}
          data-testid="evaluation-blocked"
        />
      )}
      {abilities.start && (
        <Popconfirm
          title={t('eval.startConfirm')}
          onConfirm={() =>
            void act(() => api.POST('/api/lots/{lotId}/evaluation/start', lotPath(lotId)), t('eval.started'))
          }
        >
          <Button type="primary" loading={busy} disabled={view.startBlocked !== null} data-testid="evaluation-start">
            {t('eval.start')}
          </Button>
        </Popconfirm>
      )}
      {view.state !== null && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('eval.qualification')}
          </Typography.Title>
          {abilities.qualify && <Typography.Text type="secondary">{t('eval.qualificationHint')}</Typography.Text>}
          <ReviewTable
            lotId={lotId}
            bids={view.bids}
            reviewOf={(b) => b.qualification}
            editable={abilities.qualify}
            busy={busy}
            testId="qualification-table"
            onSave={(b, review) =>
              act(() =>
                api.PUT('/api/lots/{lotId}/evaluation/qualifications/{submissionId}', {
                  ...bidPath(lotId, b.submissionId),
                  body: review,
                }),
              )
            }
          />
          {abilities.finishQualification && (
            <Popconfirm
              title={t('eval.finishQualificationConfirm')}
              onConfirm={() =>
                void act(() => api.POST('/api/lots/{lotId}/evaluation/qualification/finish', lotPath(lotId)))
              }
            >
              <Button type="primary" loading={busy} data-testid="qualification-finish">
                {t('eval.finishQualification')}
              </Button>
            </Popconfirm>
          )}
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('eval.progress')}
          </Typography.Title>
          <MembersProgress view={view} />
        </>
      )}
      {view.state === null && <Tag>{t('eval.notStarted')}</Tag>}
    </Space>
  );
}
