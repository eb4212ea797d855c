import { Alert, Card, Descriptions, Input, Modal, Result, Space, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { AllScores } from './all-scores';
import { BidFiles, BidPrice, BidStanding } from './bid-cells';
import { ComplianceSection } from './compliance-section';
import { HostEvaluationPanel } from './host-panel';
import { LeaderVote } from './leader-vote';
import { MembersProgress, memberLabel } from './members-progress';
import { ResultsLink, SCORING_AND_AFTER } from './results-link';
import { ScoringGrid } from './scoring-grid';
import { StateTag, methodText } from './state-tag';
import type { EvaluationMember } from './types';
import { lotPath, useEvaluation } from './use-evaluation';

/**
 * A lot's evaluation for a committee member (workspace of 我的评审): the bids, the leader vote, the compliance
 * review and the score sheet; for oversight the same page read-only with everything live; for the host its panel.
 */
export default function EvaluationPage() {
  const { lotId = '' } = useParams();
  const { t, lang } = useI18n();
  const evaluation = useEvaluation(lotId);
  const { view, act, busy } = evaluation;
  const [reopening, setReopening] = useState<EvaluationMember | null>(null);
  const [reason, setReason] = useState('');

  if (view === undefined) return <Spin style={{ display: 'block', margin: 80 }} />;
  if (view === null) return <Result status="404" title={t('common.notFound')} />;
  if (view.viewAs === 'host') {
    return (
      <Card title={`${view.project.code} ${view.project.title} · ${t('eval.lotTab', { number: view.lot.number })}`}>
        <HostEvaluationPanel lotId={lotId} />
      </Card>
    );
  }
  const member = view.viewAs === 'member';
  const started = view.state !== null;
  const scored = view.criteria.some((c) => c.scored);
  const allScoresShown = view.scores.some((s) => s.expertUserId !== view.members.find((m) => m.me)?.userId);

  const reopen = async () => {
    if (!reopening?.userId) return;
    const error = await act(
      () =>
        api.POST('/api/lots/{lotId}/evaluation/scoring/reopen', {
          ...lotPath(lotId),
          body: { expertUserId: reopening.userId ?? '', reason },
        }),
      t('eval.reopenDone'),
    );
    if (!error) {
      setReopening(null);
      setReason('');
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="evaluation-page">
      <Card
        title={`${view.project.code} ${view.project.title} · ${t('eval.lotTab', { number: view.lot.number })} ${view.lot.title}`}
        extra={member && <Link to="/workspace/evaluations">{t('eval.back')}</Link>}
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'stage', label: t('eval.stage'), children: <StateTag view={view} /> },
            { key: 'method', label: t('eval.method'), children: methodText(view.lot.evaluationMethod, t) },
            {
              key: 'leader',
              label: t('eval.leader'),
              children: view.leader ? memberLabel(view.leader, t) : t('eval.noLeader'),
            },
          ]}
        />
        {!member && <Alert type="info" showIcon title={t('eval.readOnly')} style={{ marginTop: 12 }} />}
        <div style={{ marginTop: 12 }}>
          <ResultsLink view={view} />
        </div>
        {view.failureReason && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            title={t('eval.failed')}
            description={view.failureReason[lang]}
            data-testid="evaluation-failed"
          />
        )}
      </Card>

      {started && (
        <Card title={t('eval.bids')}>
          <Table
            size="small"
            rowKey="submissionId"
            pagination={false}
            dataSource={view.bids}
            data-testid="evaluation-bids"
            scroll={{ x: true }}
            columns={[
              { title: t('eval.bidder'), dataIndex: 'bidderName', key: 'bidder' },
              { title: t('eval.price'), key: 'price', render: (_, b) => <BidPrice bid={b} /> },
              { title: t('eval.files'), key: 'files', render: (_, b) => <BidFiles lotId={lotId} bid={b} /> },
              { title: t('eval.standing'), key: 'standing', render: (_, b) => <BidStanding bid={b} /> },
            ]}
          />
        </Card>
      )}

      {started && (
        <Card title={t('eval.leader')} data-testid="leader-card">
          <LeaderVote view={view} act={act} busy={busy} />
        </Card>
      )}

      {view.state !== null && view.state !== 'qualification' && (
        <Card title={t('eval.compliance')} data-testid="compliance-card">
          <ComplianceSection view={view} act={act} busy={busy} />
        </Card>
      )}

      {view.state !== null && SCORING_AND_AFTER.includes(view.state) && (
        <Card title={t('eval.scoring')} data-testid="scoring-card">
          {scored ? (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {member && <ScoringGrid view={view} act={act} busy={busy} />}
              {(allScoresShown || !member) && (
                <>
                  <Typography.Text strong>{t('eval.allScores')}</Typography.Text>
                  <AllScores view={view} />
                </>
              )}
            </Space>
          ) : (
            <Alert type="info" showIcon title={t('eval.noScoring')} />
          )}
        </Card>
      )}

      {started && (
        <Card title={t('eval.progress')}>
          <MembersProgress view={view} {...(view.abilities.reopen ? { onReopen: setReopening } : {})} />
        </Card>
      )}

      <Modal
        open={reopening !== null}
        title={reopening ? t('eval.reopenTitle', { name: memberLabel(reopening, t) }) : ''}
        okText={t('eval.reopen')}
        okButtonProps={{
          danger: true,
          loading: busy,
          disabled: reason.trim().length < 2,
          'data-testid': 'reopen-submit',
        }}
        onOk={() => void reopen()}
        onCancel={() => setReopening(null)}
      >
        <Typography.Paragraph type="secondary">{t('eval.reopenHint')}</Typography.Paragraph>
        <Input.TextArea
          aria-label={t('eval.reopenReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          showCount
          autoSize={{ minRows: 3 }}
          data-testid="reopen-reason"
        />
      </Modal>
    </Space>
  );
}
