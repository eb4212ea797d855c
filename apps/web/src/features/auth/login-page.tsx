import { Alert, Button, Card, Form, Input, Spin, Tabs } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { errorText, type ApiError } from '../../api/errors';

// The cryptography (packages/seal) loads only when the certificate tab is opened.
const CertificateLogin = lazy(() =>
  import('../certificates/certificate-login').then((m) => ({ default: m.CertificateLogin })),
);

export function LoginPage() {
  const { t, lang } = useI18n();
  const { me, logIn, refresh } = useAuth();
  const navigate = useNavigate();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  if (me) return <Navigate to="/workspace" replace />;
  const submit = async (values: { login: string; password: string }) => {
    setBusy(true);
    const failure = await logIn(values.login, values.password);
    setBusy(false);
    setError(failure);
    if (!failure) void navigate('/workspace');
  };
  const passwordForm = (
    <>
      {error && (
        <Alert
          type="error"
          showIcon
          title={errorText(error, lang)}
          style={{ marginBottom: 16 }}
          data-testid="login-error"
        />
      )}
      <Form
        layout="vertical"
        onFinish={(v: { login: string; password: string }) => void submit(v)}
        requiredMark={false}
      >
        <Form.Item name="login" label={t('login.login')} rules={[{ required: true, message: t('login.required') }]}>
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[{ required: true, message: t('login.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('login.submit')}
        </Button>
      </Form>
    </>
  );
  return (
    <Card title={t('login.title')} className="zc-auth-card">
      <Tabs
        defaultActiveKey="password"
        items={[
          { key: 'password', label: t('login.byPassword'), children: passwordForm },
          {
            key: 'certificate',
            label: t('login.byCertificate'),
            children: (
              <Suspense fallback={<Spin style={{ display: 'block', margin: 24 }} />}>
                <CertificateLogin
                  onLoggedIn={async () => {
                    await refresh();
                    void navigate('/workspace');
                  }}
                />
              </Suspense>
            ),
          },
        ]}
      />
      <div style={{ marginTop: 16, textAlign: 'center' }}>
        <Link to="/register">{t('login.noAccount')}</Link>
      </div>
    </Card>
  );
}
