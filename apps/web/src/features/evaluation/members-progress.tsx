import { Button, Space, Table, Tag } from 'antd';
import { useI18n } from '../../app/i18n';
import type { EvaluationMember, EvaluationView } from './types';

/** A member as the caller may name them: their name (members, oversight) or their seat (the host). */
export function memberLabel(m: Pick<EvaluationMember, 'seat' | 'name'>, t: ReturnType<typeof useI18n>['t']): string {
  return m.name ?? t('eval.seatLabel', { seat: m.seat });
}

function Submitted({ at, reopenedAt }: { at: string | null; reopenedAt?: string | null }) {
  const { t } = useI18n();
  if (at) return <Tag color="green">{t('eval.submitted')}</Tag>;
  if (reopenedAt) return <Tag color="orange">{t('eval.reopened')}</Tag>;
  return <Tag>{t('eval.pending')}</Tag>;
}

/** Who has submitted each stage (not what), who voted, the leader; the leader may return submitted scores. */
export function MembersProgress({
  view,
  onReopen,
}: {
  view: EvaluationView;
  onReopen?: (member: EvaluationMember) => void;
}) {
  const { t } = useI18n();
  const scored = view.criteria.some((c) => c.scored);
  return (
    <Table
      size="small"
      rowKey="seat"
      pagination={false}
      dataSource={view.members}
      data-testid="evaluation-progress"
      scroll={{ x: true }}
      columns={[
        {
          title: t('eval.member'),
          key: 'member',
          render: (_, m) => (
            <Space size={4} wrap data-testid={`member-${m.seat}`}>
              {memberLabel(m, t)}
              {m.leader && <Tag color="gold">{t('eval.leaderTag')}</Tag>}
              {m.me && <Tag color="blue">{t('eval.me')}</Tag>}
            </Space>
          ),
        },
        {
          title: t('eval.voteColumn'),
          key: 'voted',
          render: (_, m) => (m.voted ? <Tag>{t('eval.voted')}</Tag> : null),
        },
        {
          title: t('eval.complianceSubmitted'),
          key: 'compliance',
          render: (_, m) => <Submitted at={m.compliance.submittedAt} />,
        },
        ...(scored
          ? [
              {
                title: t('eval.scoringSubmitted'),
                key: 'scoring',
                render: (_: unknown, m: EvaluationMember) => (
                  <Space size={4} wrap>
                    <Submitted at={m.scoring.submittedAt} reopenedAt={m.scoring.reopenedAt} />
                    {onReopen && m.scoring.submittedAt && (
                      <Button size="small" onClick={() => onReopen(m)} data-testid={`reopen-${m.seat}`}>
                        {t('eval.reopen')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
