import { AppError } from '../../platform/errors/app-error';
import type { Viewer } from '../../platform/policy/actor';
import { mayVerifyDraws } from '../expert-draws/policy';
import { isOpeningHost } from '../opening/policy';
import type { ProjectRow } from '../opening/repo';

/**
 * Who the caller is in a lot's evaluation (ADR 0021):
 * - `host`: the agency (or the purchaser without one) — qualification review, reminders, sees progress and, once
 *   reported, the report;
 * - `member`: an expert holding a confirmed seat on this lot's committee — compliance, scoring, signing;
 * - `oversight`: the supervisor and the centre — see everything live, act on nothing;
 * - `bidder`: a supplier that bid on the lot — sees only the questions put to it, and the result once published;
 * - null: anyone else, experts of other lots included — 404.
 */
export type EvaluationRole = 'host' | 'member' | 'oversight' | 'bidder';

export interface EvaluationParties {
  project: ProjectRow;
  /** User ids of the confirmed committee members now (repo.committeeMembers). */
  memberUserIds: readonly string[];
  /** Organisation ids of the lot's bidders (opening_bids). */
  bidderOrganisationIds: readonly string[];
}

export function evaluationRoleOf(viewer: Viewer, parties: EvaluationParties): EvaluationRole | null {
  if (viewer.kind !== 'user') return null;
  if (viewer.role === 'expert') return parties.memberUserIds.includes(viewer.userId) ? 'member' : null;
  if (mayVerifyDraws(viewer)) return 'oversight';
  if (isOpeningHost(viewer, parties.project)) return 'host';
  const org = viewer.organisationId;
  if (viewer.role === 'supplier' && org && parties.bidderOrganisationIds.includes(org)) return 'bidder';
  return null;
}

/**
 * The caller's role, if it is one of `allowed`. A caller with no role in the evaluation (or one not allowed to
 * know of this part of it) gets 404; a caller who can see the evaluation but may not do this gets 403.
 */
export function assertEvaluationRole(
  viewer: Viewer,
  parties: EvaluationParties,
  allowed: readonly EvaluationRole[],
  visibleTo: readonly EvaluationRole[] = allowed,
): EvaluationRole {
  const role = evaluationRoleOf(viewer, parties);
  if (!role || !visibleTo.includes(role)) throw new AppError('NOT_FOUND');
  if (!allowed.includes(role)) throw new AppError('EVALUATION_ROLE_REQUIRED', { role });
  return role;
}
