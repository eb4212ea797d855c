import {
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Popconfirm,
  Progress,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { formatFen, parseYuan, toChineseCapital } from '@zhengcai/domain';
import { isSealError } from '@zhengcai/seal';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import type { paths } from '../../api/schema';
import { useI18n } from '../../app/i18n';
import { bidText, type BidTextKey } from './bid-text';
import { ConsortiumMembersField, consortiumFromForm, type ConsortiumFormValues } from './consortium-members-field';
import { ConsortiumPartiesCell } from './consortium-parties';
import { HallLink } from '../opening/hall-links';
import { KeyFilePicker } from './key-file-picker';
import { openSigningKey } from './open-signing-key';
import { BidApiError, submitSealedBid, type Progress as SubmitProgress, type SignedReceipt } from './submit-sealed-bid';

type Bidding = paths['/api/bids/projects/{id}']['get']['responses']['200']['content']['application/json'];
type Lot = Bidding['lots'][number];
type Submission = Bidding['submissions'][number];

const STATE_COLOURS: Record<Submission['state'], string> = {
  submitted: 'green',
  replaced: 'default',
  withdrawn: 'orange',
  uploading: 'blue',
  expired: 'default',
  awaiting_members: 'gold',
  cancelled: 'default',
};

function useCountdown(deadline: string | null, serverOffsetMs: number): number | null {
  const [now, setNow] = useState(() => Date.now() + serverOffsetMs);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + serverOffsetMs), 1000);
    return () => clearInterval(timer);
  }, [serverOffsetMs]);
  return deadline ? new Date(deadline).getTime() - now : null;
}

function formatRemaining(ms: number, lang: 'zh' | 'en'): string {
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return lang === 'zh' ? `${d} 天 ${h} 时 ${m} 分 ${sec} 秒` : `${d}d ${h}h ${m}m ${sec}s`;
}

interface LotFormValues extends ConsortiumFormValues {
  price: string;
  delivery: string;
  fields?: Record<string, string>;
  password: string;
}

