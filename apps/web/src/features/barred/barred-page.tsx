import { App, Button, Card, DatePicker, Empty, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { errorText, firstReason, showFieldErrors } from '../../api/errors';
import type { paths } from '../../api/schema';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';
import { formatTime } from '../documents/format';

type Bar = paths['/api/barred']['get']['responses'][200]['content']['application/json']['items'][number];

interface Values {
  uscc: string;
  reason: string;
  decisionReference: string;
  from: { toISOString(): string };
  until?: { toISOString(): string } | null;
}

const loadBars = async (): Promise<Bar[]> => (await api.GET('/api/barred')).data?.items ?? [];

/** The supervisor's list of suppliers barred from government procurement: record a decision, lift one. */
export default function BarredPage() {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { data, loading, reload } = useLoader(loadBars);
  const [lifting, setLifting] = useState<Bar | null>(null);
  const [liftReason, setLiftReason] = useState('');
  const mayDecide = me?.user.role === 'supervisor';

  const add = async (v: Values) => {
    const { error } = await api.POST('/api/barred', {
      body: {
        uscc: v.uscc.trim(),
        reason: v.reason,
        decisionReference: v.decisionReference,
        from: v.from.toISOString(),
        until: v.until ? v.until.toISOString() : null,
      },
    });
    if (error) {
      if (!showFieldErrors(form, error, lang, 1)) void message.error(errorText(error, lang));
      return;
    }
    void message.success(t('barred.saved'));
    form.resetFields();
    reload();
  };
  const lift = async () => {
    if (!lifting) return;
    const { error } = await api.POST('/api/barred/{id}/lift', {
      params: { path: { id: lifting.id } },
      body: { reason: liftReason },
    });
    if (error) return void message.error(firstReason(error, lang));
    setLifting(null);
    setLiftReason('');
    reload();
  };
  const required = [{ required: true, message: t('login.required') }];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {mayDecide && (
        <Card title={t('barred.add')} className="zc-form-card">
          <Form form={form} layout="vertical" onFinish={(v) => void add(v)} data-testid="bar-form">
            <Form.Item name="uscc" label={t('barred.orgUscc')} rules={required}>
              <Input maxLength={18} />
            </Form.Item>
            <Form.Item name="reason" label={t('barred.reason')} rules={required}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
            <Form.Item name="decisionReference" label={t('barred.reference')} rules={required}>
              <Input maxLength={100} />
            </Form.Item>
            <Space wrap>
              <Form.Item name="from" label={t('barred.from')} rules={required}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="until" label={t('barred.until')}>
                <DatePicker />
              </Form.Item>
            </Space>
            <div>
              <Button type="primary" htmlType="submit">
                {t('barred.add')}
              </Button>
            </div>
          </Form>
        </Card>
      )}
      <Card title={t('barred.title')}>
        <Table<Bar>
          rowKey="id"
          loading={loading}
          dataSource={data ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={t('barred.empty')} /> }}
          data-testid="barred-list"
          columns={[
            {
              title: t('barred.org'),
              dataIndex: 'organisationName',
              render: (name: string, b) => (
                <div>
                  <div>{name}</div>
                  <span className="zc-hash">{b.uscc}</span>
                </div>
              ),
            },
            { title: t('barred.reason'), dataIndex: 'reason' },
            { title: t('barred.reference'), dataIndex: 'decisionReference', width: 170 },
            {
              title: t('barred.period'),
              key: 'period',
              render: (_: unknown, b) =>
                `${formatTime(b.from, lang)} — ${b.until ? formatTime(b.until, lang) : t('barred.untilLifted')}`,
            },
            {
              key: 'state',
              width: 160,
              render: (_: unknown, b) =>
                b.liftedAt ? (
                  <Tag>{t('barred.lifted')}</Tag>
                ) : (
                  <Space>
                    {b.active ? <Tag color="red">{t('barred.active')}</Tag> : <Tag>{t('barred.inactive')}</Tag>}
                    {mayDecide && (
                      <Button size="small" onClick={() => setLifting(b)}>
                        {t('barred.lift')}
                      </Button>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <Modal
        open={lifting !== null}
        title={`${t('barred.lift')}：${lifting?.organisationName ?? ''}`}
        onOk={() => void lift()}
        onCancel={() => setLifting(null)}
        okButtonProps={{ disabled: liftReason.trim().length < 2 }}
      >
        <Input.TextArea
          rows={3}
          placeholder={t('barred.liftReason')}
          value={liftReason}
          onChange={(e) => setLiftReason(e.target.value)}
        />
      </Modal>
    </Space>
  );
}
