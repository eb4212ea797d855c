import { App, Button, Card, Form, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { showFieldErrors, errorText } from '../../api/errors';
import type { paths } from '../../api/schema';
import { useI18n } from '../../app/i18n';
import { ConflictsCard } from './conflicts-card';
import { CATEGORY_OPTIONS } from './category-options';

type Profile = paths['/api/experts/me/profile']['put']['requestBody']['content']['application/json'];

/** An expert's own profile: title, employer, region and specialties (C1); conflicts are declared below. */
export default function ExpertProfilePage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Profile>();
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    void api.GET('/api/experts/me/profile').then(({ data }) => {
      if (data) form.setFieldsValue({ ...data, employerUscc: data.employerUscc ?? undefined });
      setLoaded(true);
    });
  }, [form]);
  const save = async (body: Profile) => {
    const { error } = await api.PUT('/api/experts/me/profile', {
      body: { ...body, employerUscc: body.employerUscc || undefined },
    });
    if (!error) return void message.success(t('expert.saved'));
    if (!showFieldErrors(form, error, lang, 1)) void message.error(errorText(error, lang));
  };
  const required = [{ required: true, message: t('login.required') }];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('expert.title')} loading={!loaded} className="zc-form-card">
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item name="title" label={t('expert.proTitle')} rules={required}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="employerName" label={t('expert.employer')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="employerUscc" label={t('expert.employerUscc')}>
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item name="region" label={t('expert.region')} rules={required}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="specialties" label={t('expert.specialties')} rules={required}>
            <Select mode="multiple" options={CATEGORY_OPTIONS(lang)} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('expert.save')}
          </Button>
        </Form>
      </Card>
      <ConflictsCard />
    </Space>
  );
}
