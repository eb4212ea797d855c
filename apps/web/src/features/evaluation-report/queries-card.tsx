import { formatFen, parseYuan } from '@zhengcai/domain';
import { App, Button, Card, Empty, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { errorText, type ApiError } from '../../api/errors';
import { useI18n } from '../../app/i18n';
import { formatTime } from '../documents/format';
import { parsePriceLines, questionOf } from './query-forms';
import type { QueryItem, ResultDocument, ResultsView } from './types';

const STATE_COLOR: Record<QueryItem['state'], string> = {
  open: 'processing',
  answered: 'warning',
  confirmed: 'success',
  refused: 'error',
  lapsed: 'error',
  accepted: 'success',
  rejected: 'error',
};

/** 向投标人澄清: the questions of the lot; the leader opens corrections, asks for explanations and records decisions. */
export function QueriesCard(props: { view: ResultsView; doc: ResultDocument | null; onChange: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { view, doc } = props;
  const lotId = view.lotId;
  const may = (a: ResultsView['actions'][number]) => view.actions.includes(a);
  const [modal, setModal] = useState<'correction' | 'explanation' | null>(null);
  const [deciding, setDeciding] = useState<{ query: QueryItem; decision: 'accepted' | 'rejected' } | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ submissionId: string; bodyTotal?: string; lines?: string; question?: string }>();
  const [reason, setReason] = useState('');

  const bidders = (doc?.bids ?? []).map((b) => ({ value: b.submissionId, label: b.bidderName }));
  const flagged = new Set((doc?.abnormallyLow ?? []).filter((f) => f.flagged).map((f) => f.bidId));
  const nameOf = (id: string) => doc?.bids.find((b) => b.submissionId === id)?.bidderName ?? id.slice(0, 8);

  const done = (error: ApiError | undefined, ok: string) => {
    setBusy(false);
    if (error) {
      void message.error(error.error.fields?.[0]?.reason[lang] ?? errorText(error, lang), 8);
      return false;
    }
    void message.success(ok);
    props.onChange();
    return true;
  };

  const submitQuery = async () => {
    const v = await form.validateFields();
    let body;
    if (modal === 'correction') {
      const parsed = parsePriceLines(v.lines ?? '');
      if (!parsed.ok) {
        void message.error(t('evalResult.linesInvalid', { line: parsed.line }));
        return;
      }
      const total = v.bodyTotal?.trim() ? parseYuan(v.bodyTotal) : null;
      if (total && !total.ok) {
        void message.error(total.message[lang]);
        return;
      }
      body = {
        kind: 'arithmetic_correction' as const,
        submissionId: v.submissionId,
        ...(parsed.lines.length ? { lines: parsed.lines } : {}),
        ...(total?.ok ? { bodyTotalFen: total.fen } : {}),
      };
    } else {
      body = { kind: 'abnormal_price' as const, submissionId: v.submissionId, question: v.question ?? '' };
    }
    setBusy(true);
    const { error } = await api.POST('/api/lots/{lotId}/evaluation/queries', { params: { path: { lotId } }, body });
    if (done(error, t('evalResult.asked'))) {
      setModal(null);
      form.resetFields();
    }
  };

  const decide = async () => {
    if (!deciding) return;
    setBusy(true);
    const { error } = await api.POST('/api/lots/{lotId}/evaluation/queries/{queryId}/decision', {
      params: { path: { lotId, queryId: deciding.query.id } },
      body: { decision: deciding.decision, reason },
    });
    if (done(error, t('evalResult.decided'))) {
      setDeciding(null);
      setReason('');
    }
  };

  const open = (kind: 'correction' | 'explanation') => {
    form.resetFields();
    if (kind === 'explanation') form.setFieldsValue({ question: t('evalResult.questionDefault') });
    setModal(kind);
  };

  return (
    <Card
      title={t('evalResult.queries')}
      size="small"
      data-testid="eval-queries"
      extra={
        <Space wrap>
          {may('open_correction') ? (
            <Button size="small" onClick={() => open('correction')} data-testid="eval-open-correction">
              {t('evalResult.openCorrection')}
            </Button>
          ) : null}
          {may('ask_explanation') && flagged.size > 0 ? (
            <Button size="small" danger onClick={() => open('explanation')} data-testid="eval-ask-explanation">
              {t('evalResult.askExplanation')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <List
        dataSource={view.queries}
        locale={{ emptyText: <Empty description={t('evalResult.noQueries')} /> }}
        renderItem={(q) => (
          <List.Item key={q.id} data-testid="eval-query">
            <Space orientation="vertical" style={{ width: '100%' }} size={2}>
              <Space wrap>
                <Typography.Text strong>{nameOf(q.submissionId)}</Typography.Text>
                <Tag>{t(`evalResult.kind.${q.kind}`)}</Tag>
                <Tag color={STATE_COLOR[q.state]} data-testid="eval-query-state">
                  {t(`evalResult.qstate.${q.state}`)}
                </Tag>
                <Typography.Text type="secondary">
                  {t('evalResult.respondBy')} {formatTime(q.respondBy, lang)}
                </Typography.Text>
              </Space>
              {q.kind === 'arithmetic_correction' ? (
                <Typography.Text>
                  {t('evalResult.correction', {
                    from: formatFen(Number(q.request.originalFen)),
                    to: formatFen(Number(q.request.correctedFen)),
                  })}
                </Typography.Text>
              ) : (
                <Typography.Text>{questionOf(q.request)}</Typography.Text>
              )}
              {q.answer ? (
                <Typography.Text>
                  {t('evalResult.answer')}：{q.answer}
                </Typography.Text>
              ) : null}
              {q.decisionReason ? (
                <Typography.Text>
                  {t('evalResult.decisionReason')}：{q.decisionReason}
                </Typography.Text>
              ) : null}
              {may('decide') && q.kind === 'abnormal_price' && q.state === 'answered' ? (
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setDeciding({ query: q, decision: 'accepted' })}
                    data-testid="eval-accept"
                  >
                    {t('evalResult.accept')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    onClick={() => setDeciding({ query: q, decision: 'rejected' })}
                    data-testid="eval-reject"
                  >
                    {t('evalResult.reject')}
                  </Button>
                </Space>
              ) : null}
            </Space>
          </List.Item>
        )}
      />
      <Modal
        open={modal !== null}
        title={modal === 'correction' ? t('evalResult.openCorrection') : t('evalResult.askExplanation')}
        onCancel={() => setModal(null)}
        onOk={() => void submitQuery()}
        confirmLoading={busy}
        okButtonProps={{ 'data-testid': 'eval-query-submit' }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="submissionId" label={t('evalResult.bid')} rules={[{ required: true }]}>
            <Select
              data-testid="eval-query-bid"
              options={modal === 'explanation' ? bidders.filter((b) => flagged.has(b.value)) : bidders}
            />
          </Form.Item>
          {modal === 'correction' ? (
            <>
              <Form.Item name="bodyTotal" label={t('evalResult.bodyTotal')}>
                <Input data-testid="eval-query-body-total" />
              </Form.Item>
              <Form.Item name="lines" label={t('evalResult.lines')} extra={t('evalResult.linesHelp')}>
                <Input.TextArea rows={4} data-testid="eval-query-lines" placeholder="教学计算机 | 6,234.56 | 100" />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="question" label={t('evalResult.question')} rules={[{ required: true, min: 2 }]}>
              <Input.TextArea rows={4} data-testid="eval-query-question" />
            </Form.Item>
          )}
        </Form>
      </Modal>
      <Modal
        open={deciding !== null}
        title={deciding?.decision === 'accepted' ? t('evalResult.accept') : t('evalResult.reject')}
        onCancel={() => setDeciding(null)}
        onOk={() => void decide()}
        confirmLoading={busy}
        okButtonProps={{ disabled: reason.trim().length < 2, 'data-testid': 'eval-decide-submit' }}
      >
        <Typography.Paragraph>{deciding?.query.answer}</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          placeholder={t('evalResult.decisionReasonLabel')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="eval-decide-reason"
        />
      </Modal>
    </Card>
  );
}
