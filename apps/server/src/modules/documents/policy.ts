import { isOversight, type UserViewer, type Viewer } from '../../platform/policy/actor';
import type { ProjectRow } from './repo';

/** The purchaser or the agency running the project (they answer questions and see who obtained). */
export function isProjectStaff(viewer: Viewer, project: ProjectRow): viewer is UserViewer {
  if (viewer.kind !== 'user' || viewer.organisationId === null) return false;
  if (viewer.role === 'purchaser') return viewer.organisationId === project.purchaserOrganisationId;
  if (viewer.role === 'agency') return viewer.organisationId === project.agencyOrganisationId;
  return false;
}

/**
 * Who may see the project's clarification desk: its staff and oversight. Who obtained the documents and who asked
 * are confidential from every supplier (87号令 第二十六条).
 */
export function canSeeDesk(viewer: Viewer, project: ProjectRow): boolean {
  return isOversight(viewer) || isProjectStaff(viewer, project);
}
