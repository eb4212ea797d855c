import { App, Button, Card, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { errorText, isApiError } from '../../api/errors';
import type { components } from '../../api/schema';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';
import { beijingText, yuanText } from '../projects/format';

type Item = components['schemas']['TransactionCertificateList']['items'][number];

const load = async () => (await api.GET('/api/transaction-certificates')).data?.items ?? [];

/** Revokes with a reason the public page will show (centre staff). */
function RevokeButton({ item, onDone }: { item: Item; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    const { error } = await api.POST('/api/transaction-certificates/{number}/revoke', {
      params: { path: { number: item.number } },
      body: { reason },
    });
    setBusy(false);
    if (error) {
      void message.error(isApiError(error) ? errorText(error, lang) : t('common.error'));
      return;
    }
    setOpen(false);
    onDone();
  };
  return (
    <>
      <Button size="small" danger onClick={() => setOpen(true)} data-testid={`tcert-revoke-${item.number}`}>
        {t('tcert.revoke')}
      </Button>
      <Modal
        open={open}
        title={t('tcert.revokeTitle', { number: item.number })}
        okText={t('tcert.revoke')}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 4, loading: busy }}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
      >
        <Typography.Paragraph type="secondary">{t('tcert.revokeHint')}</Typography.Paragraph>
        <Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}

/** 交易证明书 issued (centre, supervisor, administrator): each opens its public verification page. */
export default function IssuedCertificatesPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const { data, loading, reload } = useLoader(load);
  const mayRevoke = me?.abilities.revokeTransactionCertificates ?? false;
  return (
    <Card title={t('menu.transactionCertificates')}>
      <Table<Item>
        rowKey="number"
        loading={loading}
        dataSource={data ?? []}
        scroll={{ x: 900 }}
        data-testid="tcert-list"
        columns={[
          {
            title: t('tcert.number'),
            dataIndex: 'number',
            render: (n: string) => (
              <Link to={`/verify/certificates/${n}`} className="zc-hash">
                {n}
              </Link>
            ),
          },
          {
            title: t('tcert.project'),
            render: (_: unknown, i) =>
              `${i.projectCode} ${i.projectTitle} · ${t('tcert.lotText', { number: i.lotNumber, title: i.lotTitle })}`,
          },
          { title: t('tcert.winner'), dataIndex: 'winnerName' },
          {
            title: t('tcert.amount'),
            dataIndex: 'contractAmountFen',
            align: 'right',
            render: (v: number) => yuanText(v),
          },
          { title: t('tcert.issuedAt'), dataIndex: 'issuedAt', render: (v: string) => beijingText(v) },
          {
            title: t('tcert.status'),
            dataIndex: 'status',
            render: (s: Item['status']) =>
              s === 'valid' ? <Tag color="green">{t('tcert.valid')}</Tag> : <Tag color="red">{t('tcert.revoked')}</Tag>,
          },
          ...(mayRevoke
            ? [
                {
                  title: '',
                  render: (_: unknown, i: Item) =>
                    i.status === 'valid' ? <RevokeButton item={i} onDone={reload} /> : null,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
