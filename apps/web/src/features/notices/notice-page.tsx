import { DownloadOutlined, FileOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, List, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import type { paths } from '../../api/schema';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';
import { beijingText, bytesText, capitalText, yuanText } from '../projects/format';
import { NoticeBody } from './notice-body';

type Notice = paths['/api/notices/{id}']['get']['responses'][200]['content']['application/json'];
type Lot = Notice['lots'][number];

/** One published notice for everyone: the text as published, the lots, and the documents with their hashes. */
export default function NoticePage() {
  const { noticeId = '' } = useParams();
  const { t, lang } = useI18n();
  const loader = useCallback(
    async () => (await api.GET('/api/notices/{id}', { params: { path: { id: noticeId } } })).data ?? null,
    [noticeId],
  );
  const { data: notice, loading } = useLoader(loader);
  if (loading && !notice) return <Spin style={{ display: 'block', margin: 80 }} />;
  if (!notice)
    return <Result status="404" title={t('common.notFound')} extra={<Link to="/notices">{t('notices.back')}</Link>} />;
  const p = notice.project;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="notice-title">
          {notice.title}
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('projects.code')}>
            <span className="zc-hash">{p.code}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('projects.purchaser')}>{p.purchaserName}</Descriptions.Item>
          {p.agencyName && <Descriptions.Item label={t('projects.agency')}>{p.agencyName}</Descriptions.Item>}
          <Descriptions.Item label={t('projects.budget')}>
            {yuanText(p.budgetFen)}（{capitalText(p.budgetFen)}）
          </Descriptions.Item>
          <Descriptions.Item label={t('notices.publishedAt')}>{beijingText(notice.publishedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('projects.docsWindow')}>
            {beijingText(p.documentsAvailableFrom)} — {beijingText(p.documentsAvailableUntil)}
          </Descriptions.Item>
          <Descriptions.Item label={t('projects.deadline')}>
            <Typography.Text strong>{beijingText(p.bidDeadline)}</Typography.Text> {t('notices.beijing')}
          </Descriptions.Item>
        </Descriptions>
        {notice.documentsObtainable && (
          <Link to={`/workspace/tenders/${p.id}`} style={{ display: 'inline-block', marginTop: 12 }}>
            <Button type="primary" size="large" icon={<DownloadOutlined />} data-testid="obtain-documents">
              {t('notices.obtain')}
            </Button>
          </Link>
        )}
      </Card>

      <Card title={t('projects.lotsTitle')}>
        <Table<Lot>
          rowKey="id"
          dataSource={notice.lots}
          pagination={false}
          scroll={{ x: 720 }}
          data-testid="notice-lots"
          columns={[
            { title: t('notices.lotNo'), dataIndex: 'number', width: 70 },
            { title: t('projects.lotTitle'), dataIndex: 'title' },
            {
              title: t('projects.categoryCode'),
              render: (_: unknown, l) => `${l.categoryCode} ${l.categoryName[lang]}`,
            },
            { title: t('projects.budget'), dataIndex: 'budgetFen', align: 'right', render: (v: number) => yuanText(v) },
            {
              title: t('projects.ceilingYuan'),
              dataIndex: 'ceilingPriceFen',
              align: 'right',
              render: (v: number | null) => yuanText(v),
            },
            {
              title: t('projects.depositYuan'),
              dataIndex: 'depositFen',
              align: 'right',
              render: (v: number | null) => (v ? yuanText(v) : t('notices.noDeposit')),
            },
            {
              title: t('projects.smeReserved'),
              dataIndex: 'smeReserved',
              render: (v: boolean) => (v ? <Tag color="blue">{t('notices.smeYes')}</Tag> : t('notices.no')),
            },
            {
              title: t('projects.consortium'),
              dataIndex: 'consortiumAllowed',
              render: (v: boolean) => (v ? t('notices.yes') : t('notices.no')),
            },
          ]}
        />
      </Card>

      <Card title={t('projects.documents')}>
        <List
          dataSource={notice.documents}
          renderItem={(d) => (
            <List.Item data-testid="notice-document">
              <List.Item.Meta
                avatar={<FileOutlined />}
                title={d.fileName}
                description={
                  <>
                    {bytesText(d.sizeBytes)} · SHA-256{' '}
                    <Typography.Text className="zc-hash" copyable={{ text: d.sha256 }}>
                      {d.sha256}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
        <Typography.Text type="secondary">{t('notices.documentsHint')}</Typography.Text>
      </Card>

      <Card title={t('notices.text')}>
        <NoticeBody body={notice.body} />
      </Card>
    </Space>
  );
}
