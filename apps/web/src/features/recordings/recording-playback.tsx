import { PlayCircleOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';
import { formatBytes, formatTime } from '../documents/format';

type Recording = components['schemas']['Recording'];

/** A recording's chunks with their hashes and the log entries that hold them. */
function ChunkHashes({ id }: { id: string }) {
  const { t } = useI18n();
  const load = useCallback(
    async () => (await api.GET('/api/recordings/{id}', { params: { path: { id } } })).data?.chunks ?? [],
    [id],
  );
  const { data, loading } = useLoader(load);
  return (
    <Table
      size="small"
      rowKey="seq"
      loading={loading}
      dataSource={data ?? []}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('playback.seq'), dataIndex: 'seq', width: 64, render: (seq: number) => seq + 1 },
        { title: t('playback.size'), dataIndex: 'size', width: 100, render: (n: number) => formatBytes(n) },
        {
          title: 'SHA-256',
          dataIndex: 'sha256',
          render: (hash: string) => (
            <Typography.Text code copyable={{ text: hash }} style={{ fontSize: 12 }}>
              {hash.slice(0, 24)}…
            </Typography.Text>
          ),
        },
        { title: t('playback.event'), dataIndex: 'eventSeq', width: 90, render: (seq: number) => `#${seq}` },
      ]}
    />
  );
}

/**
 * A lot's recordings of the opening, for supervisors, the trading centre and administrators (the server answers
 * "not found" to anyone else): the list, a player for the one chosen (its chunks concatenated by the server), and
 * the hash of each chunk to check against the evidence log.
 */
export function RecordingPlayback({ lotId }: { lotId: string }) {
  const { t, lang } = useI18n();
  const load = useCallback(
    async () => (await api.GET('/api/recordings', { params: { query: { lotId } } })).data?.items ?? [],
    [lotId],
  );
  const { data, loading } = useLoader(load);
  const [playing, setPlaying] = useState<Recording | null>(null);

  return (
    <Card title={t('playback.title')} data-testid="recording-playback">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Table<Recording>
          rowKey="id"
          loading={loading}
          dataSource={data ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('playback.empty')} /> }}
          columns={[
            { title: t('playback.startedAt'), dataIndex: 'startedAt', render: (v: string) => formatTime(v, lang) },
            {
              title: t('playback.stoppedAt'),
              dataIndex: 'stoppedAt',
              render: (v: string | null) => formatTime(v, lang),
            },
            { title: t('playback.host'), dataIndex: 'hostName' },
            { title: t('playback.chunks'), dataIndex: 'chunkCount' },
            { title: t('playback.size'), dataIndex: 'totalBytes', render: (n: number) => formatBytes(n) },
            {
              title: t('playback.state'),
              dataIndex: 'state',
              render: (state: Recording['state']) =>
                state === 'recording' ? (
                  <Tag color="red">{t('playback.recording')}</Tag>
                ) : (
                  <Tag>{t('playback.stopped')}</Tag>
                ),
            },
            {
              key: 'play',
              render: (_: unknown, r: Recording) => (
                <Button
                  icon={<PlayCircleOutlined />}
                  disabled={r.chunkCount === 0}
                  onClick={() => setPlaying(r)}
                  data-testid="recording-play"
                >
                  {t('playback.play')}
                </Button>
              ),
            },
          ]}
        />
        {playing && (
          <Space orientation="vertical" style={{ width: '100%' }} key={playing.id}>
            <video
              controls
              autoPlay
              src={playing.mediaUrl}
              data-testid="recording-video"
              style={{ width: '100%', maxWidth: 720, background: '#000', borderRadius: 8 }}
            />
            <a href={playing.mediaUrl} download={`opening-${playing.lotId}-${playing.id}.webm`}>
              {t('playback.download')}
            </a>
            <Typography.Text strong>{t('playback.hashes')}</Typography.Text>
            <ChunkHashes id={playing.id} />
          </Space>
        )}
      </Space>
    </Card>
  );
}
