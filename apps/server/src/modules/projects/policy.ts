import { hasRole, isOversight, type Viewer } from '../../platform/policy/actor';

export interface ProjectLike {
  status: 'draft' | 'published' | 'cancelled';
  purchaserOrganisationId: string;
  agencyOrganisationId: string | null;
}

/** The caller belongs to the purchaser or to the agency acting for it on this project. */
export function isProjectParty(viewer: Viewer, project: ProjectLike): boolean {
  if (!hasRole(viewer, 'purchaser', 'agency') || viewer.organisationId === null) return false;
  return (
    viewer.organisationId === project.purchaserOrganisationId || viewer.organisationId === project.agencyOrganisationId
  );
}

/**
 * Projects in the workspace: the purchaser's and the agency's users see and work on them; the centre, the supervisor
 * and the administrator see every project, read-only. Everyone else gets "not found" (the public reads published
 * projects through their notices). Only drafts change; publishing is the purchaser's or the agency's act.
 */
export function projectAbilities(viewer: Viewer, project: ProjectLike) {
  const party = isProjectParty(viewer, project);
  const view = party || isOversight(viewer);
  const draft = project.status === 'draft';
  return { view, edit: party && draft, delete: party && draft, upload: party && draft, publish: party && draft };
}

/** The organisation whose members follow a project's draft events (the agency running it, else the purchaser). */
export function runningOrganisationId(project: ProjectLike): string {
  return project.agencyOrganisationId ?? project.purchaserOrganisationId;
}
