import { App, Button, Form, Input, Modal, Select, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { showFieldErrors, errorText, type ApiError } from '../../api/errors';
import type { paths } from '../../api/schema';
import { useI18n } from '../../app/i18n';

type OrgBody = paths['/api/admin/organisations']['post']['requestBody']['content']['application/json'];
type UserBody = paths['/api/admin/users']['post']['requestBody']['content']['application/json'];
const KINDS = ['purchaser', 'agency', 'centre', 'supplier', 'supervisor', 'finance'] as const;
const ROLES = ['purchaser', 'agency', 'centre', 'supplier', 'expert', 'supervisor', 'finance', 'admin'] as const;

/**
 * The submit handler both create dialogs share: send, show the server's field errors on the form (or a message),
 * and on success close, clear and tell the page.
 */
function useCreateSubmit<T>(
  form: FormInstance<T>,
  send: (body: T) => Promise<{ error?: ApiError }>,
  close: () => void,
  onCreated: () => void,
) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  return async (body: T) => {
    const { error } = await send(body);
    if (error) {
      if (!showFieldErrors(form, error, lang)) void message.error(errorText(error, lang));
      return;
    }
    void message.success(t('acc.created'));
    close();
    form.resetFields();
    onCreated();
  };
}

export function CreateOrganisationButton({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<OrgBody>();
  const submit = useCreateSubmit(
    form,
    (body) => api.POST('/api/admin/organisations', { body: { ...body, uscc: body.uscc || undefined } }),
    () => setOpen(false),
    onCreated,
  );
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('acc.newOrg')}</Button>
      <Modal
        open={open}
        title={t('acc.newOrg')}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
      >
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item name="kind" label={t('acc.kind')} rules={[{ required: true, message: t('login.required') }]}>
            <Select options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('register.orgName')}
            rules={[{ required: true, message: t('login.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="uscc" label={t('register.uscc')}>
            <Input maxLength={18} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function CreateUserButton({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [orgs, setOrgs] = useState<{ value: string; label: string }[]>([]);
  const [form] = Form.useForm<UserBody>();
  useEffect(() => {
    if (!open) return;
    void api
      .GET('/api/organisations', { params: { query: { status: 'active', limit: 200 } } })
      .then(({ data }) =>
        setOrgs((data?.items ?? []).map((o) => ({ value: o.id, label: `${o.name}（${t(`kind.${o.kind}`)}）` }))),
      );
  }, [open, t]);
  const submit = useCreateSubmit(
    form,
    (body) => api.POST('/api/admin/users', { body }),
    () => setOpen(false),
    onCreated,
  );
  const required = [{ required: true, message: t('login.required') }];
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('acc.newUser')}
      </Button>
      <Modal
        open={open}
        title={t('acc.newUser')}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
      >
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item name="role" label={t('acc.role')} rules={required}>
            <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
          </Form.Item>
          <Form.Item name="organisationId" label={t('acc.organisation')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={orgs} />
          </Form.Item>
          <Form.Item name="login" label={t('acc.login')} rules={required}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="displayName" label={t('acc.name')} rules={required}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="password" label={t('acc.password')} extra={t('register.passwordHelp')} rules={required}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
