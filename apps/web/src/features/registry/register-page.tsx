import { Alert, Button, Card, Checkbox, Divider, Form, Input, Result } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { errorText, showFieldErrors, type ApiError } from '../../api/errors';
import type { paths } from '../../api/schema';
import { useI18n } from '../../app/i18n';

import { ScaleFields, classify, profileBody, type ProfileFormValues } from '../suppliers/scale-fields';

type Body = paths['/api/registrations/suppliers']['post']['requestBody']['content']['application/json'];
/** The form's values: the profile's amounts as typed in 万元, the declaration as a tick. */
type FormValues = Omit<Body, 'profile' | 'declaration'> & {
  profile: ProfileFormValues;
  declaration: { confirmed?: boolean };
};

/** Supplier self-registration (C1); the server checks the credit code and says exactly what is wrong. */
export function RegisterPage() {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const orgName = Form.useWatch(['organisation', 'name'], form) ?? '';
  const [done, setDone] = useState(false);
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: FormValues) => {
    const profile = profileBody(values.profile);
    const derived = classify(values.profile);
    if (!profile || !derived?.ok) return;
    const body: Body = {
      ...values,
      profile,
      declaration: { declaredScale: derived.scale, confirmed: values.declaration.confirmed === true },
    };
    setBusy(true);
    const { error } = await api.POST('/api/registrations/suppliers', { body });
    setBusy(false);
    if (!error) return setDone(true);
    setFormError(showFieldErrors(form, error, lang) ? null : error);
  };
  if (done) {
    return (
      <Result
        status="success"
        title={t('register.doneTitle')}
        subTitle={t('register.doneText')}
        extra={
          <Link to="/">
            <Button>{t('common.back')}</Button>
          </Link>
        }
      />
    );
  }
  const required = [{ required: true, message: t('login.required') }];
  return (
    <Card title={t('register.title')} className="zc-form-card">
      {formError && (
        <Alert
          type="error"
          showIcon
          title={errorText(formError, lang)}
          style={{ marginBottom: 16 }}
          data-testid="register-error"
        />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark>
        <Divider titlePlacement="start">{t('register.organisation')}</Divider>
        <Form.Item name={['organisation', 'name']} label={t('register.orgName')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name={['organisation', 'uscc']}
          label={t('register.uscc')}
          extra={t('register.usccHelp')}
          rules={required}
        >
          <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name={['organisation', 'usccPilot']} valuePropName="checked" extra={t('register.pilotHelp')}>
          <Checkbox data-testid="uscc-pilot">{t('register.pilot')}</Checkbox>
        </Form.Item>
        <Divider titlePlacement="start">{t('register.profile')}</Divider>
        <ScaleFields form={form} supplierName={orgName} />
        <Divider titlePlacement="start">{t('register.account')}</Divider>
        <Form.Item name={['user', 'login']} label={t('register.login')} rules={required}>
          <Input autoComplete="username" maxLength={64} />
        </Form.Item>
        <Form.Item name={['user', 'displayName']} label={t('register.displayName')} rules={required}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name={['user', 'password']}
          label={t('register.password')}
          extra={t('register.passwordHelp')}
          rules={required}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name={['user', 'email']} label={t('register.email')} rules={required}>
          <Input type="email" maxLength={200} />
        </Form.Item>
        <Form.Item name={['user', 'phone']} label={t('register.phone')} rules={required}>
          <Input maxLength={11} inputMode="numeric" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('register.submit')}
        </Button>
      </Form>
    </Card>
  );
}
