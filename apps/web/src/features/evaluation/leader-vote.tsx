import { Alert, Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { memberLabel } from './members-progress';
import type { EvaluationView } from './types';
import { lotPath, type useEvaluation } from './use-evaluation';

/** 推选评审组长: the member's vote (changeable until someone is elected) and the elected leader. */
export function LeaderVote({
  view,
  act,
  busy,
}: { view: EvaluationView } & Pick<ReturnType<typeof useEvaluation>, 'act' | 'busy'>) {
  const { t } = useI18n();
  const me = view.members.find((m) => m.me);
  const mine = view.votes.find((v) => v.voterUserId === me?.userId)?.candidateUserId ?? null;
  const [choice, setChoice] = useState<string | null>(null);
  const nameOf = (userId: string | null) => {
    const m = view.members.find((x) => x.userId === userId);
    return m ? memberLabel(m, t) : '';
  };
  if (view.leader) {
    return (
      <Alert
        type="success"
        showIcon
        title={t('eval.elected', { name: memberLabel(view.leader, t) })}
        data-testid="leader-elected"
      />
    );
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('eval.voteHint')}</Typography.Text>
      {mine && <Typography.Text data-testid="my-vote">{t('eval.myVote', { name: nameOf(mine) })}</Typography.Text>}
      {view.abilities.vote && (
        <Space wrap>
          <Select
            style={{ minWidth: 200 }}
            value={choice ?? mine ?? undefined}
            onChange={setChoice}
            options={view.members.map((m) => ({ value: m.userId ?? '', label: memberLabel(m, t) }))}
            data-testid="leader-candidate"
          />
          <Button
            type="primary"
            loading={busy}
            disabled={!(choice ?? mine)}
            onClick={() =>
              void act(() =>
                api.PUT('/api/lots/{lotId}/evaluation/leader-vote', {
                  ...lotPath(view.lotId),
                  body: { candidateUserId: choice ?? mine ?? '' },
                }),
              )
            }
            data-testid="leader-vote"
          >
            {t('eval.voteFor')}
          </Button>
        </Space>
      )}
    </Space>
  );
}
