import { ENTERPRISE_SCALE_LABELS, formatShare } from '@zhengcai/domain';
import { coSignSealedBid, isSealError } from '@zhengcai/seal';
import { App, Button, Card, Descriptions, Empty, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import type { paths } from '../../api/schema';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages-zh';
import { KeyFilePicker } from './key-file-picker';
import { openSigningKey } from './open-signing-key';

type Request =
  paths['/api/bids/consortium-requests']['get']['responses']['200']['content']['application/json']['items'][number];

const STATE_COLOURS: Record<Request['state'], string> = {
  awaiting_members: 'gold',
  submitted: 'green',
  replaced: 'default',
  withdrawn: 'orange',
  expired: 'default',
  cancelled: 'default',
  uploading: 'blue',
};

/** One consortium bid naming this organisation: what it signs (never a price) and the signature form. */
function RequestCard({ request, onChanged }: { request: Request; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const [keyFile, setKeyFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState('');

  const sign = async ({ password }: { password: string }) => {
    if (!keyFile) return;
    setBusy(true);
    try {
      const keys = await openSigningKey({ file: keyFile, password });
      const signature = await coSignSealedBid({
        statement: request.statement,
        memberOrganisationId: request.myOrganisationId,
        signingKey: keys.signing.privateKey,
      });
      const res = await api.POST('/api/bids/consortium-requests/{id}/sign', {
        params: { path: { id: request.submissionId } },
        body: { signature },
      });
      if (res.error) void message.error(errorText(res.error, lang));
      else void message.success(t(res.data.recorded ? 'consortium.recordedDone' : 'consortium.signedDone'));
      form.resetFields();
      onChanged();
    } catch (error) {
      if (isSealError(error, 'WRONG_KEY_FILE_PASSWORD')) void message.error(t('consortium.wrongPassword'));
      else void message.error(String(error));
    } finally {
      setBusy(false);
    }
  };

  const decline = async () => {
    const res = await api.POST('/api/bids/consortium-requests/{id}/decline', {
      params: { path: { id: request.submissionId } },
      body: { reason },
    });
    if (res.error) void message.error(errorText(res.error, lang));
    else void message.success(t('consortium.declinedDone'));
    onChanged();
  };

  const stateKey = `consortium.state.${request.state}` as MessageKey;
  return (
    <Card
      title={`${request.project.code} ${request.project.title}`}
      extra={<Tag color={STATE_COLOURS[request.state]}>{t(stateKey)}</Tag>}
      className="zc-form-card"
      data-testid={`request-${request.submissionId}`}
    >
      <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
        <Descriptions.Item
          label={t('consortium.lot')}
        >{`${request.lot.number}：${request.lot.title}`}</Descriptions.Item>
        <Descriptions.Item label={t('consortium.deadline')}>
          {request.project.bidDeadline ? new Date(request.project.bidDeadline).toLocaleString() : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('consortium.lead')} span={2}>
          {`${request.lead.name}（${request.lead.uscc}）`}
        </Descriptions.Item>
        <Descriptions.Item label={t('consortium.hash')} span={2}>
          <Typography.Text code style={{ wordBreak: 'break-all' }} data-testid="request-hash">
            {request.ciphertextHash ?? '—'}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Table
        style={{ marginTop: 16 }}
        rowKey="organisationId"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={request.members}
        data-testid="request-members"
        columns={[
          {
            title: t('consortium.members'),
            render: (_, m) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong={m.organisationId === request.myOrganisationId}>{m.name}</Typography.Text>
                <Typography.Text type="secondary">{m.uscc}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('consortium.mode'),
            render: (_, m) => (m.role === 'lead' ? t('consortium.lead') : t('consortium.member')),
          },
          { title: t('consortium.share'), render: (_, m) => formatShare(m.shareBasisPoints) },
          {
            title: t('consortium.scale'),
            responsive: ['md'],
            render: (_, m) => (m.scale ? ENTERPRISE_SCALE_LABELS[m.scale][lang] : '—'),
          },
          {
            title: t('consortium.state'),
            render: (_, m) =>
              m.signedAt ? (
                <Tag color="green">{t('consortium.signed')}</Tag>
              ) : m.declinedAt ? (
                <Tag color="red">{t('consortium.declined')}</Tag>
              ) : (
                <Tag color="gold">{t('consortium.pending')}</Tag>
              ),
          },
        ]}
      />
      {request.abilities.sign ? (
        <Form form={form} layout="vertical" style={{ marginTop: 16 }} onFinish={(v) => void sign(v)} disabled={busy}>
          <Form.Item label={t('consortium.keyFile')} required>
            <KeyFilePicker
              file={keyFile}
              onChange={setKeyFile}
              label={t('consortium.pickKey')}
              testId="request-pick-key"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('consortium.keyPassword')}
            rules={[{ required: true, message: t('consortium.required') }]}
          >
            <Input.Password autoComplete="off" data-testid="request-key-password" />
          </Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit" disabled={!keyFile} loading={busy} data-testid="request-sign">
              {t('consortium.sign')}
            </Button>
            {request.abilities.decline ? (
              <Popconfirm
                title={t('consortium.declineConfirm')}
                description={
                  <Input
                    placeholder={t('consortium.declineReason')}
                    maxLength={500}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    data-testid="request-decline-reason"
                  />
                }
                onConfirm={() => void decline()}
              >
                <Button danger data-testid="request-decline">
                  {t('consortium.decline')}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        </Form>
      ) : null}
      {request.receiptAvailable ? (
        <Button
          style={{ marginTop: 16 }}
          href={`/api/bids/submissions/${request.submissionId}/receipt.pdf`}
          download
          data-testid="request-receipt"
        >
          {t('consortium.receipt')}
        </Button>
      ) : null}
    </Card>
  );
}

/** A supplier's consortium requests (联合体签署): every consortium bid naming its organisation as a member. */
export default function ConsortiumRequestsPage() {
  const { submissionId } = useParams();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [items, setItems] = useState<Request[] | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    void api.GET('/api/bids/consortium-requests').then((res) => {
      if (res.data) setItems(res.data.items);
      else if (res.error) void message.error(errorText(res.error, lang));
    });
  }, [lang, message, version]);
  if (!items) return <Card loading />;
  const shown = submissionId ? items.filter((i) => i.submissionId === submissionId) : items;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('consortium.requestsTitle')}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('consortium.requestsIntro')}
        </Typography.Paragraph>
      </Card>
      {shown.length === 0 ? <Empty description={t('consortium.noRequests')} /> : null}
      {shown.map((r) => (
        <RequestCard key={r.submissionId} request={r} onChanged={reload} />
      ))}
    </Space>
  );
}
