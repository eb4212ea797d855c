import { describe, expect, it } from 'vitest';
import { formatBeijing } from '../calendar/civil-date';
import { requireRule, rulesInForce } from '../rules/rules-in-force';
import { clarificationRule, moveDeadlineForClarification } from './move-deadline';

const rules = rulesInForce('2026-03-02');
const openTender = requireRule(rules, 'OPEN_TENDER_CLARIFICATION_NOTICE');

describe('moving the deadline after a late clarification (87号令第二十七条: 至少15日前，不足15日的顺延)', () => {
  it('keeps a deadline 15 days after the clarification', () => {
    expect(
      moveDeadlineForClarification('2026-03-23T09:30:00+08:00', '2026-03-08T16:00:00+08:00', openTender),
    ).toMatchObject({
      ok: true,
      moved: false,
    });
  });

  it('moves a deadline 13 days after the clarification to day 15, same time of day', () => {
    const result = moveDeadlineForClarification('2026-03-23T09:30:00+08:00', '2026-03-10T15:00:00+08:00', openTender);
    if (!result.ok || !result.moved) throw new Error('expected a move');
    expect(formatBeijing(result.deadline)).toBe('2026-03-25T09:30+08:00');
    expect(result).toMatchObject({ actual: 13, required: 15, ruleId: 'OPEN_TENDER_CLARIFICATION_NOTICE' });
    expect(result.message.zh).toContain('当前为 13 日，最早可定于 2026-03-25');
  });

  it('runs past National Day when day 15 is a holiday (民法典第二百零三条)', () => {
    // 2026-09-20 (a Sunday worked) + 15 = 10-05, inside the 10-1…10-7 holiday → 10-08.
    const result = moveDeadlineForClarification('2026-09-30T09:30:00+08:00', '2026-09-20T10:00:00+08:00', openTender);
    expect(result).toMatchObject({ ok: true, moved: true });
    if (result.ok) expect(formatBeijing(result.deadline)).toBe('2026-10-08T09:30+08:00');
  });

  it('counts working days for negotiation (74号令: 3 working days)', () => {
    const rule = clarificationRule(rules, 'competitive-negotiation', 'goods');
    if (!rule) throw new Error('no rule');
    const result = moveDeadlineForClarification('2026-09-30T14:00:00+08:00', '2026-09-28T09:00:00+08:00', rule);
    if (!result.ok) throw new Error('refused');
    expect(formatBeijing(result.deadline)).toBe('2026-10-08T14:00+08:00');
  });

  it('refuses a clarification after the deadline', () => {
    expect(
      moveDeadlineForClarification('2026-03-23T09:30:00+08:00', '2026-03-23T10:00:00+08:00', openTender),
    ).toMatchObject({
      ok: false,
      code: 'CLARIFICATION_AFTER_DEADLINE',
    });
  });

  it('finds no clarification rule for single source', () => {
    expect(clarificationRule(rules, 'single-source', 'goods')).toBeNull();
    expect(clarificationRule(rules, 'open-tender', 'works')?.id).toBe('WORKS_TENDER_CLARIFICATION_NOTICE');
  });
});
