import { Alert, Button, Checkbox, Form, Input, Modal, Result, Steps, Typography } from 'antd';
import type { KeyFile } from '@zhengcai/seal';
import { useState } from 'react';
import { errorText } from '../../api/errors';
import type { Me } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { enrolInBrowser, type EnrolStep } from './enrol-in-browser';
import { downloadKeyFile, keyFileName } from './key-store';

const STEPS: EnrolStep[] = ['keys', 'certificate', 'file', 'done'];

interface Values {
  password: string;
  confirm: string;
  keep: boolean;
  revokePrevious: boolean;
}

/** 生成密钥并申请证书: password form, then progress through the four steps, then the key file download. */
export function EnrolWizard(props: { me: Me; open: boolean; hasValid: boolean; onClose: (changed: boolean) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [step, setStep] = useState<EnrolStep | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [file, setFile] = useState<KeyFile | null>(null);
  const running = step !== null && step !== 'done';

  const submit = async (values: Values) => {
    setError(null);
    const outcome = await enrolInBrowser({
      me: props.me,
      password: values.password,
      keep: values.keep,
      revokePrevious: values.revokePrevious,
      onStep: setStep,
    }).catch((e: unknown) => ({ ok: false as const, error: e instanceof Error ? e.message : String(e) }));
    if (!outcome.ok) {
      setStep(null);
      const reason =
        outcome.error === 'ORIGIN_MISMATCH'
          ? t('cert.originMismatch')
          : typeof outcome.error === 'string'
            ? outcome.error
            : errorText(outcome.error, lang);
      setError(t('cert.failed', { reason }));
      return;
    }
    setFile(outcome.file);
    downloadKeyFile(outcome.file);
  };
  const close = () => {
    if (running) return;
    const changed = file !== null;
    form.resetFields();
    setStep(null);
    setFile(null);
    setError(null);
    props.onClose(changed);
  };

  return (
    <Modal
      open={props.open}
      title={t('cert.wizardTitle')}
      onCancel={close}
      closable={!running}
      mask={{ closable: false }}
      footer={null}
      width={560}
      destroyOnHidden
    >
      {step !== null && (
        <Steps
          size="small"
          current={STEPS.indexOf(step)}
          items={STEPS.map((s) => ({ title: t(`cert.step.${s}`) }))}
          style={{ marginBottom: 16 }}
          responsive={false}
          className="zc-cert-steps"
        />
      )}
      {file ? (
        <Result
          status="success"
          title={t('cert.doneTitle')}
          subTitle={t('cert.doneText', { name: keyFileName(file.subject.login) })}
          extra={[
            <Button key="again" onClick={() => downloadKeyFile(file)} data-testid="cert-download-again">
              {t('cert.downloadAgain')}
            </Button>,
            <Button key="ok" type="primary" onClick={close} data-testid="cert-done">
              {t('common.ok')}
            </Button>,
          ]}
          data-testid="cert-done-result"
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('cert.wizardText')}</Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="cert-error" />}
          {step === 'file' && <Alert type="info" showIcon title={t('cert.protecting')} style={{ marginBottom: 16 }} />}
          <Form<Values>
            form={form}
            layout="vertical"
            requiredMark={false}
            disabled={running}
            initialValues={{ keep: true, revokePrevious: false }}
            onFinish={(v) => void submit(v)}
          >
            <Form.Item
              name="password"
              label={t('cert.keyPassword')}
              extra={t('cert.keyPasswordHelp')}
              rules={[
                { required: true, message: t('login.required') },
                { min: 8, message: t('cert.passwordShort') },
              ]}
            >
              <Input.Password autoComplete="new-password" data-testid="cert-password" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={t('cert.keyPasswordConfirm')}
              dependencies={['password']}
              rules={[
                { required: true, message: t('login.required') },
                ({ getFieldValue }) => ({
                  validator: (_, value) =>
                    !value || getFieldValue('password') === value
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('cert.passwordMismatch'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" data-testid="cert-password-confirm" />
            </Form.Item>
            <Form.Item name="keep" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox data-testid="cert-keep">{t('cert.keepInBrowser')}</Checkbox>
            </Form.Item>
            {props.hasValid && (
              <Form.Item name="revokePrevious" valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox>{t('cert.revokePrevious')}</Checkbox>
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" block loading={running} data-testid="cert-start">
              {t('cert.start')}
            </Button>
          </Form>
        </>
      )}
    </Modal>
  );
}
