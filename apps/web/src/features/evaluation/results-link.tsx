import { FileDoneOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';
import type { EvaluationView } from './types';

/** Scoring and after: where the result is computed, the report fixed and signed (评审结果与评审报告). */
export const SCORING_AND_AFTER: readonly string[] = [
  'scoring',
  'computed',
  'signing',
  'reported',
  'confirmed',
  'published',
];

/** The way from a lot's evaluation to its result panel (/workspace/evaluation-results/:lotId), once there is one. */
export function ResultsLink({ view }: { view: EvaluationView }) {
  const { t } = useI18n();
  if (view.state === null || !SCORING_AND_AFTER.includes(view.state)) return null;
  return (
    <Space wrap>
      <Link to={`/workspace/evaluation-results/${view.lotId}`} data-testid="evaluation-results-link">
        <Button type="primary" icon={<FileDoneOutlined />}>
          {t('eval.results')}
        </Button>
      </Link>
      <Typography.Text type="secondary">{t('eval.resultsHint')}</Typography.Text>
    </Space>
  );
}
