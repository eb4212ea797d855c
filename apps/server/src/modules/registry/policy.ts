import { hasRole, isOversight, type Viewer } from '../../platform/policy/actor';

export interface OrganisationLike {
  id: string;
  status: 'pending' | 'active' | 'rejected' | 'suspended';
}

/**
 * Organisations: oversight roles see all of them; a user sees their own. Centre staff and administrators review
 * registrations, only while they are pending.
 */
export function organisationAbilities(viewer: Viewer, org: OrganisationLike) {
  const view = isOversight(viewer) || (viewer.kind === 'user' && viewer.organisationId === org.id);
  const reviewer = hasRole(viewer, 'centre', 'admin') && org.status === 'pending';
  return { view, approve: view && reviewer, reject: view && reviewer };
}
