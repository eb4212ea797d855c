import { and, eq, isNull } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { awards } from '../../db/schema';
import type { Clock } from '../../platform/clock';
import { appendEvent } from '../../platform/events/append-event';
import { scheduleJob } from '../../platform/jobs/schedule-job';
import type { Services } from '../../services';
import { findEvaluation } from '../evaluations/repo';
import { hostOrganisationId } from '../opening/policy';
import { byZh, notifyOrganisations, notifySupervisors } from './award-notices';
import { lotParties } from './repo';

export const AWARD_JOBS = {
  confirmReminder: 'award.confirm_reminder',
  confirmOverdue: 'award.confirm_overdue',
  publishReminder: 'award.publish_reminder',
  publishOverdue: 'award.publish_overdue',
} as const;
export type AwardJobKind = (typeof AWARD_JOBS)[keyof typeof AWARD_JOBS];

/**
 * Schedules a period's reminder and deadline jobs. The dedupe key carries the deadline: an extension schedules new
 * jobs, and the job left at an old deadline finds the award's current deadline later than now and does nothing.
 */
export async function schedulePeriodJobs(
  db: Executor,
  clock: Clock,
  kinds: { reminder: AwardJobKind; deadline: AwardJobKind },
  lotId: string,
  period: { remindAt: Date; endsAt: Date },
): Promise<void> {
  const at = period.endsAt.toISOString();
  if (period.remindAt.getTime() > clock.now().getTime()) {
    await scheduleJob(db, clock, {
      kind: kinds.reminder,
      payload: { lotId, deadline: at },
      runAt: period.remindAt,
      dedupeKey: `${kinds.reminder}:${lotId}@${at}`,
    });
  }
  await scheduleJob(db, clock, {
    kind: kinds.deadline,
    payload: { lotId, deadline: at },
    runAt: period.endsAt,
    dedupeKey: `${kinds.deadline}:${lotId}@${at}`,
  });
}

/** What a job finds: the lot, still waiting for the act, with the deadline the job was scheduled for. */
async function waiting(tx: Tx, lotId: string, state: 'reported' | 'confirmed', deadline: string) {
  const evaluation = await findEvaluation(tx, lotId);
  if (evaluation?.state !== state) return null;
  const [award] = await tx.select().from(awards).where(eq(awards.lotId, lotId)).for('update');
  const current = state === 'reported' ? award?.confirmBy : award?.publishBy;
  if (!award || current?.toISOString() !== deadline) return null;
  const parties = await lotParties(tx, lotId);
  return parties ? { award, ...parties } : null;
}

function payloadOf(payload: unknown): { lotId: string; deadline: string } | null {
  const p = payload as { lotId?: unknown; deadline?: unknown };
  return typeof p.lotId === 'string' && typeof p.deadline === 'string'
    ? { lotId: p.lotId, deadline: p.deadline }
    : null;
}

/** Registers the award's job handlers with the runner. */
export function registerAwardJobs(s: Services): void {
  s.jobs.register(AWARD_JOBS.confirmReminder, async (job, tx) => {
    const p = payloadOf(job.payload);
    const w = p && (await waiting(tx, p.lotId, 'reported', p.deadline));
    if (!w) return;
    await notifyOrganisations(tx, s.clock.now(), w, [w.project.purchaserOrganisationId], {
      kind: 'award.confirm_reminder',
      titleZh: '请尽快确认中标（成交）供应商',
      titleEn: 'Please confirm the winner',
      bodyZh: `确认期限于 ${byZh(w.award.confirmBy)} 届满，请在评审报告推荐的候选人中按顺序确认。`,
      bodyEn: `The confirmation period ends at ${w.award.confirmBy.toISOString()}; confirm the candidate in the report's order.`,
    });
  });

  s.jobs.register(AWARD_JOBS.confirmOverdue, async (job, tx) => {
    const p = payloadOf(job.payload);
    const w = p && (await waiting(tx, p.lotId, 'reported', p.deadline));
    if (!w || w.award.confirmOverdueAt) return;
    const now = s.clock.now();
    await tx
      .update(awards)
      .set({ confirmOverdueAt: now })
      .where(and(eq(awards.lotId, w.lot.id), isNull(awards.confirmOverdueAt)));
    const message = {
      kind: 'award.confirm_overdue',
      titleZh: '采购人逾期未确认中标（成交）供应商',
      titleEn: 'The purchaser did not confirm the winner in time',
      bodyZh: `确认期限已于 ${byZh(w.award.confirmBy)} 届满。监管部门可在定标页面记录延期及理由。`,
      bodyEn: `The confirmation period ended at ${w.award.confirmBy.toISOString()}. The supervisor may record an extension with its reason on the award page.`,
    };
    await notifySupervisors(tx, now, w, message);
    await notifyOrganisations(tx, now, w, [w.project.purchaserOrganisationId], message);
    await appendEvent(tx, s.clock, {
      type: 'award.confirmation_overdue',
      payload: { projectId: w.project.id, lotId: w.lot.id, confirmBy: w.award.confirmBy.toISOString() },
      actor: { userId: null, organisationId: null },
      subject: { type: 'lot', id: w.lot.id },
      audience: { kind: 'organisations', organisationIds: [w.project.purchaserOrganisationId] },
    });
  });

  s.jobs.register(AWARD_JOBS.publishReminder, async (job, tx) => {
    const p = payloadOf(job.payload);
    const w = p && (await waiting(tx, p.lotId, 'confirmed', p.deadline));
    if (!w?.award.publishBy) return;
    await notifyOrganisations(tx, s.clock.now(), w, [hostOrganisationId(w.project)], {
      kind: 'award.publish_reminder',
      titleZh: '请尽快发布中标（成交）结果公告',
      titleEn: 'Please publish the result notice',
      bodyZh: `结果公告应于 ${byZh(w.award.publishBy)} 前发布，并同时发出中标（成交）通知书和结果通知书。`,
      bodyEn: `The result notice is due by ${w.award.publishBy.toISOString()}, with the notification letters.`,
    });
  });

  s.jobs.register(AWARD_JOBS.publishOverdue, async (job, tx) => {
    const p = payloadOf(job.payload);
    const w = p && (await waiting(tx, p.lotId, 'confirmed', p.deadline));
    if (!w?.award.publishBy || w.award.publishOverdueAt) return;
    const now = s.clock.now();
    await tx.update(awards).set({ publishOverdueAt: now }).where(eq(awards.lotId, w.lot.id));
    await notifySupervisors(tx, now, w, {
      kind: 'award.publish_overdue',
      titleZh: '结果公告逾期未发布',
      titleEn: 'The result notice is overdue',
      bodyZh: `中标（成交）供应商已确认，但结果公告未在 ${byZh(w.award.publishBy)} 前发布。`,
      bodyEn: `The winner was confirmed but the result notice was not published by ${w.award.publishBy.toISOString()}.`,
    });
    await appendEvent(tx, s.clock, {
      type: 'award.publication_overdue',
      payload: { projectId: w.project.id, lotId: w.lot.id, publishBy: w.award.publishBy.toISOString() },
      actor: { userId: null, organisationId: null },
      subject: { type: 'lot', id: w.lot.id },
      audience: { kind: 'organisations', organisationIds: [hostOrganisationId(w.project)] },
    });
  });
}
