import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { formatShare, percentToBasisPoints, validateConsortium, type Bilingual } from '@zhengcai/domain';
import { Alert, Button, Form, Input, Radio, Space, Typography, type FormInstance } from 'antd';
import { useI18n } from '../../app/i18n';
import type { ConsortiumInput } from './submit-sealed-bid';

/** What the consortium part of a lot's bid form holds. */
export interface ConsortiumFormValues {
  mode?: 'solo' | 'joint';
  leadShare?: string;
  members?: Array<{ uscc?: string; share?: string }>;
}

const shareRule = (message: string) => ({
  validator: (_: unknown, value: string | undefined) =>
    !value || percentToBasisPoints(value) !== null ? Promise.resolve() : Promise.reject(new Error(message)),
});

/**
 * The consortium as the form holds it, checked by the same rules as the server (packages/domain): the caller's
 * organisation is the lead. Returns the API input, or the first problem in both languages.
 */
export function consortiumFromForm(
  values: ConsortiumFormValues,
  ownUscc: string,
): { ok: true; consortium: ConsortiumInput | undefined } | { ok: false; message: Bilingual } {
  if (values.mode !== 'joint') return { ok: true, consortium: undefined };
  const members = [
    { uscc: ownUscc, role: 'lead' as const, shareBasisPoints: percentToBasisPoints(values.leadShare ?? '') ?? 0 },
    ...(values.members ?? []).map((m) => ({
      uscc: (m.uscc ?? '').trim().toUpperCase(),
      role: 'member' as const,
      shareBasisPoints: percentToBasisPoints(m.share ?? '') ?? 0,
    })),
  ];
  const [problem] = validateConsortium(members, ownUscc);
  return problem ? { ok: false, message: problem.message } : { ok: true, consortium: { members } };
}

/** 独立投标 / 联合体投标, and for a consortium the lead (this organisation) and the members with their shares. */
export function ConsortiumMembersField(props: {
  form: FormInstance;
  allowed: boolean;
  own: { name: string; uscc: string | null };
}) {
  const { t } = useI18n();
  const mode = Form.useWatch<ConsortiumFormValues['mode']>('mode', props.form) ?? 'solo';
  const leadShare = Form.useWatch<string | undefined>('leadShare', props.form);
  const members = Form.useWatch<ConsortiumFormValues['members']>('members', props.form);
  if (!props.allowed) {
    return (
      <Typography.Paragraph type="secondary" data-testid="consortium-not-accepted">
        {t('consortium.notAccepted')}
      </Typography.Paragraph>
    );
  }
  const sum = [leadShare, ...(members ?? []).map((m) => m?.share)].reduce(
    (n, v) => n + (percentToBasisPoints(v ?? '') ?? 0),
    0,
  );
  const required = [{ required: true, message: t('consortium.required') }];
  return (
    <>
      <Form.Item name="mode" label={t('consortium.mode')} initialValue="solo">
        <Radio.Group
          optionType="button"
          data-testid="bid-mode"
          options={[
            { value: 'solo', label: t('consortium.solo') },
            { value: 'joint', label: t('consortium.joint') },
          ]}
        />
      </Form.Item>
      {mode === 'joint' ? (
        <div className="zc-consortium" data-testid="consortium-members">
          <Typography.Text strong>{t('consortium.members')}</Typography.Text>
          <Alert type="info" showIcon style={{ margin: '8px 0 12px' }} title={t('consortium.membersHint')} />
          <Space wrap align="start" style={{ display: 'flex' }}>
            <Form.Item label={`${t('consortium.lead')}（${t('consortium.ownOrganisation')}）`}>
              <Space orientation="vertical" size={0} style={{ width: 320 }} data-testid="lead-organisation">
                <Typography.Text>{props.own.name}</Typography.Text>
                <Typography.Text type="secondary">{props.own.uscc ?? ''}</Typography.Text>
              </Space>
            </Form.Item>
            <Form.Item
              name="leadShare"
              label={t('consortium.share')}
              rules={[...required, shareRule(t('consortium.shareInvalid'))]}
            >
              <Input inputMode="decimal" style={{ width: 120 }} data-testid="lead-share" suffix="%" />
            </Form.Item>
          </Space>
          <Form.List name="members" initialValue={[{}]}>
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Space key={field.key} wrap align="start" style={{ display: 'flex' }} data-testid={`member-${index}`}>
                    <Form.Item
                      name={[field.name, 'uscc']}
                      label={`${t('consortium.member')} ${index + 1} · ${t('consortium.uscc')}`}
                      rules={required}
                    >
                      <Input maxLength={18} style={{ width: 320 }} data-testid="member-uscc" />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'share']}
                      label={t('consortium.share')}
                      rules={[...required, shareRule(t('consortium.shareInvalid'))]}
                    >
                      <Input inputMode="decimal" style={{ width: 120 }} data-testid="member-share" suffix="%" />
                    </Form.Item>
                    {fields.length > 1 ? (
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('consortium.remove')}
                        style={{ marginTop: 30 }}
                      />
                    ) : null}
                  </Space>
                ))}
                <Space wrap style={{ marginBottom: 16 }}>
                  <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="add-member">
                    {t('consortium.addMember')}
                  </Button>
                  <Typography.Text type={sum === 10_000 ? 'success' : 'warning'} data-testid="share-sum">
                    {t('consortium.sum', { sum: formatShare(sum) })}
                  </Typography.Text>
                </Space>
              </>
            )}
          </Form.List>
        </div>
      ) : null}
    </>
  );
}
