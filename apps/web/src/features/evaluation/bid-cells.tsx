import { Space, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { formatBytes } from '../documents/format';
import type { EvaluationBid } from './types';

/** The bid's price as read out at the opening (唱标), figures and capital. */
export function BidPrice({ bid }: { bid: EvaluationBid }) {
  if (!bid.readOut) return <>—</>;
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text strong>{bid.readOut.priceFigures}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {bid.readOut.priceCapital}
      </Typography.Text>
    </Space>
  );
}

/**
 * The bid's files as the opening decrypted and verified them (name and size), each a download for those who
 * evaluate the lot; the server answers 404 to anyone else.
 */
export function BidFiles({ lotId, bid }: { lotId: string; bid: EvaluationBid }) {
  const { t } = useI18n();
  if (bid.files.length === 0) return <Typography.Text type="secondary">{t('eval.noFiles')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      {bid.files.map((f, index) => (
        <a
          key={`${index}-${f.digest}`}
          href={`/api/lots/${lotId}/evaluation/bids/${bid.submissionId}/files/${index}`}
          download={f.name}
          style={{ fontSize: 12 }}
          data-testid="bid-file"
        >
          {f.name}（{formatBytes(f.size)}）
        </a>
      ))}
    </Space>
  );
}

/** Where the bid stands: the qualification result and, after compliance, whether it passed the reviews. */
export function BidStanding({ bid }: { bid: EvaluationBid }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      {bid.qualification && (
        <Tag color={bid.qualification.passed ? 'green' : 'red'}>
          {t('eval.qualification')}：{bid.qualification.passed ? t('eval.pass') : t('eval.fail')}
        </Tag>
      )}
      {bid.stands !== null && (
        <Tag color={bid.stands ? 'green' : 'red'}>{bid.stands ? t('eval.stands') : t('eval.notStands')}</Tag>
      )}
    </Space>
  );
}
