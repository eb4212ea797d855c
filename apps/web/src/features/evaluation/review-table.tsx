import { Button, Input, Radio, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { BidFiles, BidPrice, BidStanding } from './bid-cells';
import type { EvaluationBid } from './types';

export interface Review {
  passed: boolean;
  reason: string | null;
}

/**
 * Pass/fail per bid with a reason when failing: the host's qualification review and a member's compliance review.
 * Each row is saved on its own; `reviewOf` gives the saved review, `editable` whether the caller may change it.
 */
export function ReviewTable({
  lotId,
  bids,
  reviewOf,
  editable,
  busy,
  onSave,
  testId,
}: {
  lotId: string;
  bids: EvaluationBid[];
  reviewOf: (bid: EvaluationBid) => Review | null;
  editable: boolean;
  busy: boolean;
  onSave: (bid: EvaluationBid, review: Review) => Promise<unknown>;
  testId: string;
}) {
  const { t } = useI18n();
  const [drafts, setDrafts] = useState<Record<string, Partial<Review>>>({});
  const draftOf = (bid: EvaluationBid): Partial<Review> => ({ ...reviewOf(bid), ...drafts[bid.submissionId] });
  const edit = (bid: EvaluationBid, change: Partial<Review>) =>
    setDrafts((d) => ({ ...d, [bid.submissionId]: { ...d[bid.submissionId], ...change } }));

  return (
    <Table
      size="small"
      rowKey="submissionId"
      pagination={false}
      dataSource={bids}
      data-testid={testId}
      scroll={{ x: true }}
      columns={[
        {
          title: t('eval.bidder'),
          key: 'bidder',
          render: (_, b) => (
            <Space orientation="vertical" size={2}>
              <Typography.Text strong>{b.bidderName}</Typography.Text>
              <BidStanding bid={b} />
            </Space>
          ),
        },
        { title: t('eval.price'), key: 'price', render: (_, b) => <BidPrice bid={b} /> },
        { title: t('eval.files'), key: 'files', render: (_, b) => <BidFiles lotId={lotId} bid={b} /> },
        {
          title: t('eval.decision'),
          key: 'review',
          width: 360,
          render: (_, b) => {
            const draft = draftOf(b);
            const saved = reviewOf(b);
            if (!editable) {
              if (!saved) return <Typography.Text type="secondary">{t('eval.notReviewed')}</Typography.Text>;
              return (
                <Typography.Text type={saved.passed ? 'success' : 'danger'}>
                  {saved.passed ? t('eval.pass') : t('eval.fail')}
                  {saved.reason ? `：${saved.reason}` : ''}
                </Typography.Text>
              );
            }
            const failing = draft.passed === false;
            const ready = draft.passed === true || (failing && (draft.reason ?? '').trim().length >= 2);
            const dirty = saved?.passed !== draft.passed || (saved?.reason ?? '') !== (draft.reason ?? '');
            return (
              <Space orientation="vertical" style={{ width: '100%' }} data-testid={`review-${b.submissionId}`}>
                <Radio.Group
                  value={draft.passed}
                  onChange={(e) => edit(b, { passed: e.target.value as boolean })}
                  optionType="button"
                  options={[
                    { value: true, label: t('eval.pass') },
                    { value: false, label: t('eval.fail') },
                  ]}
                />
                {failing && (
                  <Input.TextArea
                    autoSize={{ minRows: 1 }}
                    maxLength={500}
                    placeholder={t('eval.reasonPlaceholder')}
                    value={draft.reason ?? ''}
                    status={(draft.reason ?? '').trim().length < 2 ? 'error' : ''}
                    onChange={(e) => edit(b, { reason: e.target.value })}
                    data-testid="review-reason"
                  />
                )}
                <Space>
                  <Button
                    size="small"
                    type={dirty ? 'primary' : 'default'}
                    disabled={!ready || !dirty}
                    loading={busy}
                    onClick={() =>
                      void onSave(b, { passed: draft.passed === true, reason: failing ? (draft.reason ?? '') : null })
                    }
                    data-testid="review-save"
                  >
                    {t('eval.save')}
                  </Button>
                  {saved && !dirty && <Typography.Text type="secondary">{t('eval.saved')}</Typography.Text>}
                </Space>
              </Space>
            );
          },
        },
      ]}
    />
  );
}
