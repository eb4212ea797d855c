import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  CATEGORY_KIND_LABELS,
  CRITERION_KINDS,
  PROCUREMENT_CATEGORIES,
  PROCUREMENT_METHODS,
  beijingDateOf,
  categoryKind,
  rulesInForce,
  type CategoryKind,
} from '@zhengcai/domain';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { capitalText, yuanToFen } from './format';
import { PriceSheetFieldsEditor } from './price-sheet-fields-editor';
import { newLot, type ProjectValues } from './project-form';

const EVALUATION_OPTIONS = PROCUREMENT_METHODS['open-tender'].evaluationMethods;
const KIND_LABELS = {
  price: { zh: '价格', en: 'Price' },
  technical: { zh: '技术', en: 'Technical' },
  commercial: { zh: '商务', en: 'Commercial' },
  service: { zh: '服务', en: 'Service' },
  other: { zh: '其他', en: 'Other' },
} as const;

/** The amount in capitals under a yuan input, as the notice will print it. */
function Capital({ name }: { name: (string | number)[] }) {
  const value = Form.useWatch<string | null>(['lots', ...name]);
  const fen = yuanToFen(value);
  return fen ? <Typography.Text type="secondary">{capitalText(fen)}</Typography.Text> : null;
}

function CriteriaTotal({ lot }: { lot: number }) {
  const { t } = useI18n();
  const criteria = Form.useWatch<ProjectValues['lots'][number]['criteria'] | undefined>(['lots', lot, 'criteria']);
  const total = (criteria ?? []).reduce((n, c) => n + (Number(c.weight) || 0), 0);
  return (
    <Typography.Text type={Math.abs(total - 100) < 1e-9 ? 'success' : 'danger'}>
      {t('projects.criteriaTotal', { total: Math.round(total * 100) / 100 })}
    </Typography.Text>
  );
}

/** The lots of a project: budget, evaluation method and criteria with weights, SME reservation, deposit. */
/** One of the documents' SME ratios (percent, two decimals); the range is checked at publication. */
function SmePercentField(props: {
  name: [number, string];
  label: string;
  tooltip: string;
  disabled: boolean;
  testId: string;
}) {
  return (
    <Col xs={12} md={6}>
      <Form.Item name={props.name} label={props.label} tooltip={props.tooltip}>
        <InputNumber<number>
          min={0}
          max={100}
          precision={2}
          addonAfter="%"
          style={{ width: '100%' }}
          disabled={props.disabled}
          data-testid={props.testId}
        />
      </Form.Item>
    </Col>
  );
}

export function LotsEditor({ disabled }: { disabled: boolean }) {
  const { t, lang } = useI18n();
  const form = Form.useFormInstance<ProjectValues>();
  const category = Form.useWatch<ProjectValues['category']>('category');
  const categoryOptions = PROCUREMENT_CATEGORIES.filter(
    (c) => c.code.length > 1 && categoryKind(c.code) === category,
  ).map((c) => ({ value: c.code, label: `${c.code} ${c[lang]}` }));
  return (
    <Form.List name="lots">
      {(fields, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          {fields.map((field, i) => (
            <LotCard
              key={field.key}
              index={i}
              disabled={disabled}
              categoryOptions={categoryOptions}
              onRemove={fields.length > 1 ? () => remove(field.name) : null}
            />
          ))}
          {!disabled && (
            <Button
              icon={<PlusOutlined />}
              onClick={() => add(newLot(fields.length + 1, form.getFieldValue(['lots', 0, 'categoryCode']) as string))}
              data-testid="lot-add"
            >
              {t('projects.addLot')}
            </Button>
          )}
          <Typography.Text type="secondary">
            {t('projects.categoryHint', { kind: CATEGORY_KIND_LABELS[category ?? 'goods'][lang] })}
          </Typography.Text>
        </Space>
      )}
    </Form.List>
  );
}

/** The range the rules in force today allow for one of the documents' SME ratios, as the hint shows it. */
function smeRangeToday(category: CategoryKind, id: 'SME_DEDUCTION_SMALL_MICRO' | 'SME_DEDUCTION_CONSORTIUM'): string {
  const range = rulesInForce(beijingDateOf(new Date())).rules[id]?.value[category];
  return range ? `${range.min}%–${range.max}%` : '—';
}

