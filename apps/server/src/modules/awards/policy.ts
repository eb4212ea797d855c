import type { Viewer } from '../../platform/policy/actor';
import { AppError } from '../../platform/errors/app-error';
import { mayVerifyDraws } from '../expert-draws/policy';
import { isOpeningHost } from '../opening/policy';
import type { LotParties } from './repo';

/**
 * Who the caller is in a lot's award (C13, C14, ADR 0021); one user may be two at once (a purchaser that hosts):
 * - `purchaser`: a purchaser user of the project's purchaser organisation — confirms the winner, may suspend;
 * - `host`: the agency (or the purchaser without one) — publishes the result, answers challenges;
 * - `supervisor`: the supervisor — extends the confirmation period, may suspend; with the centre, `oversight`;
 * - `oversight`: the supervisor and the centre — see everything;
 * - `bidder`: a supplier that bid on the lot — its own letter and challenges, after publication.
 * Anyone else gets 404.
 */
export type AwardRole = 'purchaser' | 'host' | 'supervisor' | 'oversight' | 'bidder';

export function awardRolesOf(viewer: Viewer, parties: Pick<LotParties, 'project' | 'bidderOrganisationIds'>) {
  const roles = new Set<AwardRole>();
  if (viewer.kind !== 'user') return roles;
  const { project } = parties;
  if (mayVerifyDraws(viewer)) roles.add('oversight');
  if (viewer.role === 'supervisor') roles.add('supervisor');
  if (isOpeningHost(viewer, project)) roles.add('host');
  if (viewer.role === 'purchaser' && viewer.organisationId === project.purchaserOrganisationId) roles.add('purchaser');
  const org = viewer.organisationId;
  if (viewer.role === 'supplier' && org && parties.bidderOrganisationIds.includes(org)) roles.add('bidder');
  return roles;
}

/** Who sees the award before its publication: the purchaser, the host and oversight. */
export const AWARD_INSIDERS: readonly AwardRole[] = ['purchaser', 'host', 'oversight'];

/**
 * 404 unless the caller holds one of `visibleTo`; 403 unless one of `allowed`. Returns the caller's roles.
 */
export function assertAwardRole(
  viewer: Viewer,
  parties: Pick<LotParties, 'project' | 'bidderOrganisationIds'>,
  allowed: readonly AwardRole[],
  visibleTo: readonly AwardRole[] = AWARD_INSIDERS,
): Set<AwardRole> {
  const roles = awardRolesOf(viewer, parties);
  if (![...roles].some((r) => visibleTo.includes(r) || allowed.includes(r))) throw new AppError('NOT_FOUND');
  if (![...roles].some((r) => allowed.includes(r))) {
    throw new AppError('AWARD_ROLE_REQUIRED', { role: [...roles].join('/') });
  }
  return roles;
}
