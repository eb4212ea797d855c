import { PaperClipOutlined } from '@ant-design/icons';
import { Empty, List, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { formatBytes, formatTime } from './format';
import type { Clarification } from './types';

/** Clarifications as every supplier that obtained the documents sees them (never who asked). */
export function ClarificationList({ items }: { items: Clarification[] }) {
  const { t, lang } = useI18n();
  if (items.length === 0) return <Empty description={t('tender.noClarifications')} />;
  return (
    <List
      dataSource={items}
      data-testid="clarifications"
      renderItem={(c) => (
        <List.Item key={c.id}>
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Text type="secondary">
                {t('tender.publishedAt')} {formatTime(c.publishedAt, lang)}
              </Typography.Text>
              {c.affectsPreparation && <Tag color="gold">{t('tender.affects')}</Tag>}
              {c.deadline.cause !== 'none' && (
                <Tag color="orange">
                  {t('tender.deadlineMoved')}: {formatTime(c.deadline.deadline, lang)}
                </Tag>
              )}
            </Space>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{c.text}</Typography.Paragraph>
            {c.attachment && (
              <a href={`/api/clarifications/${c.id}/file`} download>
                <PaperClipOutlined /> {c.attachment.fileName}（{formatBytes(c.attachment.sizeBytes)}）
              </a>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}
