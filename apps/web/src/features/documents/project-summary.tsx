import { Alert, Descriptions, Space, Tag } from 'antd';
import { useI18n } from '../../app/i18n';
import { formatTime, formatYuan, ruleSource } from './format';
import type { ProjectSummary } from './types';

/** The project's key facts and its current deadline, with every move of the deadline explained. */
export function ProjectSummaryCard({ project }: { project: ProjectSummary }) {
  const { t, lang } = useI18n();
  const moved = project.deadlineMoves.length > 0;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
        <Descriptions.Item label={t('tender.code')}>{project.code}</Descriptions.Item>
        <Descriptions.Item label={t('tender.name')}>{project.title}</Descriptions.Item>
        <Descriptions.Item label={t('tender.purchaser')}>{project.purchaserName}</Descriptions.Item>
        <Descriptions.Item label={t('tender.agency')}>{project.agencyName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('tender.lots')} span={2}>
          {project.lots.map((lot) => (
            <div key={lot.number}>
              {lot.number}. {lot.title}（{t('tender.budget')} {formatYuan(lot.budgetFen)}）
            </div>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('tender.window')}>
          {formatTime(project.documentsAvailableFrom, lang)} — {formatTime(project.documentsAvailableUntil, lang)}
        </Descriptions.Item>
        <Descriptions.Item label={t('tender.deadline')}>
          <span data-testid="deadline" style={{ fontWeight: 600 }}>
            {formatTime(project.bidDeadline, lang)}
          </span>
          {moved && (
            <Tag color="orange" style={{ marginInlineStart: 8 }}>
              {t('tender.deadlineMoved')}
            </Tag>
          )}
        </Descriptions.Item>
      </Descriptions>
      {project.deadlineMoves.map((m) => (
        <Alert
          key={m.clarificationId}
          type="warning"
          showIcon
          data-testid="deadline-move"
          title={t('tender.deadlineMoved')}
          description={t(m.cause === 'rule' ? 'tender.movedByRule' : 'tender.movedExplicit', {
            previous: formatTime(m.previous, lang),
            deadline: formatTime(m.deadline, lang),
            at: formatTime(m.at, lang),
            rule: ruleSource(m.ruleId, lang),
          })}
        />
      ))}
    </Space>
  );
}
