import { Card, ConfigProvider, Tabs, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { HostEvaluationPanel } from './host-panel';

interface Lot {
  id: string;
  number: number;
}

/** 评标 on a published project's page, for its host: one panel per lot. */
export function EvaluationCard({ lots }: { lots: Lot[] }) {
  const { t } = useI18n();
  return (
    // The published project's page disables its form; this card is its own.
    <ConfigProvider componentDisabled={false}>
      <Card title={t('eval.cardTitle')} data-testid="evaluation-card">
        <Typography.Paragraph type="secondary">{t('eval.cardIntro')}</Typography.Paragraph>
        {lots.length === 1 && lots[0] ? (
          <HostEvaluationPanel lotId={lots[0].id} />
        ) : (
          <Tabs
            items={lots.map((lot) => ({
              key: lot.id,
              label: t('eval.lotTab', { number: lot.number }),
              children: <HostEvaluationPanel lotId={lot.id} />,
            }))}
          />
        )}
      </Card>
    </ConfigProvider>
  );
}
