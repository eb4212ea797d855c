import { App, Button, Col, Form, InputNumber, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { errorText, showFieldErrors } from '../../api/errors';
import { useI18n } from '../../app/i18n';
import { CATEGORY_OPTIONS } from '../experts/category-options';
import type { Committee } from './types';

interface Values {
  specialties: string[];
  members: number;
  reserves: number;
  purchaserRepresentatives: number;
  includeRegions: string[];
  excludeRegions: string[];
  recentDrawDays: number;
}

/**
 * The host's draw request, with the server's defaults filled in (the lot's category, 5 or 7 experts, 2 reserves,
 * 30 days). Rendered without a <form> element: it sits inside the project page's form.
 */
export function DrawRequestForm({ committee, onDone }: { committee: Committee; onDone: (c: Committee) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const { defaults } = committee;

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    const { data, error } = await api.POST('/api/expert-draws', { body: { lotId: committee.lot.id, ...values } });
    setBusy(false);
    if (error) {
      showFieldErrors(form, error, lang, 1);
      void message.error(errorText(error, lang), 8);
      return;
    }
    void message.success(t('draw.requested'));
    onDone(data);
  };

  return (
    <Form<Values>
      form={form}
      component={false}
      layout="vertical"
      initialValues={{ ...defaults, includeRegions: [], excludeRegions: [] }}
    >
      <Typography.Paragraph type="secondary">{t('draw.requestHint')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="specialties" label={t('draw.specialties')} rules={[{ required: true }]}>
            <Select mode="multiple" options={CATEGORY_OPTIONS(lang)} data-testid="draw-specialties" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item
            name="members"
            label={t('draw.members')}
            tooltip={t('draw.membersHelp')}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={25} style={{ width: '100%' }} data-testid="draw-members" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="reserves" label={t('draw.reserves')} rules={[{ required: true }]}>
            <InputNumber min={0} max={20} style={{ width: '100%' }} data-testid="draw-reserves" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item
            name="purchaserRepresentatives"
            label={t('draw.purchaserReps')}
            tooltip={t('draw.purchaserRepsHelp')}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} max={10} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={9}>
          <Form.Item name="includeRegions" label={t('draw.includeRegions')}>
            <Select mode="tags" open={false} placeholder={t('draw.regionsPlaceholder')} suffixIcon={null} />
          </Form.Item>
        </Col>
        <Col xs={24} md={9}>
          <Form.Item name="excludeRegions" label={t('draw.excludeRegions')}>
            <Select mode="tags" open={false} placeholder={t('draw.regionsPlaceholder')} suffixIcon={null} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="recentDrawDays"
            label={t('draw.recentDays')}
            tooltip={t('draw.recentDaysHelp')}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} max={3660} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" onClick={() => void submit()} loading={busy} data-testid="draw-request">
        {t('draw.request')}
      </Button>
    </Form>
  );
}
