import { DownloadOutlined, EditOutlined, FileProtectOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Form, Input, List, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { errorText, firstReason, localiseText } from '../../api/errors';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';
import { HallLinks } from '../opening/hall-links';
import { ClarificationList } from './clarification-list';
import { formatBytes, formatTime } from './format';
import { ProjectSummaryCard } from './project-summary';
import type { Tender } from './types';

type File = Tender['documents'][number];

/**
 * A supplier's page for one tender (linked from the public notice as 「获取采购文件」): obtain the documents (or see
 * why not), download them, ask questions and read every clarification, with the current deadline.
 */
export default function TenderPage() {
  const { projectId = '' } = useParams();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const [busy, setBusy] = useState(false);
  const load = useCallback(
    async () => (await api.GET('/api/tenders/{id}', { params: { path: { id: projectId } } })).data ?? null,
    [projectId],
  );
  const { data: tender, loading, reload } = useLoader(load);

  if (tender === undefined) return <Spin style={{ display: 'block', margin: 80 }} />;
  if (tender === null) return <Result status="404" title={t('common.notFound')} />;

  const obtain = async () => {
    setBusy(true);
    const { error } = await api.POST('/api/tenders/{id}/obtain', { params: { path: { id: projectId } } });
    setBusy(false);
    if (error) void message.error(errorText(error, lang));
    else void message.success(t('tender.obtainedOk'));
    reload();
  };
  const ask = async ({ text }: { text: string }) => {
    const { error } = await api.POST('/api/tenders/{id}/questions', {
      params: { path: { id: projectId } },
      body: { text },
    });
    if (error) return void message.error(firstReason(error, lang));
    void message.success(t('tender.asked'));
    form.resetFields();
    reload();
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('tender.title')} loading={loading && !tender}>
        <ProjectSummaryCard project={tender.project} />
        {tender.obtaining && (
          <div style={{ marginTop: 16 }}>
            <HallLinks projectId={tender.project.id} />
          </div>
        )}
      </Card>

      <Card title={t('tender.files')}>
        {tender.obtaining ? (
          <Alert
            type="success"
            showIcon
            data-testid="obtained"
            title={t('tender.obtained', { at: formatTime(tender.obtaining.obtainedAt, lang) })}
            action={
              <Link to={`/workspace/tenders/${tender.project.id}/bid`} data-testid="go-bid">
                <Button type="primary" icon={<EditOutlined />}>
                  {t('tender.bid')}
                </Button>
              </Link>
            }
            style={{ marginBottom: 16 }}
          />
        ) : tender.abilities.obtain ? (
          <Space orientation="vertical">
            <Button
              type="primary"
              size="large"
              icon={<FileProtectOutlined />}
              loading={busy}
              onClick={() => void obtain()}
              data-testid="obtain-button"
            >
              {t('tender.obtain')}
            </Button>
            <Typography.Text type="secondary">{t('tender.obtainFree')}</Typography.Text>
          </Space>
        ) : (
          tender.refusal && (
            <Alert
              type="error"
              showIcon
              data-testid="obtain-refusal"
              title={t('tender.refused')}
              description={localiseText(tender.refusal.message[lang], lang)}
            />
          )
        )}
        {tender.obtaining && (
          <Table<File>
            rowKey="id"
            dataSource={tender.documents}
            pagination={false}
            scroll={{ x: 640 }}
            data-testid="documents"
            columns={[
              { title: t('tender.files'), dataIndex: 'fileName' },
              { title: t('tender.size'), dataIndex: 'sizeBytes', render: (n: number) => formatBytes(n), width: 110 },
              {
                title: t('tender.sha256'),
                dataIndex: 'sha256',
                render: (h: string) => (
                  <Typography.Text className="zc-hash" copyable={{ text: h }}>
                    {h.slice(0, 16)}…
                  </Typography.Text>
                ),
              },
              {
                key: 'download',
                width: 110,
                render: (_: unknown, f) => (
                  <a href={`/api/tenders/${projectId}/documents/${f.id}`} download={f.fileName}>
                    <DownloadOutlined /> {t('tender.download')}
                  </a>
                ),
              },
            ]}
          />
        )}
      </Card>

      {tender.obtaining && (
        <Card title={t('tender.clarifications')}>
          <ClarificationList items={tender.clarifications} />
        </Card>
      )}

      {tender.obtaining && (
        <Card title={t('tender.questions')}>
          {tender.abilities.ask && (
            <Form form={form} onFinish={(v) => void ask(v)} style={{ marginBottom: 16 }}>
              <Form.Item name="text" rules={[{ required: true, message: t('login.required') }]}>
                <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('tender.askPlaceholder')} />
              </Form.Item>
              <Button htmlType="submit" data-testid="ask-button">
                {t('tender.ask')}
              </Button>
            </Form>
          )}
          {tender.myQuestions.length === 0 ? (
            <Empty description={t('tender.noQuestions')} />
          ) : (
            <List
              dataSource={tender.myQuestions}
              data-testid="my-questions"
              renderItem={(q) => (
                <List.Item
                  key={q.id}
                  extra={
                    q.answeredBy ? <Tag color="green">{t('tender.answered')}</Tag> : <Tag>{t('tender.unanswered')}</Tag>
                  }
                >
                  <List.Item.Meta title={q.text} description={formatTime(q.askedAt, lang)} />
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
    </Space>
  );
}
