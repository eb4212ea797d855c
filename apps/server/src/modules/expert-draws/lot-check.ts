import { checkCommitteeComposition, minimumCommitteeSize, type CompositionCheck } from '@zhengcai/domain';
import type { Executor } from '../../db/client';
import { AppError, type FieldError } from '../../platform/errors/app-error';
import type { Viewer } from '../../platform/policy/actor';
import { findHall, findProjectAndLot, type LotRow, type ProjectRow } from '../opening/repo';
import { isOpeningHost } from '../opening/policy';
import { assertDrawView, drawViewOf, type DrawView } from './policy';
import { projectBudgetFen } from './repo';

/** Defaults of a draw request (ADR 0019). */
export const DRAW_DEFAULTS = {
  reserves: 2,
  purchaserRepresentatives: 0,
  /** Experts called to another project's committee within 30 days are not drawn (a rule of this platform). */
  recentDrawDays: 30,
} as const;

export interface LotForDraw {
  project: ProjectRow;
  lot: LotRow;
  view: DrawView;
}

/** The lot and how the caller sees its draws; 404 for a lot that does not exist or that the caller may not see. */
export async function lotForDraw(db: Executor, viewer: Viewer, lotId: string): Promise<LotForDraw> {
  const found = await findProjectAndLot(db, lotId);
  if (!found) throw new AppError('NOT_FOUND');
  return { ...found, view: assertDrawView(viewer, found.project) };
}

/**
 * The lot whose draw the caller hosts. A published lot is public, so someone else is told they may not (403); a lot
 * that does not exist, or of a draft the caller cannot see, is "not found".
 */
export async function lotForHost(
  db: Executor,
  viewer: Viewer,
  lotId: string,
): Promise<{ project: ProjectRow; lot: LotRow }> {
  const found = await findProjectAndLot(db, lotId);
  if (!found) throw new AppError('NOT_FOUND');
  if (isOpeningHost(viewer, found.project)) return found;
  if (found.project.status === 'published' || drawViewOf(viewer, found.project)) {
    throw new AppError('EXPERT_DRAW_HOST_ONLY');
  }
  throw new AppError('NOT_FOUND');
}

/**
 * Experts are drawn for lots that can still be evaluated: of a published project, whose opening did not fail (a
 * 流标 lot has nothing to evaluate, PRODUCT.md §3.3). Refused with the reason in both languages.
 */
export async function assertLotDrawable(db: Executor, project: ProjectRow, lotId: string): Promise<void> {
  if (project.status !== 'published') {
    throw new AppError('EXPERT_DRAW_LOT_UNAVAILABLE', {
      reasonZh: project.status === 'draft' ? '项目尚未发布' : '项目已终止',
      reasonEn: project.status === 'draft' ? 'the project is not published' : 'the project was cancelled',
    });
  }
  const hall = await findHall(db, lotId);
  if (hall?.outcome === 'failed') {
    throw new AppError('EXPERT_DRAW_LOT_UNAVAILABLE', {
      reasonZh: '本包开标时有效投标不足，已流标，没有可评审的投标',
      reasonEn: 'the lot failed at the opening (too few valid bids); there is nothing to evaluate',
    });
  }
}

/** The committee's minimum size for the project (5, or 7 from 10 million yuan: 87号令 第四十七条). */
export async function minimumMembers(db: Executor, project: ProjectRow): Promise<number> {
  return minimumCommitteeSize(committeeProject(await projectBudgetFen(db, project.id)));
}

const committeeProject = (budgetFen: number) => ({ budgetFen, technicallyComplex: false, highSocialImpact: false });

/**
 * 87号令 第四十七条 and 实施条例 第三十九条 on the committee the draw makes: 5 (or 7) or more, an odd number, drawn experts
 * at least two thirds. Each problem is named on the field to change.
 */
export async function assertComposition(
  db: Executor,
  project: ProjectRow,
  drawnExperts: number,
  purchaserRepresentatives: number,
): Promise<void> {
  const check: CompositionCheck = checkCommitteeComposition({
    drawnExperts,
    purchaserRepresentatives,
    project: committeeProject(await projectBudgetFen(db, project.id)),
  });
  if (check.ok) return;
  const fields: FieldError[] = check.problems.map((p) => ({
    field: p.code === 'DRAWN_EXPERTS_BELOW_TWO_THIRDS' ? 'body.purchaserRepresentatives' : 'body.members',
    reason: p.message,
    ruleId: p.code,
  }));
  throw new AppError('VALIDATION_FAILED', {}, fields);
}