function LotBidCard(props: {
  projectId: string;
  lot: Lot;
  current: Submission | undefined;
  open: boolean;
  own: Bidding['myOrganisation'];
  onDone: (receipt: SignedReceipt | null) => void;
}) {
  const { lang, t } = useI18n();
  const tx = (k: BidTextKey) => bidText(lang, k);
  const { message } = App.useApp();
  const [form] = Form.useForm<LotFormValues>();
  const price = Form.useWatch('price', form) ?? '';
  const [files, setFiles] = useState<File[]>([]);
  const [keyFile, setKeyFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<SubmitProgress | null>(null);
  const [resuming, setResuming] = useState(false);
  const parsed = price ? parseYuan(price) : null;
  const capital = parsed?.ok ? toChineseCapital(parsed.fen) : '';

  const submit = async (values: LotFormValues) => {
    const amount = parseYuan(values.price);
    if (!amount.ok || !keyFile) return;
    const joint = consortiumFromForm(values, props.own.uscc ?? '');
    if (!joint.ok) {
      void message.error(joint.message[lang]);
      return;
    }
    try {
      const keys = await openSigningKey({ file: keyFile, password: values.password });
      const outcome = await submitSealedBid({
        projectId: props.projectId,
        lotId: props.lot.id,
        sheet: {
          lotId: props.lot.id,
          priceFen: amount.fen,
          priceInWords: toChineseCapital(amount.fen),
          deliveryPeriod: values.delivery,
          fields: values.fields ?? {},
        },
        files,
        keys,
        consortium: joint.consortium,
        onProgress: (p) => {
          setProgress(p);
          if (p.phase !== 'upload') setResuming(false);
        },
        onRetry: () => setResuming(true),
      });
      form.resetFields(['password']);
      if (outcome.kind === 'awaiting') void message.success(t('consortium.awaiting'));
      props.onDone(outcome.kind === 'receipt' ? outcome.receipt : null);
    } catch (error) {
      if (isSealError(error, 'WRONG_KEY_FILE_PASSWORD')) void message.error(tx('wrongPassword'));
      else if (isSealError(error, 'KEY_FILE_CORRUPT')) void message.error(tx('corruptKey'));
      else if (error instanceof BidApiError) void message.error(errorText(error.body, lang));
      else void message.error(String(error));
    } finally {
      setProgress(null);
      setResuming(false);
    }
  };

  const phaseText: Record<SubmitProgress['phase'], string> = {
    start: tx('phaseStart'),
    encrypt: tx('phaseEncrypt'),
    upload: tx('phaseUpload'),
    complete: tx('phaseComplete'),
  };
  const required = [{ required: true, message: tx('required') }];

  return (
    <Card
      title={`${tx('lot')} ${props.lot.number}：${props.lot.title}`}
      extra={props.current ? <Tag color="green">{tx('submitted')}</Tag> : null}
      className="zc-form-card"
      data-testid={`lot-${props.lot.number}`}
    >
      <Typography.Paragraph type="secondary">
        {tx('budget')}：¥{formatFen(props.lot.budgetFen)}
      </Typography.Paragraph>
      {props.current ? (
        <div style={{ marginBottom: 16 }}>
          <HallLink lot={props.lot} />
        </div>
      ) : null}
      <Form form={form} layout="vertical" disabled={!props.open || progress !== null} onFinish={(v) => void submit(v)}>
        <ConsortiumMembersField form={form} allowed={props.lot.consortiumAllowed} own={props.own} />
        <Form.Item
          name="price"
          label={tx('price')}
          rules={[
            ...required,
            {
              validator: (_, value: string) => {
                if (!value) return Promise.resolve();
                const r = parseYuan(value);
                return r.ok ? Promise.resolve() : Promise.reject(new Error(r.message[lang]));
              },
            },
          ]}
          extra={capital ? `${tx('capital')}：${capital}` : ' '}
        >
          <Input inputMode="decimal" placeholder="1234567.89" data-testid="price" />
        </Form.Item>
        <Form.Item name="delivery" label={tx('delivery')} rules={required}>
          <Input maxLength={100} data-testid="delivery" />
        </Form.Item>
        {props.lot.priceSheetFields.map((f) => (
          <Form.Item key={f.key} name={['fields', f.key]} label={f.label} rules={f.required ? required : []}>
            <Input maxLength={200} data-testid={`field-${f.key}`} />
          </Form.Item>
        ))}
        <Form.Item label={tx('files')}>
          <Upload
            multiple
            beforeUpload={(file) => {
              setFiles((list) => [...list.filter((f) => f.name !== file.name), file]);
              return false;
            }}
            onRemove={(file) => setFiles((list) => list.filter((f) => f.name !== file.name))}
            fileList={files.map((f) => ({ uid: f.name, name: `${f.name}（${(f.size / 1048576).toFixed(1)} MB）` }))}
          >
            <Button icon={<UploadOutlined />} data-testid="pick-files">
              {tx('pickFiles')}
            </Button>
          </Upload>
        </Form.Item>
        <Form.Item label={tx('keyFile')} required>
          <KeyFilePicker file={keyFile} onChange={setKeyFile} label={tx('pickKey')} testId="pick-key" />
        </Form.Item>
        <Form.Item name="password" label={tx('keyPassword')} rules={required}>
          <Input.Password autoComplete="off" data-testid="key-password" />
        </Form.Item>
        {progress ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text>{resuming ? tx('resuming') : phaseText[progress.phase]}</Typography.Text>
            <Progress percent={Math.round(progress.fraction * 100)} data-testid="progress" />
          </Space>
        ) : null}
        <Button
          type="primary"
          htmlType="submit"
          disabled={!keyFile || !props.open}
          loading={progress !== null}
          data-testid="submit-bid"
        >
          {props.current ? tx('replace') : tx('submit')}
        </Button>
      </Form>
    </Card>
  );
}

function ReceiptCard({ signed }: { signed: SignedReceipt }) {
  const { lang } = useI18n();
  const tx = (k: BidTextKey) => bidText(lang, k);
  const r = signed.receipt;
  const base = `/api/bids/submissions/${r.submissionId}`;
  return (
    <Card title={tx('receipt')} data-testid="receipt">
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={tx('lot')}>{`${r.lot.number}：${r.lot.title}`}</Descriptions.Item>
        <Descriptions.Item label={tx('hash')}>
          <Typography.Text code style={{ wordBreak: 'break-all' }}>
            {r.ciphertext.hash}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={tx('serverTime')}>{new Date(r.serverTime).toLocaleString()}</Descriptions.Item>
        <Descriptions.Item label={tx('eventSeq')}>{r.eventSeq}</Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginTop: 12 }}>
        <Button href={`${base}/receipt.json`} download data-testid="receipt-json">
          {tx('receiptJson')}
        </Button>
        <Button href={`${base}/receipt.pdf`} download data-testid="receipt-pdf">
          {tx('receiptPdf')}
        </Button>
      </Space>
    </Card>
  );
}

