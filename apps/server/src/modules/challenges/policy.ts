import { AppError } from '../../platform/errors/app-error';
import type { Viewer } from '../../platform/policy/actor';
import { AWARD_INSIDERS, awardRolesOf, type AwardRole } from '../awards/policy';
import type { ChallengeRow, LotParties } from '../awards/repo';

/**
 * Who sees a challenge: its own challenger's organisation, and the lot's host, purchaser and oversight; anyone else
 * (other bidders of the lot included) gets 404. Seeing it but not holding one of `allowed`: 403.
 */
export function assertChallengeVisible(
  viewer: Viewer,
  parties: Pick<LotParties, 'project' | 'bidderOrganisationIds'>,
  challenge: Pick<ChallengeRow, 'organisationId'>,
  allowed: readonly AwardRole[],
): Set<AwardRole> {
  const roles = awardRolesOf(viewer, parties);
  const own = viewer.kind === 'user' && viewer.organisationId === challenge.organisationId && roles.has('bidder');
  if (!own) roles.delete('bidder');
  if (!own && !AWARD_INSIDERS.some((r) => roles.has(r))) throw new AppError('NOT_FOUND');
  if (![...roles].some((r) => allowed.includes(r))) {
    throw new AppError('AWARD_ROLE_REQUIRED', { role: [...roles].join('/') });
  }
  return roles;
}
