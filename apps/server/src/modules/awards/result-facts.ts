import { challengeWindow } from '@zhengcai/domain';
import { eq } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { openingBids } from '../../db/schema';
import { committeeMembers, type EvaluationRow } from '../evaluations/repo';
import { expertsByIds } from '../expert-draws/repo';
import { PLATFORM_NAME } from '../projects/publish-project';
import { draftLetters, type LetterDraft } from './letters';
import { outcomeOf } from './outcome';
import type { AwardRow, LotParties } from './repo';
import { organisationsByIds } from './repo';
import { renderResultNotice } from './result-notice-template';

export interface ResultFacts {
  notice: { title: string; body: string };
  letters: LetterDraft[];
  winner: { organisationId: string; submissionId: string; name: string };
  contractAmountFen: number;
  challengeBy: Date;
}

/**
 * Everything the publication writes, computed from the rows as of `at`: the notice's text, the letters, the winner.
 * The host's preview and the publication itself call this, so the preview is what gets published.
 */
export async function resultFacts(
  tx: Tx,
  parties: LotParties,
  evaluation: EvaluationRow,
  award: AwardRow,
  at: Date,
): Promise<ResultFacts> {
  const { project, lot } = parties;
  if (!award.winnerOrganisationId || !award.winnerSubmissionId || award.contractAmountFen === null) {
    throw new Error('resultFacts: the award has no confirmed winner');
  }
  const outcome = outcomeOf(evaluation.result);
  const seats = await committeeMembers(tx, lot.id);
  const experts = await expertsByIds(
    tx,
    seats.map((m) => m.userId),
  );
  const inOutcome = new Set([...outcome.ranking, ...outcome.excluded].map((b) => b.submissionId));
  const outside = (await openingBidsOf(tx, lot.id)).filter((b) => !inOutcome.has(b.submissionId));
  const orgs = await organisationsByIds(tx, [
    project.purchaserOrganisationId,
    ...(project.agencyOrganisationId ? [project.agencyOrganisationId] : []),
    ...outcome.ranking.map((b) => b.organisationId),
    ...outcome.excluded.map((b) => b.organisationId),
    ...outside.map((b) => b.organisationId),
  ]);
  const winner = orgs.get(award.winnerOrganisationId);
  const challengeBy = challengeWindow(at).endsAt;
  const notice = renderResultNotice({
    platformName: PLATFORM_NAME,
    code: project.code,
    title: project.title,
    method: project.method,
    purchaserName: orgs.get(project.purchaserOrganisationId)?.name ?? '',
    agencyName: project.agencyOrganisationId ? (orgs.get(project.agencyOrganisationId)?.name ?? null) : null,
    contactName: project.noticeDetails.contactName,
    contactPhone: project.noticeDetails.contactPhone,
    lot: { number: lot.number, title: lot.title },
    winner: { name: winner?.name ?? '', uscc: winner?.uscc ?? null },
    contractAmountFen: award.contractAmountFen,
    committee: seats.map((m) => experts.get(m.userId)?.name ?? ''),
    tieBreakReason: award.tieBreakReason,
    publishedAt: at,
    challengeBy,
  });
  const names = new Map([...orgs].map(([id, o]) => [id, o.name]));
  const letters = draftLetters(outcome, {
    projectTitle: project.title,
    projectCode: project.code,
    lot: { number: lot.number, title: lot.title },
    purchaserName: orgs.get(project.purchaserOrganisationId)?.name ?? '',
    winner: { submissionId: award.winnerSubmissionId, name: winner?.name ?? '' },
    contractAmountFen: award.contractAmountFen,
    challengeBy,
    outside,
    names,
  });
  return {
    notice,
    letters,
    winner: {
      organisationId: award.winnerOrganisationId,
      submissionId: award.winnerSubmissionId,
      name: winner?.name ?? '',
    },
    contractAmountFen: award.contractAmountFen,
    challengeBy,
  };
}

async function openingBidsOf(db: Executor, lotId: string) {
  return db
    .select({ submissionId: openingBids.submissionId, organisationId: openingBids.organisationId })
    .from(openingBids)
    .where(eq(openingBids.lotId, lotId));
}
