import { UploadOutlined } from '@ant-design/icons';
import { signChallenge } from '@zhengcai/seal';
import { Alert, Button, Form, Input, Radio, Select, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { useI18n } from '../../app/i18n';
import { KeyStoreError, keyStore, keyStoreErrorText, type StoredKey } from './key-store';

interface Values {
  source: 'stored' | 'upload';
  storedId?: string;
  password: string;
}

/**
 * 证书登录: open the key (kept in this browser or uploaded) with its password, sign the server's login challenge
 * with the signing key, and send the signature naming the certificate by its public key. A wrong password is caught
 * here, before anything is sent. `onLoggedIn` runs after the session cookie is set.
 */
export function CertificateLogin(props: { onLoggedIn: () => Promise<void> }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [stored, setStored] = useState<StoredKey[] | null>(null);
  const [upload, setUpload] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const source = Form.useWatch('source', form);

  useEffect(() => {
    void keyStore.list().then((keys) => {
      setStored(keys);
      form.setFieldsValue(keys[0] ? { source: 'stored', storedId: keys[0].id } : { source: 'upload' });
    });
  }, [form]);

  const submit = async (values: Values) => {
    setError(null);
    if (values.source === 'upload' && !upload) return setError(t('login.chooseFile'));
    setBusy(true);
    try {
      const opened = await keyStore.open(
        values.source === 'stored' ? { storedId: values.storedId ?? '' } : { file: upload ?? '' },
        values.password,
      );
      const started = await api.POST('/api/auth/certificate/challenge');
      if (started.error) return setError(errorText(started.error, lang));
      const { challenge, challengeId } = started.data;
      if (challenge.origin !== window.location.origin) return setError(t('cert.originMismatch'));
      const signature = await signChallenge(opened.keys.suite, opened.keys.signing.privateKey, challenge);
      const { error: refused } = await api.POST('/api/auth/certificate/login', {
        body: { challengeId, signature, publicKey: opened.keys.signing.publicKey },
      });
      if (refused) return setError(errorText(refused, lang));
      await props.onLoggedIn();
    } catch (e) {
      setError(e instanceof KeyStoreError ? keyStoreErrorText(e, lang) : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="cert-login-error" />
      )}
      <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)}>
        <Form.Item name="source" label={t('login.keySource')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'stored', label: t('login.keyStored'), disabled: !stored?.length },
              { value: 'upload', label: t('login.keyUpload') },
            ]}
          />
        </Form.Item>
        {source === 'stored' ? (
          <Form.Item
            name="storedId"
            label={t('login.pickKey')}
            rules={[{ required: true, message: t('login.required') }]}
          >
            <Select
              data-testid="cert-login-stored"
              options={(stored ?? []).map((k) => ({
                value: k.id,
                label: `${t('login.keyFor', { login: k.login })} · ${new Date(k.createdAt).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en')}`,
              }))}
            />
          </Form.Item>
        ) : (
          <Form.Item label={t('login.chooseFile')} required>
            {stored !== null && stored.length === 0 && (
              <div className="ant-form-item-extra" style={{ marginBottom: 8 }}>
                {t('login.noStoredKey')}
              </div>
            )}
            <Upload
              accept=".json,application/json"
              maxCount={1}
              beforeUpload={(file) => {
                setUpload(file);
                return false;
              }}
              onRemove={() => setUpload(null)}
              fileList={upload ? [{ uid: '1', name: upload.name, status: 'done' }] : []}
            >
              <Button icon={<UploadOutlined />} data-testid="cert-login-upload">
                {t('login.chooseFile')}
              </Button>
            </Upload>
          </Form.Item>
        )}
        <Form.Item
          name="password"
          label={t('login.keyPassword')}
          rules={[{ required: true, message: t('login.required') }]}
        >
          <Input.Password autoComplete="off" data-testid="cert-login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="cert-login-submit">
          {busy ? t('login.opening') : t('login.certificateSubmit')}
        </Button>
      </Form>
    </>
  );
}
