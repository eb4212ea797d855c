import { BID_SUBMISSION_TRANSITIONS, nextState } from '@zhengcai/domain';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { bidSubmissions } from '../../db/schema';
import { appendEvent } from '../../platform/events/append-event';
import type { HashingFileStore } from '../../platform/uploads/hashing-file-store';
import type { Services } from '../../services';
import { insertNotifications } from '../notifications/repo';
import { releaseParticipations } from './participations';
import { bidAudience, consortiumMembers } from './record-bid';

/**
 * The job at a submission's expiry: an upload still unfinished (never completed) becomes `expired`, can never be
 * completed, and its staged bytes are removed; a consortium bid still waiting for a member's signature at the deadline
 * becomes `expired` too (not accepted) and its lead is told why. Either way the parties' places on the lot are freed.
 * A completed, replaced, withdrawn or cancelled submission is left alone.
 */
export async function expireUpload(s: Services, store: HashingFileStore, tx: Tx, submissionId: string): Promise<void> {
  const [row] = await tx.select().from(bidSubmissions).where(eq(bidSubmissions.id, submissionId)).for('update');
  const to = row ? nextState(BID_SUBMISSION_TRANSITIONS, row.state, 'expire') : null;
  if (!row || !to || row.expiresAt.getTime() > s.clock.now().getTime()) return;
  await tx.update(bidSubmissions).set({ state: to }).where(eq(bidSubmissions.id, row.id));
  await releaseParticipations(tx, row.lotId, row.organisationId);
  const payload = {
    submissionId: row.id,
    projectId: row.projectId,
    lotId: row.lotId,
    organisationId: row.organisationId,
  };
  const base = { actor: { userId: null, organisationId: null }, subject: { type: 'bid_submission', id: row.id } };
  if (row.state === 'uploading') {
    await appendEvent(tx, s.clock, {
      ...base,
      type: 'bid.upload_expired',
      payload,
      audience: { kind: 'organisation', organisationId: row.organisationId },
    });
    await removeStaged(store, row.id);
    return;
  }
  const members = await consortiumMembers(tx, row.id);
  await appendEvent(tx, s.clock, {
    ...base,
    type: 'bid.consortium_expired',
    payload,
    audience: bidAudience(row, members),
  });
  const unsigned = members.filter((m) => !m.signedAt).map((m) => m.name);
  await insertNotifications(tx, [
    {
      organisationId: row.organisationId,
      kind: 'bid.consortium_expired',
      titleZh: '联合体投标未被接收：截止前成员未全部签署',
      titleEn: 'Consortium bid not accepted: not every member signed before the deadline',
      bodyZh: `投标截止时以下成员尚未签署：${unsigned.join('、')}。`,
      bodyEn: `At the bid deadline these members had not signed: ${unsigned.join(', ')}.`,
      link: null,
      createdAt: s.clock.now(),
    },
  ]);
}

export async function removeStaged(store: HashingFileStore, id: string): Promise<void> {
  try {
    await store.remove(id);
  } catch {
    // nothing was uploaded, or it was removed already
  }
}
