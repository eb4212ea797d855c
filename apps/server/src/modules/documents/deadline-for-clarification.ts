import {
  beijingDateOf,
  clarificationRule,
  moveDeadlineForClarification,
  rulesInForce,
  type Bilingual,
} from '@zhengcai/domain';
import { AppError, fieldError } from '../../platform/errors/app-error';
import type { ProjectRow } from './repo';

export interface DeadlineDecision {
  cause: 'none' | 'rule' | 'explicit';
  previous: Date;
  deadline: Date;
  ruleId: string | null;
  /** Why it moved by rule (the rule and the new deadline named), for the notice and the notifications. */
  message: Bilingual | null;
}

/**
 * The deadline after a clarification published `at`: refused after the deadline; moved by the project's
 * clarification rule (87号令 第二十七条, via packages/domain) when it may affect bid preparation and comes too late;
 * or moved explicitly by the agency, never earlier than the rule demands. The rules are those in force on the day
 * the notice was published (B4).
 */
export function deadlineForClarification(
  project: ProjectRow,
  at: Date,
  affectsPreparation: boolean,
  explicit: Date | null,
): DeadlineDecision {
  const previous = project.bidDeadline;
  if (!previous) throw new AppError('INVALID_STATE', { state: 'no-deadline' });
  const after = () =>
    new AppError('AFTER_BID_DEADLINE', {
      deadline: previous.toISOString(),
      actZh: '发布澄清或者修改',
      actEn: 'publish a clarification',
    });
  if (at >= previous) throw after();
  if (explicit && explicit <= previous) {
    throw fieldError(
      'body.newDeadline',
      '新的截止时间须晚于当前截止时间',
      'The new deadline must be after the current one',
    );
  }
  const rule = affectsPreparation
    ? clarificationRule(rulesInForce(beijingDateOf(project.publishedAt ?? at)), project.method, project.category)
    : null;
  const move = rule ? moveDeadlineForClarification(previous, at, rule) : null;
  if (move && !move.ok) throw after();
  if (move?.moved && explicit && explicit < move.deadline) {
    throw new AppError('DEADLINE_BREAKS_RULE', { detailZh: move.message.zh, detailEn: move.message.en });
  }
  if (explicit) return { cause: 'explicit', previous, deadline: explicit, ruleId: rule?.id ?? null, message: null };
  if (move?.moved)
    return { cause: 'rule', previous, deadline: move.deadline, ruleId: move.ruleId, message: move.message };
  return { cause: 'none', previous, deadline: previous, ruleId: null, message: null };
}
