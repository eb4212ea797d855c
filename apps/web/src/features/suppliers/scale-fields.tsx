import {
  ENTERPRISE_SCALE_LABELS,
  INDUSTRY_CODES,
  INDUSTRY_SCALE_STANDARDS,
  beijingDateOf,
  classifyEnterpriseScale,
  smeDeclarationText,
  wanToFen,
  type EnterpriseScale,
  type IndustryCode,
  type ScaleClassification,
} from '@zhengcai/domain';
import { Alert, Checkbox, Form, Input, InputNumber, Select, Typography, type FormInstance } from 'antd';
import { useI18n } from '../../app/i18n';

/** What the form holds: amounts as typed, in 万元. */
export interface ProfileFormValues {
  industry?: IndustryCode;
  employees?: number | null;
  revenueWan?: string;
  assetsWan?: string;
}

export interface ProfileBody {
  industry: IndustryCode;
  employees: number | null;
  revenueFen: number | null;
  assetsFen: number | null;
}

/** The request body's profile: 万元 as typed → integer fen (the server derives the scale again). */
export function profileBody(v: ProfileFormValues): ProfileBody | null {
  if (!v.industry) return null;
  const fen = (wan?: string) => (wan === undefined || wan.trim() === '' ? null : wanToFen(wan));
  return {
    industry: v.industry,
    employees: v.employees ?? null,
    revenueFen: fen(v.revenueWan),
    assetsFen: fen(v.assetsWan),
  };
}

export function classify(v: ProfileFormValues | undefined): ScaleClassification | null {
  const body = v ? profileBody(v) : null;
  return body ? classifyEnterpriseScale(body) : null;
}

const WAN = /^\d{1,9}(\.\d{1,6})?$/;

/**
 * Industry and the figures of 工信部联企业〔2011〕300号, with the scale derived live and its working shown; then the
 * SME declaration (财库〔2020〕46号 附件) in the words the server will record, to be confirmed by ticking.
 */
export function ScaleFields({ form, supplierName }: { form: FormInstance; supplierName: string }) {
  const { t, lang } = useI18n();
  const values = Form.useWatch<ProfileFormValues | undefined>('profile', form);
  const industry = values?.industry;
  const uses = industry ? Object.keys(INDUSTRY_SCALE_STANDARDS[industry].sme) : [];
  const result = classify(values);
  const amount = { pattern: WAN, message: t('supplier.wanFormat') };
  return (
    <>
      <Form.Item
        name={['profile', 'industry']}
        label={t('supplier.industry')}
        rules={[{ required: true, message: t('login.required') }]}
      >
        <Select
          data-testid="industry"
          showSearch={{ optionFilterProp: 'label' }}
          options={INDUSTRY_CODES.map((code) => ({ value: code, label: INDUSTRY_SCALE_STANDARDS[code].label[lang] }))}
        />
      </Form.Item>
      {industry && INDUSTRY_SCALE_STANDARDS[industry].scope && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
          {INDUSTRY_SCALE_STANDARDS[industry].scope?.[lang]}
        </Typography.Paragraph>
      )}
      <Form.Item name={['profile', 'employees']} label={t('supplier.employees')} hidden={!uses.includes('employees')}>
        <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} suffix={t('supplier.persons')} />
      </Form.Item>
      <Form.Item
        name={['profile', 'revenueWan']}
        label={t('supplier.revenue')}
        hidden={!uses.includes('revenue')}
        rules={[amount]}
      >
        <Input inputMode="decimal" suffix={t('supplier.wan')} />
      </Form.Item>
      <Form.Item
        name={['profile', 'assetsWan']}
        label={t('supplier.assets')}
        hidden={!uses.includes('assets')}
        rules={[amount]}
      >
        <Input inputMode="decimal" suffix={t('supplier.wan')} />
      </Form.Item>
      {result && (
        <Alert
          data-testid="derived-scale"
          type={result.ok ? 'info' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={
            result.ok
              ? `${t('supplier.derivedScale')}：${ENTERPRISE_SCALE_LABELS[result.scale][lang]}`
              : t('supplier.figuresNeeded')
          }
          description={result.message[lang]}
        />
      )}
      {result?.ok && (
        <DeclarationStep
          text={smeDeclarationText({
            ...(profileBody(values ?? {}) as ProfileBody),
            supplierName: supplierName || '（单位名称）',
            scale: result.scale,
            date: beijingDateOf(new Date()),
          })}
        />
      )}
    </>
  );
}

function DeclarationStep({ text }: { text: string }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Title level={5}>{t('supplier.declaration')}</Typography.Title>
      <pre className="zc-declaration" data-testid="declaration-text">
        {text}
      </pre>
      <Form.Item
        name={['declaration', 'confirmed']}
        valuePropName="checked"
        rules={[
          { validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('supplier.confirmNeeded')))) },
        ]}
      >
        <Checkbox data-testid="declaration-confirm">{t('supplier.confirmDeclaration')}</Checkbox>
      </Form.Item>
    </>
  );
}

export const scaleLabel = (scale: EnterpriseScale, lang: 'zh' | 'en') => ENTERPRISE_SCALE_LABELS[scale][lang];
