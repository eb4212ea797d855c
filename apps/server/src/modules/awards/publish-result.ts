import { EVALUATION_TRANSITIONS, nextState } from '@zhengcai/domain';
import { eq } from 'drizzle-orm';
import { awardLetters, awards, evaluations, notices } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import type { UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { lockEvaluation } from '../evaluations/repo';
import {
  issueTransactionCertificateIn,
  loadCertificateKeys,
} from '../transaction-certificates/issue-transaction-certificate';
import { LETTERS_PATH, byZh } from './award-notices';
import { insertNotifications } from '../notifications/repo';
import { assertAwardRole } from './policy';
import { lockAward, lotParties } from './repo';
import { resultFacts } from './result-facts';

/**
 * Publishes a lot's result (C13, B8) in ONE transaction, the evaluation row locked: the result notice on the portal
 * (with the committee's names: from now on `expertNamesPublic` is true), a letter per bidder (row + notification),
 * the transaction certificate (ADR 0020), the evaluation `confirmed → published`, and `award.result_published`. If any
 * part fails nothing is published (only the certificate PDF's content-addressed blob may remain, unreferenced).
 */
export async function publishResult(
  s: Services,
  viewer: UserViewer,
  lotId: string,
  requestOrigin: string | null = null,
) {
  const parties = await lotParties(s.db, lotId);
  if (!parties) throw new AppError('NOT_FOUND');
  assertAwardRole(viewer, parties, ['host']);
  const { project, lot } = parties;
  const keys = await loadCertificateKeys(s);
  return s.db.transaction(async (tx) => {
    const now = s.clock.now();
    const evaluation = await lockEvaluation(tx, lotId);
    const award = await lockAward(tx, lotId);
    if (!evaluation || !award) throw new AppError('AWARD_NOT_CONFIRMED');
    if (award.publishedAt) throw new AppError('AWARD_ALREADY_PUBLISHED', { at: byZh(award.publishedAt) });
    const next = nextState(EVALUATION_TRANSITIONS, evaluation.state, 'publish');
    if (!next || !award.confirmedAt) throw new AppError('AWARD_NOT_CONFIRMED');
    const facts = await resultFacts(tx, parties, evaluation, award, now);

    const [notice] = await tx
      .insert(notices)
      .values({
        projectId: project.id,
        kind: 'result',
        title: facts.notice.title,
        body: facts.notice.body,
        lotIds: [lot.id],
        publishedAt: now,
      })
      .returning();
    if (!notice) throw new Error('no notice');
    for (const l of facts.letters) {
      await tx.insert(awardLetters).values({
        lotId: lot.id,
        projectId: project.id,
        submissionId: l.submissionId,
        organisationId: l.organisationId,
        kind: l.kind,
        rank: l.rank,
        total: l.total,
        bidPriceFen: l.bidPriceFen,
        exclusionReason: l.exclusionReason,
        title: l.title,
        body: l.body,
        issuedAt: now,
      });
    }
    await insertNotifications(
      tx,
      facts.letters.map((l) => ({
        userId: null,
        organisationId: l.organisationId,
        kind: l.kind === 'award' ? 'award.letter_award' : 'award.letter_result',
        titleZh: l.title,
        titleEn: `${l.kind === 'award' ? 'Award letter' : 'Result letter'}: ${project.code} lot ${lot.number}`,
        bodyZh: l.body,
        bodyEn:
          l.kind === 'award'
            ? `Your bid won lot ${lot.number} of "${project.title}". See the letter on the platform.`
            : `The result of lot ${lot.number} of "${project.title}" is out. See your letter on the platform.`,
        link: LETTERS_PATH,
        createdAt: now,
      })),
    );
    const certificate = await issueTransactionCertificateIn(tx, s, keys, {
      lotId: lot.id,
      winnerOrganisationId: facts.winner.organisationId,
      contractAmountFen: facts.contractAmountFen,
      resultNoticeId: notice.id,
      issuedBy: { userId: viewer.userId, organisationId: viewer.organisationId },
      requestOrigin,
    });
    await tx.update(evaluations).set({ state: next }).where(eq(evaluations.lotId, lot.id));
    await tx
      .update(awards)
      .set({
        publishedAt: now,
        publishedByUserId: viewer.userId,
        resultNoticeId: notice.id,
        certificateId: certificate.row.id,
      })
      .where(eq(awards.lotId, lot.id));
    await appendEvent(tx, s.clock, {
      type: 'award.result_published',
      payload: {
        projectId: project.id,
        lotId: lot.id,
        noticeId: notice.id,
        winner: { organisationId: facts.winner.organisationId, name: facts.winner.name },
        contractAmountFen: facts.contractAmountFen,
        letters: facts.letters.length,
        certificateNumber: certificate.row.number,
        challengeBy: facts.challengeBy.toISOString(),
      },
      actor: { userId: viewer.userId, organisationId: viewer.organisationId },
      subject: { type: 'project', id: project.id },
      audience: { kind: 'public' },
    });
    return { noticeId: notice.id, certificateNumber: certificate.row.number };
  });
}
