import { isOversight, type Viewer } from '../../platform/policy/actor';

interface OrganisationLike {
  id: string;
  kind: string;
  status: 'pending' | 'active' | 'rejected' | 'suspended';
}

/**
 * A supplier's file (profile, declaration, qualifications): its own members and the oversight roles see it, nobody
 * else (404). Its supplier users edit it while the registration is pending or active; a rejected applicant registers
 * again, a suspended one waits for the centre.
 */
export function supplierFileAbilities(viewer: Viewer, org: OrganisationLike) {
  const own = viewer.kind === 'user' && viewer.role === 'supplier' && viewer.organisationId === org.id;
  const view = org.kind === 'supplier' && (own || isOversight(viewer));
  return { view, edit: view && own && (org.status === 'pending' || org.status === 'active') };
}
