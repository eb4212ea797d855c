import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row, Select, Switch, Typography } from 'antd';
import { useI18n } from '../../app/i18n';

const FIELD_KINDS = ['text', 'number', 'days'] as const;

/**
 * The extra columns of a lot's price sheet (开标一览表) beyond price and delivery period — e.g. warranty months — that
 * the documents define: each bidder fills them in the sealed bid, and they are read out at the opening.
 */
export function PriceSheetFieldsEditor({ lot, disabled }: { lot: number; disabled: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Title level={5}>{t('projects.priceSheetFields')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('projects.priceSheetFieldsHint')}</Typography.Paragraph>
      <Form.List name={[lot, 'priceSheetFields']}>
        {(rows, { add, remove }) => (
          <div className="zc-criteria" data-testid={`lot-${lot}-sheet-fields`}>
            {rows.length > 0 && (
              <Row gutter={8} className="zc-criteria-head">
                <Col span={5}>{t('projects.criterionKey')}</Col>
                <Col span={9}>{t('projects.fieldLabel')}</Col>
                <Col span={5}>{t('projects.fieldKind')}</Col>
                <Col span={3}>{t('projects.fieldRequired')}</Col>
                <Col span={2} />
              </Row>
            )}
            {rows.map((row, r) => (
              <Row gutter={8} key={row.key}>
                <Col span={5}>
                  <Form.Item name={[row.name, 'key']} rules={[{ required: true, pattern: /^[a-zA-Z][a-zA-Z0-9_]*$/ }]}>
                    <Input disabled={disabled} maxLength={40} data-testid={`lot-${lot}-field-${r}-key`} />
                  </Form.Item>
                </Col>
                <Col span={9}>
                  <Form.Item name={[row.name, 'label']} rules={[{ required: true }]}>
                    <Input disabled={disabled} maxLength={100} data-testid={`lot-${lot}-field-${r}-label`} />
                  </Form.Item>
                </Col>
                <Col span={5}>
                  <Form.Item name={[row.name, 'kind']}>
                    <Select
                      disabled={disabled}
                      data-testid={`lot-${lot}-field-${r}-kind`}
                      options={FIELD_KINDS.map((k) => ({ value: k, label: t(`projects.fieldKind.${k}`) }))}
                    />
                  </Form.Item>
                </Col>
                <Col span={3}>
                  <Form.Item name={[row.name, 'required']} valuePropName="checked">
                    <Switch size="small" disabled={disabled} />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  {!disabled && <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(row.name)} />}
                </Col>
              </Row>
            ))}
            {!disabled && (
              <Button
                size="small"
                icon={<PlusOutlined />}
                disabled={rows.length >= 20}
                onClick={() => add({ key: `f${rows.length + 1}`, label: '', kind: 'text', required: true })}
                data-testid={`lot-${lot}-add-field`}
              >
                {t('projects.addField')}
              </Button>
            )}
          </div>
        )}
      </Form.List>
    </>
  );
}
