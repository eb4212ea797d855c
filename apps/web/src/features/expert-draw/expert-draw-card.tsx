import { Card, ConfigProvider, Tabs, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { LotDrawPanel } from './lot-draw-panel';

interface Lot {
  id: string;
  number: number;
  title: string;
}

/** 专家抽取 on a published project's page, for its host: one panel per lot. */
export function ExpertDrawCard({ lots }: { lots: Lot[] }) {
  const { t } = useI18n();
  return (
    // The published project's page disables its form; this card is its own.
    <ConfigProvider componentDisabled={false}>
      <Card title={t('draw.title')} data-testid="expert-draw-card">
        <Typography.Paragraph type="secondary">{t('draw.intro')}</Typography.Paragraph>
        {lots.length === 1 && lots[0] ? (
          <LotDrawPanel lotId={lots[0].id} />
        ) : (
          <Tabs
            items={lots.map((lot) => ({
              key: lot.id,
              label: t('draw.lotTab', { number: lot.number }),
              children: <LotDrawPanel lotId={lot.id} />,
            }))}
          />
        )}
      </Card>
    </ConfigProvider>
  );
}
