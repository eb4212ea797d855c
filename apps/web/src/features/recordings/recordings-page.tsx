import { Button, Card, Empty, List, Select, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';
import { HallRecorder } from './hall-recorder';
import { RecordingPlayback } from './recording-playback';

const HOSTS = ['agency', 'purchaser'];

const loadTenders = async () =>
  (await api.GET('/api/notices', { params: { query: { kind: 'tender', limit: 100 } } })).data?.items ?? [];

/** Picks a lot from the published tenders. */
function LotPicker() {
  const { t } = useI18n();
  const { data: notices, loading } = useLoader(loadTenders);
  const [noticeId, setNoticeId] = useState<string | null>(null);
  const loadLots = useCallback(
    async () =>
      noticeId ? ((await api.GET('/api/notices/{id}', { params: { path: { id: noticeId } } })).data?.lots ?? []) : [],
    [noticeId],
  );
  const { data: lots } = useLoader(loadLots);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('recordings.pickIntro')}</Typography.Paragraph>
      <Select
        data-testid="recordings-project"
        showSearch={{ optionFilterProp: 'label' }}
        loading={loading}
        style={{ width: '100%', maxWidth: 640 }}
        placeholder={t('recordings.pickProject')}
        value={noticeId}
        onChange={setNoticeId}
        notFoundContent={<Empty description={t('recordings.noNotices')} />}
        options={(notices ?? []).map((n) => ({ value: n.id, label: `${n.project.code} ${n.project.title}` }))}
      />
      {noticeId && (
        <List
          dataSource={lots ?? []}
          renderItem={(lot) => (
            <List.Item>
              <Link to={`/workspace/recordings/${lot.id}`}>
                {t('recordings.lot', { number: lot.number, title: lot.title })}
              </Link>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}

/** The recordings of a lot's opening: the recorder for the host, the playback for oversight. */
export default function RecordingsPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const { lotId } = useParams();
  const role = me?.user.role ?? '';
  if (!lotId) {
    return (
      <Card title={t('recordings.title')}>
        <LotPicker />
      </Card>
    );
  }
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/workspace/recordings">
        <Button type="link" style={{ paddingInline: 0 }}>
          {t('recordings.back')}
        </Button>
      </Link>
      {HOSTS.includes(role) && <HallRecorder lotId={lotId} />}
      {me?.abilities.watchRecordings && <RecordingPlayback lotId={lotId} />}
    </Space>
  );
}
