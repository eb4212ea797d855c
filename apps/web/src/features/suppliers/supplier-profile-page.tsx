import { QUALIFICATION_KIND_CODES, QUALIFICATION_KINDS, fenToWanString } from '@zhengcai/domain';
import { App, Button, Card, DatePicker, Form, Input, Popconfirm, Select, Space, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useCallback, useState } from 'react';
import { api } from '../../api/client';
import { errorText, firstReason, isApiError, showFieldErrors } from '../../api/errors';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useLoader } from '../../app/use-loader';
import { ScaleFields, classify, profileBody, type ProfileFormValues } from './scale-fields';
import { SupplierFileView, type SupplierFile } from './supplier-file';

interface QualificationForm {
  kind: string;
  title: string;
  number: string;
  issuer: string;
  validFrom?: { format(f: string): string } | null;
  validUntil?: { format(f: string): string } | null;
  file?: UploadFile[];
}

/** The supplier's own profile (declared again on each change) and qualification documents (C1). */
export default function SupplierProfilePage() {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const organisationId = me?.organisation?.id ?? '';
  const loader = useCallback(
    async () => (await api.GET('/api/suppliers/{organisationId}', { params: { path: { organisationId } } })).data,
    [organisationId],
  );
  const { data: file, reload } = useLoader(loader);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('supplier.title')} loading={!file}>
        {file && (
          <SupplierFileView
            file={file}
            qualificationAction={(q) =>
              file.abilities.edit && !q.withdrawnAt ? (
                <Popconfirm
                  title={`${t('supplier.qWithdraw')}：${q.title}？`}
                  onConfirm={async () => {
                    const { error } = await api.DELETE('/api/suppliers/{organisationId}/qualifications/{id}', {
                      params: { path: { organisationId, id: q.id } },
                    });
                    if (error) void message.error(errorText(error, lang));
                    reload();
                  }}
                >
                  <Button size="small" type="link" danger>
                    {t('supplier.qWithdraw')}
                  </Button>
                </Popconfirm>
              ) : null
            }
          />
        )}
      </Card>
      {file?.abilities.edit && <ProfileCard file={file} onSaved={reload} />}
      {file?.abilities.edit && <QualificationCard onAdded={reload} />}
    </Space>
  );
}

function ProfileCard({ file, onSaved }: { file: SupplierFile; onSaved: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ profile: ProfileFormValues; declaration: { confirmed?: boolean } }>();
  const p = file.profile;
  const initial = p
    ? {
        profile: {
          industry: p.industry,
          employees: p.employees,
          ...(p.revenueFen !== null ? { revenueWan: fenToWanString(p.revenueFen) } : {}),
          ...(p.assetsFen !== null ? { assetsWan: fenToWanString(p.assetsFen) } : {}),
        },
        declaration: { confirmed: false },
      }
    : undefined;
  const save = async (values: { profile: ProfileFormValues; declaration: { confirmed?: boolean } }) => {
    const profile = profileBody(values.profile);
    const derived = classify(values.profile);
    if (!profile || !derived?.ok) return;
    const { error } = await api.PUT('/api/suppliers/me/profile', {
      body: {
        profile,
        declaration: { declaredScale: derived.scale, confirmed: values.declaration.confirmed === true },
      },
    });
    if (!error) {
      void message.success(t('supplier.saved'));
      form.setFieldValue(['declaration', 'confirmed'], false);
      return onSaved();
    }
    if (!showFieldErrors(form, error, lang)) void message.error(errorText(error, lang));
  };
  return (
    <Card title={t('supplier.profileCard')} className="zc-form-card">
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v)}>
        <ScaleFields form={form} supplierName={file.name} />
        <Button type="primary" htmlType="submit">
          {t('supplier.save')}
        </Button>
      </Form>
    </Card>
  );
}

function QualificationCard({ onAdded }: { onAdded: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<QualificationForm>();
  const [busy, setBusy] = useState(false);
  const add = async (v: QualificationForm) => {
    const upload = v.file?.[0]?.originFileObj;
    if (!upload) return;
    // Fields first, then the file: the server checks the fields before it stores a byte.
    const body = new FormData();
    body.append('kind', v.kind);
    body.append('title', v.title);
    body.append('number', v.number);
    body.append('issuer', v.issuer);
    if (v.validFrom) body.append('validFrom', v.validFrom.format('YYYY-MM-DD'));
    if (v.validUntil) body.append('validUntil', v.validUntil.format('YYYY-MM-DD'));
    body.append('file', upload, upload.name);
    setBusy(true);
    const { error } = await api.POST('/api/suppliers/me/qualifications', {
      body: body as never,
      bodySerializer: (b: unknown) => b as FormData,
    });
    setBusy(false);
    if (!error) {
      void message.success(t('supplier.qAdded'));
      form.resetFields();
      return onAdded();
    }
    if (!showFieldErrors(form, error, lang, 1)) void message.error(isApiError(error) ? firstReason(error, lang) : '');
  };
  const required = [{ required: true, message: t('login.required') }];
  return (
    <Card title={t('supplier.qAdd')} className="zc-form-card">
      <Form form={form} layout="vertical" onFinish={(v) => void add(v)}>
        <Form.Item name="kind" label={t('supplier.qKind')} rules={required}>
          <Select
            data-testid="q-kind"
            options={QUALIFICATION_KIND_CODES.map((k) => ({ value: k, label: QUALIFICATION_KINDS[k][lang] }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('supplier.qTitle')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="number" label={t('supplier.qNumber')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="issuer" label={t('supplier.qIssuer')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="validFrom" label={t('supplier.qValidFrom')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="validUntil" label={t('supplier.qValidUntil')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="file"
          label={t('supplier.qFile')}
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
          rules={required}
        >
          <Upload beforeUpload={() => false} maxCount={1} accept="application/pdf,image/png,image/jpeg">
            <Button data-testid="q-file">{t('supplier.qFile')}</Button>
          </Upload>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('supplier.qAdd')}
        </Button>
      </Form>
    </Card>
  );
}
