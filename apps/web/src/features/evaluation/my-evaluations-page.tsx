import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';
import { StateTag, methodText } from './state-tag';
import type { MyEvaluation } from './types';

const loadMine = async (): Promise<MyEvaluation[]> => (await api.GET('/api/evaluations/mine')).data?.items ?? [];

/** 我的评审: the lots where the expert sits on the committee, with the stage and their own part. */
export default function MyEvaluationsPage() {
  const { t } = useI18n();
  const { data, loading } = useLoader(loadMine);
  return (
    <Card title={t('eval.mine')}>
      <List
        loading={loading}
        dataSource={data ?? []}
        locale={{ emptyText: <Empty description={t('eval.mineEmpty')} /> }}
        data-testid="my-evaluations"
        renderItem={(item) => (
          <List.Item
            key={item.lotId}
            data-testid="my-evaluation"
            actions={[
              <Link key="open" to={`/workspace/evaluations/${item.lotId}`}>
                <Button type="primary" data-testid="my-evaluation-open">
                  {t('eval.open')}
                </Button>
              </Link>,
            ]}
          >
            <Space orientation="vertical" size={4}>
              <Typography.Text strong>
                {item.project.code} {item.project.title}
              </Typography.Text>
              <Space wrap>
                <span>
                  {t('eval.lotTab', { number: item.lot.number })} {item.lot.title}
                </span>
                <StateTag view={item} />
                <Tag>{methodText(item.lot.evaluationMethod, t)}</Tag>
                <Tag>{t('eval.seatLabel', { seat: item.seat })}</Tag>
                {item.leader && <Tag color="gold">{t('eval.leaderTag')}</Tag>}
              </Space>
              {item.state && (
                <Typography.Text type="secondary">
                  {t('eval.mineSubmitted', {
                    compliance: item.submitted.compliance ? t('eval.yes') : t('eval.no'),
                    scoring: item.submitted.scoring ? t('eval.yes') : t('eval.no'),
                  })}
                </Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