/** A supplier's bid page for one project (C9): per lot the price sheet, files, key, sealing and upload; my bids. */
export default function BidPage() {
  const { projectId = '' } = useParams();
  const { lang, t } = useI18n();
  const tx = (k: BidTextKey) => bidText(lang, k);
  const { message } = App.useApp();
  const [data, setData] = useState<Bidding | null>(null);
  const [offset, setOffset] = useState(0);
  const [receipt, setReceipt] = useState<SignedReceipt | null>(null);

  const [version, setVersion] = useState(0);
  const load = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    void api.GET('/api/bids/projects/{id}', { params: { path: { id: projectId } } }).then((res) => {
      if (res.data) {
        setData(res.data);
        setOffset(new Date(res.data.serverTime).getTime() - Date.now());
      } else if (res.error) void message.error(errorText(res.error, lang));
    });
  }, [projectId, lang, message, version]);

  const remaining = useCountdown(data?.project.bidDeadline ?? null, offset);
  const open = remaining !== null && remaining > 0;
  const lotTitle = useMemo(() => new Map((data?.lots ?? []).map((l) => [l.id, `${l.number}：${l.title}`])), [data]);

  const withdraw = async (id: string) => {
    const res = await api.POST('/api/bids/submissions/{id}/withdraw', { params: { path: { id } } });
    if (res.error) void message.error(errorText(res.error, lang));
    else void message.success(tx('withdrawn'));
    setReceipt(null);
    load();
  };

  if (!data) return <Card loading />;
  const submissions = data.submissions.filter((s) => s.state !== 'uploading');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={`${tx('title')}：${data.project.title}`}>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={tx('projectCode')}>{data.project.code}</Descriptions.Item>
          <Descriptions.Item label={tx('deadline')}>
            {data.project.bidDeadline ? new Date(data.project.bidDeadline).toLocaleString() : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={tx('remaining')}>
            <span data-testid="countdown">
              {remaining === null ? '—' : open ? formatRemaining(remaining, lang) : tx('closed')}
            </span>
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {tx('privacy')}
        </Typography.Paragraph>
      </Card>
      {receipt ? <ReceiptCard signed={receipt} /> : null}
      {data.lots.map((lot) => (
        <LotBidCard
          key={lot.id}
          projectId={data.project.id}
          lot={lot}
          open={open}
          own={data.myOrganisation}
          current={data.submissions.find((s) => s.lotId === lot.id && s.state === 'submitted')}
          onDone={(r) => {
            if (r) setReceipt(r);
            load();
          }}
        />
      ))}
      <Card title={tx('myBids')}>
        <Table<Submission>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: tx('noBids') }}
          dataSource={submissions}
          data-testid="my-bids"
          columns={[
            { title: tx('lot'), responsive: ['sm'], render: (_, s) => lotTitle.get(s.lotId) ?? '' },
            {
              title: tx('state'),
              render: (_, s) => (
                <Space size={4} wrap>
                  <Tag color={STATE_COLOURS[s.state]}>{tx(s.state)}</Tag>
                  {s.consortium ? <Tag color="purple">{t('consortium.tag')}</Tag> : null}
                </Space>
              ),
            },
            {
              title: t('consortium.members'),
              responsive: ['sm'],
              render: (_, s) => (s.consortium ? <ConsortiumPartiesCell members={s.consortium.members} /> : '—'),
            },
            {
              title: tx('submittedAt'),
              render: (_, s) => (s.submittedAt ? new Date(s.submittedAt).toLocaleString() : '—'),
            },
            {
              title: tx('hash'),
              responsive: ['md'],
              render: (_, s) => <Typography.Text code>{(s.ciphertextHash ?? '').slice(0, 16)}…</Typography.Text>,
            },
            {
              title: '',
              render: (_, s) => (
                <Space wrap>
                  {s.state !== 'expired' && s.eventSeq !== null ? (
                    <>
                      <Button size="small" href={`/api/bids/submissions/${s.id}/receipt.json`} download>
                        JSON
                      </Button>
                      <Button size="small" href={`/api/bids/submissions/${s.id}/receipt.pdf`} download>
                        PDF
                      </Button>
                    </>
                  ) : null}
                  {(s.state === 'submitted' || s.state === 'awaiting_members') && open ? (
                    <Popconfirm title={tx('withdrawConfirm')} onConfirm={() => void withdraw(s.id)}>
                      <Button size="small" danger data-testid="withdraw">
                        {tx('withdraw')}
                      </Button>
                    </Popconfirm>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