function LotCard({
  index,
  disabled,
  categoryOptions,
  onRemove,
}: {
  index: number;
  disabled: boolean;
  categoryOptions: { value: string; label: string }[];
  onRemove: (() => void) | null;
}) {
  const { t, lang } = useI18n();
  const method = Form.useWatch<string>(['lots', index, 'evaluationMethod']);
  const reserved = Form.useWatch<boolean>(['lots', index, 'smeReserved']);
  const category = Form.useWatch<CategoryKind | undefined>('category') ?? 'goods';
  return (
    <Card
      size="small"
      type="inner"
      title={t('projects.lotN', { n: index + 1 })}
      data-testid={`lot-${index}`}
      extra={
        onRemove && !disabled ? (
          <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove}>
            {t('projects.removeLot')}
          </Button>
        ) : null
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name={[index, 'title']} label={t('projects.lotTitle')} rules={[{ required: true }]}>
            <Input disabled={disabled} data-testid={`lot-${index}-title`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[index, 'categoryCode']} label={t('projects.categoryCode')} rules={[{ required: true }]}>
            <Select
              disabled={disabled}
              options={categoryOptions}
              showSearch
              optionFilterProp="label"
              data-testid={`lot-${index}-category`}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={[index, 'budgetYuan']}
            label={t('projects.budgetYuan')}
            rules={[{ required: true }]}
            extra={<Capital name={[index, 'budgetYuan']} />}
          >
            <InputNumber<string>
              stringMode
              min="0"
              precision={2}
              style={{ width: '100%' }}
              disabled={disabled}
              data-testid={`lot-${index}-budget`}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={[index, 'ceilingYuan']}
            label={t('projects.ceilingYuan')}
            extra={<Capital name={[index, 'ceilingYuan']} />}
          >
            <InputNumber<string> stringMode min="0" precision={2} style={{ width: '100%' }} disabled={disabled} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={[index, 'depositYuan']}
            label={t('projects.depositYuan')}
            extra={<Capital name={[index, 'depositYuan']} />}
            tooltip={t('projects.depositHint')}
          >
            <InputNumber<string>
              stringMode
              min="0"
              precision={2}
              style={{ width: '100%' }}
              disabled={disabled}
              data-testid={`lot-${index}-deposit`}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[index, 'smeReserved']} label={t('projects.smeReserved')} valuePropName="checked">
            <Switch disabled={disabled} data-testid={`lot-${index}-sme`} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[index, 'consortiumAllowed']} label={t('projects.consortium')} valuePropName="checked">
            <Switch disabled={disabled} />
          </Form.Item>
        </Col>
        {!reserved && (
          <>
            <SmePercentField
              name={[index, 'smallMicroPercent']}
              label={t('projects.smallMicroPercent')}
              tooltip={t('projects.smallMicroHint', { range: smeRangeToday(category, 'SME_DEDUCTION_SMALL_MICRO') })}
              disabled={disabled}
              testId={`lot-${index}-small-micro`}
            />
            <SmePercentField
              name={[index, 'consortiumPercent']}
              label={t('projects.consortiumPercent')}
              tooltip={t('projects.consortiumPercentHint', {
                range: smeRangeToday(category, 'SME_DEDUCTION_CONSORTIUM'),
              })}
              disabled={disabled}
              testId={`lot-${index}-consortium-percent`}
            />
          </>
        )}
        <Col xs={24} md={12}>
          <Form.Item name={[index, 'evaluationMethod']} label={t('projects.evaluationMethod')}>
            <Select
              disabled={disabled}
              options={EVALUATION_OPTIONS.map((m) => ({ value: m, label: t(`projects.method.${m}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      {method === 'comprehensive-scoring' && (
        <>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('projects.criteria')} <CriteriaTotal lot={index} />
          </Typography.Title>
          <Form.List name={[index, 'criteria']}>
            {(rows, { add, remove }) => (
              <div className="zc-criteria">
                <Row gutter={8} className="zc-criteria-head">
                  <Col span={5}>{t('projects.criterionKey')}</Col>
                  <Col span={7}>{t('projects.criterionLabel')}</Col>
                  <Col span={4}>{t('projects.criterionKind')}</Col>
                  <Col span={3}>{t('projects.criterionWeight')}</Col>
                  <Col span={3}>{t('projects.criterionMax')}</Col>
                  <Col span={2} />
                </Row>
                {rows.map((row, r) => (
                  <Row gutter={8} key={row.key}>
                    <Col span={5}>
                      <Form.Item name={[row.name, 'key']} rules={[{ required: true }]}>
                        <Input disabled={disabled} />
                      </Form.Item>
                    </Col>
                    <Col span={7}>
                      <Form.Item name={[row.name, 'label']} rules={[{ required: true }]}>
                        <Input disabled={disabled} />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item name={[row.name, 'kind']}>
                        <Select
                          disabled={disabled}
                          options={CRITERION_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k][lang] }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Form.Item name={[row.name, 'weight']}>
                        <InputNumber
                          min={0}
                          max={100}
                          style={{ width: '100%' }}
                          disabled={disabled}
                          data-testid={`lot-${index}-weight-${r}`}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Form.Item name={[row.name, 'maxScore']}>
                        <InputNumber min={0} style={{ width: '100%' }} disabled={disabled} />
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
                    onClick={() =>
                      add({ key: `c${rows.length + 1}`, label: '', kind: 'technical', weight: 0, maxScore: 0 })
                    }
                  >
                    {t('projects.addCriterion')}
                  </Button>
                )}
              </div>
            )}
          </Form.List>
        </>
      )}
      <PriceSheetFieldsEditor lot={index} disabled={disabled} />
    </Card>
  );
}
