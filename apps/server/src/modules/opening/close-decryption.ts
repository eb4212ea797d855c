import { HALL_TRANSITIONS, MIN_VALID_BIDS_FOR_OPENING, nextState, openingOutcome } from '@zhengcai/domain';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { openingBids, openingHalls, type FailureNoticeDraft } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent, type Actor } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { insertNotifications } from '../notifications/repo';
import { loadHall } from './load-hall';
import { SYSTEM_ACTOR, hallSubject } from './open-hall';
import { assertHallRole, hostOrganisationId } from './policy';
import { findProjectAndLot, listOpeningBids, lockHall, organisationNames, type LotRow, type ProjectRow } from './repo';

/** The failure notice (流标公告) draft the agency receives when the lot fails at the opening. */
export function failureNoticeDraft(project: ProjectRow, lot: LotRow, validBids: number): FailureNoticeDraft {
  const where = `${project.title}（项目编号：${project.code}）第${lot.number}包“${lot.title}”`;
  return {
    title: {
      zh: `${project.title}第${lot.number}包流标公告`,
      en: `Failure notice: ${project.code}, lot ${lot.number}`,
    },
    body: {
      zh:
        `${where}于开标时有效投标不足${MIN_VALID_BIDS_FOR_OPENING}家（${validBids}家），根据《政府采购法》第三十六条，` +
        '本包流标。采购人、采购代理机构将依法重新组织采购或者变更采购方式。',
      en:
        `At the opening of ${project.code} lot ${lot.number} ("${lot.title}") fewer than ${MIN_VALID_BIDS_FOR_OPENING} ` +
        `bids were valid (${validBids}); under art. 36 of the Government Procurement Law the lot fails. The purchaser ` +
        'and agency will procure again or change the procurement method as the law provides.',
    },
  };
}

/**
 * The close (inside the caller's transaction, hall locked and `decrypting`): every bid still sealed becomes invalid
 * (NOT_DECRYPTED_IN_WINDOW), the outcome is decided by the 流标 rule, the hall moves to `read_out`; a failed lot gets
 * a failure-notice draft on the hall and in the agency's inbox.
 */
export async function closeHall(tx: Tx, s: Services, lotId: string, by: 'job' | 'host', actor: Actor): Promise<void> {
  const hall = await lockHall(tx, lotId);
  if (!hall) throw new AppError('NOT_FOUND');
  const next = nextState(HALL_TRANSITIONS, hall.state, 'close');
  if (!next) throw new AppError('HALL_STATE', { state: hall.state });
  const found = await findProjectAndLot(tx, lotId);
  if (!found) throw new AppError('NOT_FOUND');
  const now = s.clock.now();
  const bids = await listOpeningBids(tx, lotId);
  const names = await organisationNames(
    tx,
    bids.map((b) => b.organisationId),
  );
  const ref = { projectId: hall.projectId, lotId };
  for (const bid of bids.filter((b) => b.state === 'sealed')) {
    await tx
      .update(openingBids)
      .set({ state: 'invalid', invalidReason: 'NOT_DECRYPTED_IN_WINDOW' })
      .where(and(eq(openingBids.submissionId, bid.submissionId), eq(openingBids.state, 'sealed')));
    await appendEvent(tx, s.clock, {
      type: 'opening.bid_invalid',
      payload: {
        ...ref,
        submissionId: bid.submissionId,
        organisationId: bid.organisationId,
        bidderName: names.get(bid.organisationId) ?? '',
        reason: 'NOT_DECRYPTED_IN_WINDOW',
      },
      actor,
      subject: hallSubject(lotId),
      audience: { kind: 'public' },
    });
  }
  const decrypted = bids.filter((b) => b.state === 'decrypted').length;
  const result = openingOutcome(decrypted);
  const draft = result.outcome === 'failed' ? failureNoticeDraft(found.project, found.lot, decrypted) : null;
  await tx
    .update(openingHalls)
    .set({
      state: next,
      closedAt: now,
      outcome: result.outcome,
      failureReason: result.outcome === 'failed' ? result.reason : null,
      failureNoticeDraft: draft,
    })
    .where(eq(openingHalls.lotId, lotId));
  await appendEvent(tx, s.clock, {
    type: 'opening.decryption_closed',
    payload: {
      ...ref,
      by,
      decrypted,
      invalid: bids.length - decrypted,
      outcome: result.outcome,
      failureReason: result.outcome === 'failed' ? result.reason : null,
    },
    actor,
    subject: hallSubject(lotId),
    audience: { kind: 'public' },
  });
  if (result.outcome === 'failed' && draft) {
    await insertNotifications(tx, [
      {
        organisationId: hostOrganisationId(found.project),
        userId: null,
        kind: 'opening.lot_failed',
        titleZh: draft.title.zh,
        titleEn: draft.title.en,
        bodyZh: draft.body.zh,
        bodyEn: draft.body.en,
        link: `/openings/${lotId}`,
        createdAt: now,
      },
    ]);
    await appendEvent(tx, s.clock, {
      type: 'opening.lot_failed',
      payload: { ...ref, reason: result.reason, validBids: decrypted },
      actor,
      subject: hallSubject(lotId),
      audience: { kind: 'public' },
    });
  }
}

/** The `opening.close_decryption` job: closes the hall at the end of the window (nothing if closed already). */
export async function closeDecryptionJob(tx: Tx, s: Services, lotId: string): Promise<void> {
  const hall = await lockHall(tx, lotId);
  if (!hall || hall.state !== 'decrypting' || !hall.decryptionEndsAt) return;
  if (s.clock.now().getTime() < hall.decryptionEndsAt.getTime()) return;
  await closeHall(tx, s, lotId, 'job', SYSTEM_ACTOR);
}

/** The host ends decryption early, once no bid is sealed. */
export async function closeDecryptionEarly(s: Services, viewer: UserViewer, lotId: string): Promise<void> {
  const ctx = await loadHall(s.db, viewer, lotId);
  assertHallRole(ctx.role, 'host');
  await s.db.transaction(async (tx) => {
    const hall = await lockHall(tx, lotId);
    if (!hall || hall.state !== 'decrypting') throw new AppError('HALL_STATE', { state: hall?.state ?? 'gone' });
    const sealed = (await listOpeningBids(tx, lotId)).filter((b) => b.state === 'sealed').length;
    if (sealed > 0) throw new AppError('BIDS_STILL_SEALED', { count: sealed });
    await closeHall(tx, s, lotId, 'host', actorOf(viewer));
  });
}
