import { App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { showFieldErrors, errorText } from '../../api/errors';
import { useI18n } from '../../app/i18n';

export default function PasswordPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ currentPassword: string; newPassword: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async (body: { currentPassword: string; newPassword: string }) => {
    setBusy(true);
    const { error } = await api.POST('/api/auth/password', { body });
    setBusy(false);
    if (!error) {
      form.resetFields();
      void message.success(t('pw.done'));
      return;
    }
    // A wrong current password belongs next to that field, like every field error.
    if (error.error.code === 'WRONG_PASSWORD') {
      form.setFields([{ name: 'currentPassword', errors: [errorText(error, lang)] }]);
      return;
    }
    if (!showFieldErrors(form, error, lang)) void message.error(errorText(error, lang));
  };
  return (
    <Card title={t('menu.password')} className="zc-form-card">
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} style={{ maxWidth: 400 }}>
        <Form.Item
          name="currentPassword"
          label={t('pw.current')}
          rules={[{ required: true, message: t('login.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('pw.new')}
          extra={t('register.passwordHelp')}
          rules={[{ required: true, message: t('login.required') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('pw.submit')}
        </Button>
      </Form>
    </Card>
  );
}
