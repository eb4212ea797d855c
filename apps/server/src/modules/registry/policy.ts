import { PERMISSIONS, REGISTRATION_TRANSITIONS, nextState } from '@zhengcai/domain';
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
  const reviewer = view && hasRole(viewer, ...PERMISSIONS.reviewRegistrations);
  return {
    view,
    approve: reviewer && nextState(REGISTRATION_TRANSITIONS, org.status, 'approve') !== null,
    reject: reviewer && nextState(REGISTRATION_TRANSITIONS, org.status, 'reject') !== null,
  };
}
