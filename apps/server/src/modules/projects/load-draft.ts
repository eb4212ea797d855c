import type { Tx } from '../../db/client';
import { AppError } from '../../platform/errors/app-error';
import type { Viewer } from '../../platform/policy/actor';
import { isProjectParty, projectAbilities } from './policy';
import { findProjectRow } from './repo';

type Ability = 'edit' | 'delete' | 'upload' | 'publish';

/**
 * Re-reads the project `FOR UPDATE` and applies both gates: not visible → 404; visible but not the caller's to
 * change (oversight) → 403; the caller's but no longer a draft → 409.
 */
export async function loadForChange(tx: Tx, viewer: Viewer, projectId: string, ability: Ability) {
  const project = await findProjectRow(tx, projectId, true);
  if (!project) throw new AppError('NOT_FOUND');
  const abilities = projectAbilities(viewer, project);
  if (!abilities.view) throw new AppError('NOT_FOUND');
  if (abilities[ability]) return project;
  if (isProjectParty(viewer, project)) throw new AppError('INVALID_STATE', { state: project.status });
  throw new AppError('FORBIDDEN');
}
