import { Alert, Button, Input, InputNumber, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { ApiError } from '../../api/errors';
import { useI18n } from '../../app/i18n';
import { BidPrice } from './bid-cells';
import type { EvaluationBid, EvaluationCriterion, EvaluationView } from './types';
import { lotPath, type useEvaluation } from './use-evaluation';

type Acts = Pick<ReturnType<typeof useEvaluation>, 'act' | 'busy'>;
type Cell = { score: number | null; reason: string };
const keyOf = (submissionId: string, criterionKey: string) => `${submissionId}|${criterionKey}`;

/** Whether a score is at an extreme of the criterion's scale, where a reason is required. */
const extreme = (c: EvaluationCriterion, score: number | null) =>
  score !== null && (score === 0 || score === c.maxScore);

/**
 * The member's score sheet: standing bids × scored criteria, each cell a score limited to the criterion's range
 * (two decimals) and a reason that becomes required at 0 and at the maximum. Saving sends every filled cell (the
 * server saves all or nothing); submitting saves first. Problems the server names are marked on their cells.
 */
export function ScoringGrid({ view, act, busy }: { view: EvaluationView } & Acts) {
  const { t, lang } = useI18n();
  const me = view.members.find((m) => m.me);
  const criteria = view.criteria.filter((c) => c.scored);
  const bids = view.bids.filter((b) => b.stands);
  const saved = new Map(
    view.scores
      .filter((s) => s.expertUserId === me?.userId)
      .map((s) => [keyOf(s.submissionId, s.criterionKey), { score: s.score, reason: s.reason ?? '' }]),
  );
  const [drafts, setDrafts] = useState<Record<string, Cell>>({});
  const [problems, setProblems] = useState<{ key: string | null; text: string }[]>([]);
  const editable = view.abilities.score;
  const cell = (k: string): Cell => drafts[k] ?? saved.get(k) ?? { score: null, reason: '' };
  const edit = (k: string, change: Partial<Cell>) => setDrafts((d) => ({ ...d, [k]: { ...cell(k), ...change } }));
  const marked = new Set(problems.map((p) => p.key));

  const rows = () =>
    bids.flatMap((b) =>
      criteria.flatMap((c) => {
        const value = cell(keyOf(b.submissionId, c.key));
        return value.score === null
          ? []
          : [{ submissionId: b.submissionId, criterionKey: c.key, score: value.score, reason: value.reason || null }];
      }),
    );
  /** The server's field names, as cells: `body.scores.3.score` (a save) or `scores.<bid>.<criterion>` (a submit). */
  const show = (error: ApiError | null, sent: ReturnType<typeof rows>) => {
    if (!error) return setProblems([]);
    setProblems(
      (error.error.fields ?? []).map((f) => {
        const save = /^body\.scores\.(\d+)\./.exec(f.field);
        const sentRow = save ? sent[Number(save[1])] : undefined;
        const submit = /^scores\.([^.]+)\.(.+)$/.exec(f.field);
        const key = sentRow
          ? keyOf(sentRow.submissionId, sentRow.criterionKey)
          : submit
            ? keyOf(submit[1] ?? '', submit[2] ?? '')
            : null;
        return { key, text: f.reason[lang] };
      }),
    );
  };
  const save = async () => {
    const sent = rows();
    if (sent.length === 0) return null;
    const error = await act(() =>
      api.PUT('/api/lots/{lotId}/evaluation/scores', { ...lotPath(view.lotId), body: { scores: sent } }),
    );
    show(error, sent);
    if (!error) setDrafts({});
    return error;
  };
  const submit = async () => {
    if (Object.keys(drafts).length > 0 && (await save())) return;
    const error = await act(
      () => api.POST('/api/lots/{lotId}/evaluation/scoring/submit', lotPath(view.lotId)),
      t('eval.scoresSubmitted'),
    );
    show(error, []);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {editable && <Typography.Text type="secondary">{t('eval.scoringHint')}</Typography.Text>}
      <Table
        size="small"
        rowKey="submissionId"
        pagination={false}
        dataSource={bids}
        data-testid="scoring-grid"
        scroll={{ x: true }}
        columns={[
          {
            title: t('eval.bidder'),
            key: 'bidder',
            fixed: 'left',
            render: (_: unknown, b: EvaluationBid) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{b.bidderName}</Typography.Text>
                <BidPrice bid={b} />
              </Space>
            ),
          },
          ...criteria.map((c) => ({
            title: t('eval.criterion', { label: c.label, max: c.maxScore }),
            key: c.key,
            width: 220,
            render: (_: unknown, b: EvaluationBid) => {
              const k = keyOf(b.submissionId, c.key);
              const value = cell(k);
              const needsReason = extreme(c, value.score) && value.reason.trim() === '';
              if (!editable) {
                return value.score === null ? '—' : `${value.score}${value.reason ? `（${value.reason}）` : ''}`;
              }
              return (
                <Space
                  orientation="vertical"
                  size={4}
                  style={{ width: '100%' }}
                  data-testid={`score-${b.submissionId}-${c.key}`}
                >
                  <InputNumber
                    min={0}
                    max={c.maxScore}
                    step={0.5}
                    precision={2}
                    value={value.score}
                    status={marked.has(k) ? 'error' : ''}
                    onChange={(v) => edit(k, { score: typeof v === 'number' ? v : null })}
                    style={{ width: '100%' }}
                    data-testid="score-input"
                  />
                  <Input
                    size="small"
                    maxLength={1000}
                    placeholder={needsReason ? t('eval.reasonRequired') : t('eval.scoreReason')}
                    status={needsReason ? 'error' : ''}
                    value={value.reason}
                    onChange={(e) => edit(k, { reason: e.target.value })}
                    data-testid="score-reason"
                  />
                </Space>
              );
            },
          })),
        ]}
      />
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="scoring-problems"
          title={problems.map((p, i) => (
            <div key={i}>{p.text}</div>
          ))}
        />
      )}
      {editable && (
        <Space wrap>
          <Button onClick={() => void save()} loading={busy} data-testid="scores-save">
            {t('eval.saveScores')}
          </Button>
          {view.abilities.submitScoring ? (
            <Popconfirm title={t('eval.submitScoresConfirm')} onConfirm={() => void submit()}>
              <Button type="primary" loading={busy} data-testid="scores-submit">
                {t('eval.submitScores')}
              </Button>
            </Popconfirm>
          ) : (
            <Typography.Text type="warning">{t('eval.voteHint')}</Typography.Text>
          )}
        </Space>
      )}
    </Space>
  );
}
