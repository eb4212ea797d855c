import { Alert, Card, Empty, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';
import { ClarificationForm } from './clarification-form';
import { ClarificationList } from './clarification-list';
import { formatTime } from './format';
import { ProjectSummaryCard } from './project-summary';
import type { DeskQuestion, Obtaining } from './types';

/**
 * The purchaser's or agency's desk for one project (oversight reads it too): the questions with who asked, who
 * obtained the documents (confidential), and the form that publishes clarifications.
 */
export default function QuestionsDeskPage() {
  const { projectId = '' } = useParams();
  const { t, lang } = useI18n();
  const loadDesk = useCallback(
    async () => (await api.GET('/api/projects/{id}/questions', { params: { path: { id: projectId } } })).data ?? null,
    [projectId],
  );
  const loadObtainings = useCallback(
    async () =>
      (await api.GET('/api/projects/{id}/obtainings', { params: { path: { id: projectId } } })).data?.items ?? [],
    [projectId],
  );
  const { data: desk, reload } = useLoader(loadDesk);
  const { data: obtainings, reload: reloadObtainings } = useLoader(loadObtainings);

  if (desk === undefined) return <Spin style={{ display: 'block', margin: 80 }} />;
  if (desk === null) return <Result status="404" title={t('common.notFound')} />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('desk.title')}>
        <ProjectSummaryCard project={desk.project} />
      </Card>
      <Card title={t('desk.questions')}>
        <Table<DeskQuestion>
          rowKey="id"
          dataSource={desk.questions}
          pagination={false}
          scroll={{ x: 640 }}
          locale={{ emptyText: <Empty description={t('desk.noQuestions')} /> }}
          data-testid="desk-questions"
          columns={[
            { title: t('desk.asker'), dataIndex: 'organisationName', width: 220 },
            { title: t('desk.question'), dataIndex: 'text' },
            { title: t('desk.askedAt'), dataIndex: 'askedAt', width: 180, render: (v: string) => formatTime(v, lang) },
            {
              key: 'answered',
              width: 90,
              render: (_: unknown, q) =>
                q.answeredBy ? <Tag color="green">{t('tender.answered')}</Tag> : <Tag>{t('tender.unanswered')}</Tag>,
            },
          ]}
        />
      </Card>
      <Card title={t('desk.publish')}>
        {desk.abilities.clarify ? (
          <ClarificationForm
            projectId={projectId}
            questions={desk.questions.filter((q) => !q.answeredBy)}
            onPublished={() => {
              reload();
              reloadObtainings();
            }}
          />
        ) : (
          <Alert type="info" showIcon title={t('desk.closed')} />
        )}
      </Card>
      <Card title={t('tender.clarifications')}>
        <ClarificationList items={desk.clarifications} />
      </Card>
      <Card title={`${t('desk.obtainings')}（${desk.obtainedCount}）`}>
        <Typography.Paragraph type="secondary">{t('desk.confidential')}</Typography.Paragraph>
        <Table<Obtaining>
          rowKey="organisationId"
          dataSource={obtainings ?? []}
          pagination={false}
          scroll={{ x: 640 }}
          data-testid="obtainings"
          columns={[
            { title: t('barred.org'), dataIndex: 'organisationName' },
            {
              title: t('barred.orgUscc'),
              dataIndex: 'uscc',
              render: (v: string | null) => <span className="zc-hash">{v ?? '—'}</span>,
            },
            { title: t('desk.obtainedBy'), dataIndex: 'obtainedBy' },
            { title: t('tender.obtainedAt'), dataIndex: 'obtainedAt', render: (v: string) => formatTime(v, lang) },
          ]}
        />
      </Card>
    </Space>
  );
}
