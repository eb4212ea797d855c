import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';
import { deadlineText } from './format';
import { formatTime } from '../documents/format';

/** 中标/结果通知书: the supplier's letters; the winner's links its transaction certificate. */
export default function LettersPage() {
  const { t, lang } = useI18n();
  const { data, loading } = useLoader(async () => (await api.GET('/api/award-letters')).data?.items ?? []);
  return (
    <Card title={t('letters.title')}>
      <List
        loading={loading}
        dataSource={data ?? []}
        locale={{ emptyText: <Empty description={t('letters.empty')} /> }}
        data-testid="award-letters"
        renderItem={(l) => (
          <List.Item key={l.id} data-testid="award-letter">
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Tag color={l.kind === 'award' ? 'gold' : 'default'} data-testid="award-letter-kind">
                  {t(`award.letter.${l.kind}`)}
                </Tag>
                <Typography.Text strong>{l.title}</Typography.Text>
                <Typography.Text type="secondary">{formatTime(l.issuedAt, lang)}</Typography.Text>
              </Space>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{l.body}</Typography.Paragraph>
              <Space wrap>
                {l.certificateNumber && (
                  <Link to={`/verify/certificates/${l.certificateNumber}`} data-testid="award-letter-certificate">
                    {t('letters.certificate', { number: l.certificateNumber })}
                  </Link>
                )}
                {l.challengeBy && (
                  <Link to={`/workspace/lots/${l.lotId}/award`} data-testid="award-letter-challenge">
                    {t('letters.challenge', { time: deadlineText(l.challengeBy, lang) })}
                  </Link>
                )}
              </Space>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
