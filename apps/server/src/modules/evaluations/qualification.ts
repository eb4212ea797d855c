import { MIN_BIDS_FOR_EVALUATION } from '@zhengcai/domain';
import { eq } from 'drizzle-orm';
import { evaluationQualifications, evaluations } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { hostOrganisationId } from '../opening/policy';
import { organisationNames } from '../opening/repo';
import { bidUnderReview, evaluationContext } from './context';
import { notifyMembers } from './notices';
import { decryptedBids, listQualifications } from './repo';
import { assertStage, lockedEvaluation, transition } from './stage';
import { evaluationSubject } from './start';
import { failureReasonAfter, STATE_TEXT } from './texts';

export interface ReviewInput {
  passed: boolean;
  /** Required when failing (the schema says so); kept when passing if given. */
  reason?: string | null | undefined;
}

/** An opening bid that is not decrypted: it was invalid at the opening and is not reviewed. */
export function notDecrypted(bidder: string, stage: 'qualification' | 'compliance'): AppError {
  return new AppError('EVALUATION_BID_NOT_IN_STAGE', {
    bidder,
    reasonZh: '开标时未能解密（无效投标）',
    reasonEn: 'could not be decrypted at the opening (invalid bid)',
    stageZh: STATE_TEXT[stage].zh,
    stageEn: STATE_TEXT[stage].en,
  });
}

/**
 * The host passes or fails one decrypted bid's qualification (资格审查), with a reason when failing; it may change
 * its review until it ends the stage. A bid of another lot is "not found"; an invalid bid is not reviewed.
 */
export async function reviewQualification(
  s: Services,
  viewer: UserViewer,
  lotId: string,
  submissionId: string,
  input: ReviewInput,
): Promise<void> {
  const { ctx, bid, bidderName } = await bidUnderReview(s.db, viewer, lotId, submissionId, ['host']);
  await s.db.transaction(async (tx) => {
    const row = await lockedEvaluation(tx, lotId);
    assertStage(row, ['qualification'], 'qualify');
    if (bid.state !== 'decrypted') throw notDecrypted(bidderName, 'qualification');
    const now = s.clock.now();
    const reason = input.reason?.trim() || null;
    const values = { passed: input.passed, reason, reviewedByUserId: viewer.userId, reviewedAt: now };
    await tx
      .insert(evaluationQualifications)
      .values({ submissionId, lotId, ...values })
      .onConflictDoUpdate({ target: evaluationQualifications.submissionId, set: values });
    await appendEvent(tx, s.clock, {
      type: 'evaluation.qualification_reviewed',
      payload: {
        projectId: ctx.project.id,
        lotId,
        submissionId,
        organisationId: bid.organisationId,
        bidderName,
        passed: input.passed,
        reason,
      },
      actor: actorOf(viewer),
      subject: evaluationSubject(lotId),
      audience: { kind: 'organisation', organisationId: hostOrganisationId(ctx.project) },
    });
  });
}

/**
 * The host ends the qualification review: every decrypted bid must have been reviewed (else the missing ones are
 * named). With fewer than 3 qualified bids the lot fails (废标, 政府采购法 第三十六条); otherwise the committee's
 * compliance review begins and the members are told.
 */
export async function finishQualification(s: Services, viewer: UserViewer, lotId: string): Promise<void> {
  const ctx = await evaluationContext(s.db, viewer, lotId, ['host']);
  await s.db.transaction(async (tx) => {
    const row = await lockedEvaluation(tx, lotId);
    assertStage(row, ['qualification'], 'finishQualification');
    const bids = await decryptedBids(tx, lotId);
    const reviews = new Map((await listQualifications(tx, lotId)).map((q) => [q.submissionId, q]));
    const missing = bids.filter((b) => !reviews.has(b.submissionId));
    if (missing.length > 0) {
      const names = await organisationNames(
        tx,
        missing.map((b) => b.organisationId),
      );
      throw new AppError('EVALUATION_REVIEWS_MISSING', {
        bidders: missing.map((b) => `“${names.get(b.organisationId) ?? b.submissionId}”`).join('、'),
      });
    }
    const qualified = bids.filter((b) => reviews.get(b.submissionId)?.passed).map((b) => b.submissionId);
    const disqualified = bids.filter((b) => !reviews.get(b.submissionId)?.passed).map((b) => b.submissionId);
    const now = s.clock.now();
    const fails = qualified.length < MIN_BIDS_FOR_EVALUATION;
    const failureReason = fails ? failureReasonAfter('qualification', qualified.length) : null;
    await tx
      .update(evaluations)
      .set({
        state: transition(row, fails ? 'fail' : 'finish_qualification'),
        qualificationFinishedAt: now,
        ...(fails ? { failureReason, failedAt: now } : {}),
      })
      .where(eq(evaluations.lotId, lotId));
    await appendEvent(tx, s.clock, {
      type: 'evaluation.qualification_finished',
      payload: {
        projectId: ctx.project.id,
        lotId,
        qualified,
        disqualified,
        outcome: fails ? 'failed' : 'compliance',
        failureReason,
      },
      actor: actorOf(viewer),
      subject: evaluationSubject(lotId),
      audience: { kind: 'organisation', organisationId: hostOrganisationId(ctx.project) },
    });
    await notifyMembers(
      tx,
      now,
      ctx.members.map((m) => m.userId),
      ctx,
      fails ? 'failed' : 'compliance',
    );
  });
}
