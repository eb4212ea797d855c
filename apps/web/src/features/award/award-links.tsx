import { TrophyOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Space } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';

/** Links to each lot's award page (定标; the page says when the evaluation has not reached the purchaser yet). */
export function AwardLinks({ lots }: { lots: { id: string; number: number }[] }) {
  const { t } = useI18n();
  if (lots.length === 0) return null;
  return (
    <ConfigProvider componentDisabled={false}>
      <Space wrap data-testid="award-links">
        {lots.map((lot) => (
          <Link key={lot.id} to={`/workspace/lots/${lot.id}/award`} data-testid={`award-link-${lot.number}`}>
            <Button icon={<TrophyOutlined />}>{t('award.linkLot', { number: lot.number })}</Button>
          </Link>
        ))}
      </Space>
    </ConfigProvider>
  );
}
