import type { Viewer } from '../../platform/policy/actor';
import { AppError } from '../../platform/errors/app-error';
import type { OpeningBidRow, ProjectRow } from './repo';

/** Who the caller is in a hall (ADR 0016); a user of another supplier is the public. */
export type HallRole = 'host' | 'bidder' | 'supervisor' | 'public';

/** The host's organisation: the project's agency, or the purchaser when it runs the procurement itself. */
export function hostOrganisationId(
  project: Pick<ProjectRow, 'agencyOrganisationId' | 'purchaserOrganisationId'>,
): string {
  return project.agencyOrganisationId ?? project.purchaserOrganisationId;
}

/** Whether the caller hosts the project's openings (a user of the host organisation): the hall and its recording. */
export function isOpeningHost(
  viewer: Viewer,
  project: Pick<ProjectRow, 'agencyOrganisationId' | 'purchaserOrganisationId'>,
): boolean {
  return (
    viewer.kind === 'user' &&
    (viewer.role === 'agency' || viewer.role === 'purchaser') &&
    viewer.organisationId === hostOrganisationId(project)
  );
}

export function hallRoleOf(viewer: Viewer, project: ProjectRow, bids: readonly OpeningBidRow[]): HallRole {
  if (viewer.kind !== 'user') return 'public';
  const org = viewer.organisationId;
  if (isOpeningHost(viewer, project)) return 'host';
  if (viewer.role === 'supplier' && org && bids.some((b) => b.organisationId === org)) return 'bidder';
  if (viewer.role === 'supervisor' || viewer.role === 'centre') return 'supervisor';
  return 'public';
}

/** 403 unless the caller has one of the roles. */
export function assertHallRole(role: HallRole, ...allowed: HallRole[]): void {
  if (!allowed.includes(role)) throw new AppError('HALL_ROLE_REQUIRED', { role });
}

/** The bid must be the caller's organisation's (else 403: the hall is public, so the bid is visible). */
export function assertOwnBid(viewer: Viewer, bid: OpeningBidRow): void {
  if (viewer.kind !== 'user' || viewer.role !== 'supplier' || viewer.organisationId !== bid.organisationId) {
    throw new AppError('HALL_ROLE_REQUIRED', { role: 'not the bidder' });
  }
}
