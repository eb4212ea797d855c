import { challengeWindow, withinPeriod } from '@zhengcai/domain';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { transactionCertificates } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import type { Viewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { findEvaluation } from '../evaluations/repo';
import { outcomeOf } from './outcome';
import { AWARD_INSIDERS, awardRolesOf } from './policy';
import { findAward, lettersOfLot, lotParties, organisationsByIds, pendingChallengeCount } from './repo';
import { resultFacts } from './result-facts';
import type { awardView } from './schemas';

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

export async function certificateNumberOf(db: Db, certificateId: string | null): Promise<string | null> {
  if (!certificateId) return null;
  const [row] = await db
    .select({ number: transactionCertificates.number })
    .from(transactionCertificates)
    .where(eq(transactionCertificates.id, certificateId));
  return row?.number ?? null;
}

/**
 * A lot's award as the caller may see it: the purchaser, the host and oversight see the ranking and every step from
 * the report on; a bidder sees the result only once published (before: 404); anyone else gets 404. `abilities` say
 * what the server would accept from this caller now.
 */
export async function presentAward(s: Services, viewer: Viewer, lotId: string): Promise<z.infer<typeof awardView>> {
  const parties = await lotParties(s.db, lotId);
  if (!parties) throw new AppError('NOT_FOUND');
  const roles = awardRolesOf(viewer, parties);
  const insider = AWARD_INSIDERS.some((r) => roles.has(r));
  const evaluation = await findEvaluation(s.db, lotId);
  const award = await findAward(s.db, lotId);
  if (!insider && !(roles.has('bidder') && award?.publishedAt)) throw new AppError('NOT_FOUND');
  if (!evaluation || !['reported', 'confirmed', 'published'].includes(evaluation.state)) {
    throw new AppError('AWARD_NOT_READY');
  }
  const now = s.clock.now();
  const outcome = outcomeOf(evaluation.result);
  const orgIds = [...outcome.ranking, ...outcome.excluded].map((b) => b.organisationId);
  const names = await organisationsByIds(s.db, orgIds);
  const nameOf = (id: string) => names.get(id)?.name ?? '';
  const state = evaluation.state;
  const confirmBy = award?.confirmBy ?? null;
  const openForConfirmation = state === 'reported' && (confirmBy === null || withinPeriod(now, confirmBy));
  const challengeBy = award?.publishedAt ? challengeWindow(award.publishedAt).endsAt : null;
  const pending = award?.publishedAt ? await pendingChallengeCount(s.db, lotId) : 0;
  const mayHaltOrResume = roles.has('purchaser') || roles.has('supervisor');

  let noticePreview: { title: string; body: string } | null = null;
  if (roles.has('host') && state === 'confirmed' && award?.confirmedAt) {
    const facts = await s.db.transaction((tx) => resultFacts(tx, parties, evaluation, award, now));
    noticePreview = facts.notice;
  }
  const letters = insider && award?.publishedAt ? await lettersOfLot(s.db, lotId) : [];
  const letterNames = await organisationsByIds(
    s.db,
    letters.map((l) => l.organisationId),
  );
  return {
    lotId,
    project: { id: parties.project.id, code: parties.project.code, title: parties.project.title },
    lot: { number: parties.lot.number, title: parties.lot.title },
    state,
    viewAs: [...roles],
    method: outcome.method,
    ranking: insider ? outcome.ranking.map((b) => ({ ...b, name: nameOf(b.organisationId) })) : [],
    excluded: insider ? outcome.excluded.map((b) => ({ ...b, name: nameOf(b.organisationId) })) : [],
    reportedAt: iso(award?.reportedAt ?? evaluation.reportedAt),
    confirmBy: iso(confirmBy),
    confirmOverdue: state === 'reported' && confirmBy !== null && !withinPeriod(now, confirmBy),
    extension:
      award?.extensionReason && award.extendedAt
        ? { reason: award.extensionReason, at: award.extendedAt.toISOString() }
        : null,
    confirmedAt: iso(award?.confirmedAt),
    winner:
      award?.winnerOrganisationId && award.winnerSubmissionId
        ? {
            organisationId: award.winnerOrganisationId,
            submissionId: award.winnerSubmissionId,
            name: nameOf(award.winnerOrganisationId),
          }
        : null,
    contractAmountFen: award?.contractAmountFen ?? null,
    tieBreakReason: award?.tieBreakReason ?? null,
    publishBy: iso(award?.publishBy),
    publishedAt: iso(award?.publishedAt),
    resultNoticeId: award?.resultNoticeId ?? null,
    certificateNumber: await certificateNumberOf(s.db, award?.certificateId ?? null),
    challengeBy: iso(challengeBy),
    suspension:
      award?.suspendedAt && award.suspensionReason
        ? { at: award.suspendedAt.toISOString(), reason: award.suspensionReason }
        : null,
    noticePreview,
    letters: letters.map((l) => ({
      organisationId: l.organisationId,
      name: letterNames.get(l.organisationId)?.name ?? '',
      kind: l.kind,
    })),
    abilities: {
      confirm: roles.has('purchaser') && openForConfirmation,
      extend: roles.has('supervisor') && state === 'reported',
      publish: roles.has('host') && state === 'confirmed',
      suspend: mayHaltOrResume && state === 'published' && !award?.suspendedAt && pending > 0,
      resume: mayHaltOrResume && state === 'published' && award?.suspendedAt != null,
      challenge: roles.has('bidder') && challengeBy !== null && withinPeriod(now, challengeBy),
    },
  };
}
