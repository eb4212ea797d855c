import { AuditOutlined } from '@ant-design/icons';
import { Button, Card, ConfigProvider, Space } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';

/** For oversight on a project's page: each lot's evaluation, read-only with everything live. */
export function EvaluationLinks({ lots }: { lots: { id: string; number: number }[] }) {
  const { t } = useI18n();
  return (
    <ConfigProvider componentDisabled={false}>
      <Card title={t('eval.oversightLinks')} size="small">
        <Space wrap data-testid="evaluation-links">
          {lots.map((lot) => (
            <Link key={lot.id} to={`/workspace/evaluations/${lot.id}`} data-testid={`evaluation-link-${lot.number}`}>
              <Button icon={<AuditOutlined />}>
                {t('eval.view')} · {t('eval.lotTab', { number: lot.number })}
              </Button>
            </Link>
          ))}
        </Space>
      </Card>
    </ConfigProvider>
  );
}
