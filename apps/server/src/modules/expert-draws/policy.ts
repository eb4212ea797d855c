import { roleMay } from '@zhengcai/domain';
import { AppError } from '../../platform/errors/app-error';
import type { Viewer } from '../../platform/policy/actor';
import { isOpeningHost } from '../opening/policy';
import type { ProjectRow } from '../opening/repo';

/** How the caller sees a lot's draws: as its host (seats anonymised), as oversight (names), or not at all (404). */
export type DrawView = 'host' | 'oversight';

/** The supervisor and the centre read draws with names, seeds and snapshots (PERMISSIONS.verifyExpertDraws). */
export function mayVerifyDraws(viewer: Viewer): boolean {
  return viewer.kind === 'user' && roleMay(viewer.role, 'verifyExpertDraws');
}

/**
 * The host of the draw is the host of the opening (opening/policy.ts): the agency, or the purchaser when the
 * project has none. Bidders, a purchaser that entrusted an agency, other experts and the public get no view.
 */
export function drawViewOf(viewer: Viewer, project: ProjectRow): DrawView | null {
  if (mayVerifyDraws(viewer)) return 'oversight';
  if (isOpeningHost(viewer, project)) return 'host';
  return null;
}

/** 404 unless the caller has a view of the lot's draws. */
export function assertDrawView(viewer: Viewer, project: ProjectRow): DrawView {
  const view = drawViewOf(viewer, project);
  if (!view) throw new AppError('NOT_FOUND');
  return view;
}

/**
 * Acting on a draw is the host's: oversight, who sees the draw, is told it may not (403); anyone else, who may not
 * know the draw exists, is told "not found".
 */
export function assertDrawHost(viewer: Viewer, project: ProjectRow): void {
  const view = assertDrawView(viewer, project);
  if (view !== 'host') throw new AppError('EXPERT_DRAW_HOST_ONLY');
}
