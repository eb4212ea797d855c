import { beijingDateOf, minimumLegalTimeline, rulesInForce } from '@zhengcai/domain';
import { Button, Card, Checkbox, Col, DatePicker, Form, InputNumber, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../app/i18n';
import { beijingText, toDatePicker, toPicker } from './format';
import type { ProjectValues } from './project-form';

/** The shortest legal timeline if the notice were published now (shared rules from packages/domain). */
function useMinimum(category: ProjectValues['category'] | undefined) {
  return useMemo(() => {
    const now = new Date();
    return minimumLegalTimeline({
      method: 'open-tender',
      category: category ?? 'goods',
      publishedAt: now,
      rules: rulesInForce(beijingDateOf(now)),
    });
  }, [category]);
}

const iso = (v: Date | string | null | undefined) => (v ? new Date(v).toISOString() : null);

/** Timeline pickers in Beijing time, each with the earliest date the law allows for a notice published today. */
export function TimelineCard({ disabled }: { disabled: boolean }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<ProjectValues>();
  const category = Form.useWatch<ProjectValues['category']>('category');
  const exempt = Form.useWatch<boolean>('intentionExempt');
  const minimum = useMinimum(category);
  const earliest = (text: string) => (
    <Typography.Text type="secondary" data-testid="legal-minimum">
      {t('projects.earliest', { date: text })}
    </Typography.Text>
  );
  const useEarliest = () =>
    form.setFieldsValue({
      intentionPublishedOn: exempt ? null : toDatePicker(minimum.intentionPublishedOn ?? null),
      documentsAvailableFrom: null,
      documentsAvailableUntil: toPicker(iso(minimum.documentsAvailableUntil)),
      bidDeadline: toPicker(iso(minimum.bidDeadline)),
    });
  return (
    <Card
      title={t('projects.timeline')}
      extra={
        !disabled && (
          <Button onClick={useEarliest} data-testid="use-earliest">
            {t('projects.useEarliest')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('projects.timelineHint')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="intentionPublishedOn"
            label={t('projects.intention')}
            extra={minimum.intentionPublishedOn && !exempt ? earliest(`≤ ${minimum.intentionPublishedOn}`) : null}
          >
            <DatePicker disabled={disabled || exempt} style={{ width: '100%' }} data-testid="intention" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="intentionExempt" valuePropName="checked" label=" ">
            <Checkbox disabled={disabled}>{t('projects.intentionExempt')}</Checkbox>
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="documentsAvailableFrom" label={t('projects.docsFrom')} extra={t('projects.docsFromHint')}>
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              disabled={disabled}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="documentsAvailableUntil"
            label={t('projects.docsUntil')}
            extra={earliest(beijingText(iso(minimum.documentsAvailableUntil)))}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              disabled={disabled}
              style={{ width: '100%' }}
              data-testid="docs-until"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="bidDeadline"
            label={t('projects.deadline')}
            extra={earliest(beijingText(iso(minimum.bidDeadline)))}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              disabled={disabled}
              style={{ width: '100%' }}
              data-testid="bid-deadline"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="decryptionWindowMinutes" label={t('projects.decryptionWindow')}>
            <InputNumber min={10} max={240} disabled={disabled} addonAfter={t('projects.minutes')} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
