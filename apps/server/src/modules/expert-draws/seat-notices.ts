import type { Tx } from '../../db/client';
import { insertNotifications } from '../notifications/repo';
import { beijingDateTimeZh } from '../projects/tender-notice-template';
import type { LotRow, ProjectRow } from '../opening/repo';
import { hostOrganisationId } from '../opening/policy';

/** Where an expert answers (the web app's 我的评审邀请). */
export const INVITATIONS_PATH = '/workspace/invitations';

/** Tells a drawn expert (in-app) that they were drawn and by when to answer. */
export async function notifyInvited(
  tx: Tx,
  now: Date,
  expertUserId: string,
  where: { project: ProjectRow; lot: LotRow },
  respondBy: Date,
  steppedIn: boolean,
): Promise<void> {
  const { project, lot } = where;
  const by = beijingDateTimeZh(respondBy);
  await insertNotifications(tx, [
    {
      userId: expertUserId,
      organisationId: null,
      kind: 'expert_draw.invited',
      titleZh: `评审邀请：${project.code} 第${lot.number}包`,
      titleEn: `Evaluation invitation: ${project.code} lot ${lot.number}`,
      bodyZh: `您${steppedIn ? '作为备选专家递补，' : ''}被随机抽取为“${project.title}”第${lot.number}包（${lot.title}）的评审专家。请在 ${by}（北京时间）前确认是否参加；逾期视为不参加。`,
      bodyEn: `You were drawn${steppedIn ? ' (as a reserve stepping in)' : ''} as an evaluation expert for "${project.title}", lot ${lot.number} (${lot.title}). Confirm or decline by ${respondBy.toISOString()}; no answer counts as declining.`,
      link: INVITATIONS_PATH,
      createdAt: now,
    },
  ]);
}

/** Tells the host organisation about the committee without naming anyone (seat numbers only). */
export async function notifyHost(
  tx: Tx,
  now: Date,
  where: { project: ProjectRow; lot: LotRow },
  what: 'vacant' | 'complete',
): Promise<void> {
  const { project, lot } = where;
  const vacant = what === 'vacant';
  await insertNotifications(tx, [
    {
      userId: null,
      organisationId: hostOrganisationId(project),
      kind: vacant ? 'expert_draw.seat_vacant' : 'expert_draw.committee_complete',
      titleZh: vacant
        ? `需补充抽取专家：${project.code} 第${lot.number}包`
        : `评审专家已全部确认：${project.code} 第${lot.number}包`,
      titleEn: vacant
        ? `Supplementary draw needed: ${project.code} lot ${lot.number}`
        : `All drawn experts confirmed: ${project.code} lot ${lot.number}`,
      bodyZh: vacant
        ? '有专家拒绝参加或逾期未确认，备选专家已用完。请在项目页面进行补充抽取。'
        : '评标委员会中随机抽取的评审专家均已确认参加。',
      bodyEn: vacant
        ? 'An expert declined or did not answer in time and no reserve is left. Run a supplementary draw on the project page.'
        : 'Every randomly drawn expert of the committee has confirmed.',
      link: `/workspace/projects/${project.id}`,
      createdAt: now,
    },
  ]);
}
