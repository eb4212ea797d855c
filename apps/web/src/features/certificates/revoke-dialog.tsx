import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { firstReason } from '../../api/errors';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages-zh';
import type { Bundle } from './bundles-table';

const HOLDER_REASONS = ['key_lost', 'key_compromise', 'superseded'] as const;
const STAFF_REASONS = [...HOLDER_REASONS, 'affiliation_changed', 'cessation_of_operation'] as const;
type Reason = (typeof STAFF_REASONS)[number];

/** Asks for the reason and revokes a bundle (holder: three reasons; centre staff and admins: any, with a note). */
export function RevokeDialog(props: { bundle: Bundle | null; staff: boolean; onClose: (changed: boolean) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: Reason; note?: string }>();
  const [busy, setBusy] = useState(false);
  const reasons = props.staff ? STAFF_REASONS : HOLDER_REASONS;
  const submit = async (values: { reason: Reason; note?: string }) => {
    if (!props.bundle) return;
    setBusy(true);
    const { error } = await api.POST('/api/certificates/bundles/{bundleId}/revoke', {
      params: { path: { bundleId: props.bundle.bundleId } },
      body: { reason: values.reason, ...(values.note ? { note: values.note } : {}) },
    });
    setBusy(false);
    if (error) return void message.error(firstReason(error, lang));
    void message.success(t('cert.revoked'));
    form.resetFields();
    props.onClose(true);
  };
  return (
    <Modal
      open={props.bundle !== null}
      title={t('cert.revokeTitle')}
      okText={t('cert.revoke')}
      okButtonProps={{ danger: true, loading: busy }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => props.onClose(false)}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('cert.revokeText')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ reason: 'key_lost' }}>
        <Form.Item name="reason" label={t('cert.reason')} rules={[{ required: true, message: t('login.required') }]}>
          <Select
            options={reasons.map((r) => ({ value: r, label: t(`cert.reason.${r}` as MessageKey) }))}
            data-testid="cert-revoke-reason"
          />
        </Form.Item>
        {props.staff && (
          <Form.Item name="note" label={t('cert.note')}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
