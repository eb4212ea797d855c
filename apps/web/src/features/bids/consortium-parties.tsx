import { formatShare } from '@zhengcai/domain';
import { Space, Tag, Typography } from 'antd';
import type { paths } from '../../api/schema';
import { useI18n } from '../../app/i18n';

export type ConsortiumMember = NonNullable<
  paths['/api/bids/projects/{id}']['get']['responses']['200']['content']['application/json']['submissions'][number]['consortium']
>['members'][number];

/** Each party of a consortium bid: name, role, share and whether it has signed, declined or is still to sign. */
export function ConsortiumPartiesCell({ members }: { members: readonly ConsortiumMember[] }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={2} data-testid="consortium-parties">
      {members.map((m) => (
        <Space key={m.organisationId} size={4} wrap>
          <Typography.Text>{m.name}</Typography.Text>
          <Typography.Text type="secondary">
            {m.role === 'lead' ? t('consortium.lead') : t('consortium.member')} · {formatShare(m.shareBasisPoints)}
          </Typography.Text>
          {m.signedAt ? (
            <Tag color="green">{t('consortium.signed')}</Tag>
          ) : m.declinedAt ? (
            <Tag color="red">{t('consortium.declined')}</Tag>
          ) : (
            <Tag color="gold">{t('consortium.pending')}</Tag>
          )}
        </Space>
      ))}
    </Space>
  );
}
