import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';
import { formatTime } from '../documents/format';
import type { DrawRecord } from './types';

const loadDraws = async (): Promise<DrawRecord[]> => (await api.GET('/api/expert-draws')).data?.items ?? [];

/** 专家抽取记录 (supervisor, centre): every draw, newest first, each with its verification page. */
export default function DrawRecordsPage() {
  const { t, lang } = useI18n();
  const { data, loading } = useLoader(loadDraws);
  return (
    <Card title={t('records.title')}>
      <Table<DrawRecord>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('records.empty') }}
        data-testid="draw-records"
        columns={[
          {
            title: t('records.project'),
            key: 'project',
            width: 320,
            render: (_, d) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{d.project.code}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {d.project.title}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('records.lot'), key: 'lot', render: (_, d) => t('draw.lotTab', { number: d.lot.number }) },
          {
            title: t('draw.status'),
            key: 'state',
            render: (_, d) => (
              <>
                <Tag>{t(d.supplementOf ? 'draw.kind.supplementary' : 'draw.kind.first')}</Tag>
                <Tag color={d.state === 'drawn' ? 'green' : 'gold'}>{t(`draw.state.${d.state}`)}</Tag>
              </>
            ),
          },
          { title: t('draw.requestedAt'), key: 'requestedAt', render: (_, d) => formatTime(d.requestedAt, lang) },
          { title: t('draw.drawnAt'), key: 'drawnAt', render: (_, d) => formatTime(d.drawnAt, lang) },
          {
            title: '',
            key: 'open',
            fixed: 'right',
            render: (_, d) => (
              <Link to={`/workspace/expert-draws/${d.id}`}>
                <Button type="link" data-testid={`draw-open-${d.lot.number}`}>
                  {t('records.open')}
                </Button>
              </Link>
            ),
          },
        ]}
      />
    </Card>
  );
}
