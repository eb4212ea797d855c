import type { Tx } from '../../db/client';
import { insertNotifications, type NewNotification } from '../notifications/repo';
import type { LotRow, ProjectRow } from '../opening/repo';
import { beijingDateTimeZh } from '../projects/tender-notice-template';
import { activeOrganisationIdsOfKind } from './repo';

/** Where the purchaser, the host and oversight act on a lot's award (the web app's award page). */
export const awardPath = (lotId: string) => `/workspace/lots/${lotId}/award`;
/** Where a bidder reads its letters. */
export const LETTERS_PATH = '/workspace/award-letters';

export interface Where {
  project: ProjectRow;
  lot: LotRow;
}

export type Message = Pick<NewNotification, 'kind' | 'titleZh' | 'titleEn' | 'bodyZh' | 'bodyEn'> & {
  link?: string;
};

const lotZh = ({ project, lot }: Where) => `${project.code} 第${lot.number}包`;
const lotEn = ({ project, lot }: Where) => `${project.code} lot ${lot.number}`;

/** A message to each organisation (every member reads it), written in the caller's transaction. */
export async function notifyOrganisations(
  tx: Tx,
  now: Date,
  where: Where,
  organisationIds: readonly string[],
  m: Message,
): Promise<void> {
  await insertNotifications(
    tx,
    [...new Set(organisationIds)].map((organisationId) => ({
      userId: null,
      organisationId,
      kind: m.kind,
      titleZh: `${m.titleZh}：${lotZh(where)}`,
      titleEn: `${m.titleEn}: ${lotEn(where)}`,
      bodyZh: m.bodyZh,
      bodyEn: m.bodyEn,
      link: m.link ?? awardPath(where.lot.id),
      createdAt: now,
    })),
  );
}

/** The same to every active supervisor organisation (the overdue flags). */
export async function notifySupervisors(tx: Tx, now: Date, where: Where, m: Message): Promise<void> {
  await notifyOrganisations(tx, now, where, await activeOrganisationIdsOfKind(tx, 'supervisor'), m);
}

/**
 * A deadline in Beijing time as legal periods are stated: an end at midnight reads as the last day's 24:00
 * ("2026年12月11日 24:00（北京时间）").
 */
export function deadlineZh(at: Date): string {
  const text = beijingDateTimeZh(at);
  return text.endsWith(' 00:00') ? `${beijingDateTimeZh(new Date(at.getTime() - 60_000)).slice(0, -6)} 24:00` : text;
}

export const byZh = (at: Date) => `${deadlineZh(at)}（北京时间）`;
