import { Descriptions, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { formatTime } from '../documents/format';
import type { DrawItem } from './types';

/** One draw's public facts: kind, state, commitment and snapshot hash, times, plan and pool size. */
export function DrawSummary({ draw }: { draw: DrawItem }) {
  const { t, lang } = useI18n();
  const hash = (value: string, testId: string) => (
    <Typography.Text code copyable={{ text: value }} style={{ wordBreak: 'break-all' }} data-testid={testId}>
      {value}
    </Typography.Text>
  );
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      data-testid={`draw-summary-${draw.state}`}
      title={
        <span>
          {t(draw.supplementOf ? 'draw.kind.supplementary' : 'draw.kind.first')}{' '}
          <Tag color={draw.state === 'drawn' ? 'green' : 'gold'}>{t(`draw.state.${draw.state}`)}</Tag>
        </span>
      }
      items={[
        {
          key: 'commitment',
          label: t('draw.commitment'),
          span: 'filled',
          children: hash(draw.seedCommitment, 'draw-commitment'),
        },
        {
          key: 'hash',
          label: t('draw.snapshotHash'),
          span: 'filled',
          children: hash(draw.poolSnapshotHash, 'draw-snapshot-hash'),
        },
        { key: 'requested', label: t('draw.requestedAt'), children: formatTime(draw.requestedAt, lang) },
        { key: 'drawn', label: t('draw.drawnAt'), children: formatTime(draw.drawnAt, lang) },
        {
          key: 'plan',
          label: t('draw.specialties'),
          children: `${draw.specialties.join('、')} · ${t('draw.plan', { members: draw.members, reserves: draw.reserves })}`,
        },
        {
          key: 'pool',
          label: t('draw.poolLabel'),
          children: t('draw.pool', { pool: draw.poolSize, eligible: draw.eligible }),
        },
      ]}
    />
  );
}
