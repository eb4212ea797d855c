import type { Tx } from '../../db/client';
import { insertNotifications } from '../notifications/repo';
import type { LotRow, ProjectRow } from '../opening/repo';

/** The committee member's page of a lot's evaluation (the web app's 我的评审). */
export const evaluationPath = (lotId: string) => `/workspace/evaluations/${lotId}`;

type Where = { project: ProjectRow; lot: LotRow };

/** Tells each committee member (in-app) that a stage is open for them: the evaluation began, or the compliance review. */
export async function notifyMembers(
  tx: Tx,
  now: Date,
  memberUserIds: readonly string[],
  where: Where,
  what: 'started' | 'compliance' | 'failed',
): Promise<void> {
  const { project, lot } = where;
  const ref = { zh: `${project.code} 第${lot.number}包`, en: `${project.code} lot ${lot.number}` };
  const text = {
    started: {
      titleZh: `评审开始：${ref.zh}`,
      titleEn: `Evaluation started: ${ref.en}`,
      bodyZh: `“${project.title}”第${lot.number}包（${lot.title}）的评审已开始。组织方正在进行资格审查；请进入“我的评审”推选评审组长，资格审查结束后进行符合性审查。`,
      bodyEn: `The evaluation of "${project.title}", lot ${lot.number} (${lot.title}) has started. The organiser is reviewing qualifications; open My evaluations to vote for the committee leader. The compliance review follows.`,
    },
    compliance: {
      titleZh: `请进行符合性审查：${ref.zh}`,
      titleEn: `Compliance review open: ${ref.en}`,
      bodyZh: `资格审查已结束。请对通过资格审查的每份投标进行符合性审查并提交。`,
      bodyEn: `The qualification review has ended. Review the compliance of every qualified bid and submit.`,
    },
    failed: {
      titleZh: `本包废标：${ref.zh}`,
      titleEn: `Lot failed: ${ref.en}`,
      bodyZh: `通过审查的投标人不足三家，本包废标，评审结束。`,
      bodyEn: `Fewer than three bidders passed the review: the lot failed and the evaluation has ended.`,
    },
  }[what];
  await insertNotifications(
    tx,
    memberUserIds.map((userId) => ({
      userId,
      organisationId: null,
      kind: `evaluation.${what}`,
      ...text,
      link: evaluationPath(lot.id),
      createdAt: now,
    })),
  );
}
