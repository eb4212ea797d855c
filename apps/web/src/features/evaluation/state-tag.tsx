import { Tag } from 'antd';
import type { MessageKey } from '../../app/messages-zh';
import { useI18n } from '../../app/i18n';
import type { EvaluationView } from './types';

const COLOR: Record<string, string> = {
  qualification: 'blue',
  compliance: 'blue',
  scoring: 'gold',
  computed: 'cyan',
  failed: 'red',
};

/** The evaluation's stage, in the reader's language (the server names it). */
export function StateTag({ view }: { view: Pick<EvaluationView, 'state' | 'stateText'> }) {
  const { t, lang } = useI18n();
  if (!view.state || !view.stateText) return <Tag data-testid="evaluation-state">{t('eval.notStarted')}</Tag>;
  return (
    <Tag color={COLOR[view.state] ?? 'green'} data-testid="evaluation-state" data-state={view.state}>
      {view.stateText[lang]}
    </Tag>
  );
}

export function methodText(method: string, t: (key: MessageKey) => string): string {
  if (method === 'comprehensive-scoring') return t('eval.method.comprehensive-scoring');
  if (method === 'lowest-evaluated-price') return t('eval.method.lowest-evaluated-price');
  return t('eval.method.other');
}
