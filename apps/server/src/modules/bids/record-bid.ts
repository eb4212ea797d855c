import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { bidConsortiumMembers, bidSubmissions, projects } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent, type Actor, type NewEvent } from '../../platform/events/append-event';
import type { EventType } from '../../platform/events/vocabulary';
import type { Services } from '../../services';
import { assertParticipationsHeld, releaseParticipations } from './participations';
import { assertBeforeDeadline } from './policy';
import type { SubmissionRow } from './repo';
import { submissionTransition } from './submission-transition';

export type MemberRow = typeof bidConsortiumMembers.$inferSelect;

export async function consortiumMembers(tx: Tx | Services['db'], submissionId: string): Promise<MemberRow[]> {
  return tx
    .select()
    .from(bidConsortiumMembers)
    .where(eq(bidConsortiumMembers.submissionId, submissionId))
    .orderBy(asc(bidConsortiumMembers.position));
}

/** Who sees a bid's events: the bidder alone, or every party of a consortium (and oversight in both cases). */
export function bidAudience(row: SubmissionRow, members: readonly MemberRow[]): NewEvent<EventType>['audience'] {
  return members.length
    ? { kind: 'organisations', organisationIds: members.map((m) => m.organisationId) }
    : { kind: 'organisation', organisationId: row.organisationId };
}

/**
 * The moment a bid counts (inside the caller's transaction, the submission row locked `FOR UPDATE` and accepting
 * `event`: a completed upload or a consortium bid's last signature): the deadline checked again by the server clock (`now >= deadline` refused), every party's place on the
 * lot still held for this bidder (实施条例 第二十二条), the bidder's previous `submitted` bid for the lot marked
 * `replaced` (its parties' places freed unless this bid names them), this one `submitted`, events appended.
 */
export async function recordBid(
  tx: Tx,
  s: Services,
  input: {
    id: string;
    event: 'complete' | 'all_signed';
    actor: Actor;
    set?: Partial<typeof bidSubmissions.$inferInsert>;
  },
) {
  const [locked] = await tx.select().from(bidSubmissions).where(eq(bidSubmissions.id, input.id)).for('update');
  const to = submissionTransition(locked?.state, input.event, 'BID_SUBMISSION_USED');
  if (!locked) throw new AppError('NOT_FOUND');
  // FOR SHARE: the opening job locks the project FOR UPDATE when it snapshots the lot's bids at the deadline, so a bid
  // recorded a moment before the deadline is either in that snapshot or, waiting here, refused by the deadline check.
  const [current] = await tx.select().from(projects).where(eq(projects.id, locked.projectId)).for('share');
  if (!current) throw new AppError('NOT_FOUND');
  const at = s.clock.now();
  assertBeforeDeadline(current, at);
  const members = await consortiumMembers(tx, locked.id);
  const parties = members.length ? members.map((m) => m.organisationId) : [locked.organisationId];
  await assertParticipationsHeld(tx, locked.lotId, locked.organisationId, parties);
  const audience = bidAudience(locked, members);
  const [previous] = await tx
    .select()
    .from(bidSubmissions)
    .where(
      and(
        eq(bidSubmissions.lotId, locked.lotId),
        eq(bidSubmissions.organisationId, locked.organisationId),
        eq(bidSubmissions.state, 'submitted'),
      ),
    )
    .for('update');
  const ref = { projectId: locked.projectId, lotId: locked.lotId, organisationId: locked.organisationId };
  if (previous) {
    await tx
      .update(bidSubmissions)
      .set({
        state: submissionTransition(previous.state, 'replace', 'INVALID_STATE'),
        replacedAt: at,
        replacedBySubmissionId: locked.id,
      })
      .where(eq(bidSubmissions.id, previous.id));
    await appendEvent(tx, s.clock, {
      type: 'bid.replaced',
      payload: { ...ref, submissionId: previous.id, replacedBySubmissionId: locked.id },
      actor: input.actor,
      subject: { type: 'bid_submission', id: previous.id },
      audience: bidAudience(previous, await consortiumMembers(tx, previous.id)),
    });
  }
  const [updated] = await tx
    .update(bidSubmissions)
    .set({ ...input.set, state: to, submittedAt: at })
    .where(eq(bidSubmissions.id, locked.id))
    .returning();
  if (!updated?.ciphertextHash || updated.ciphertextLength === null || !updated.ciphertextHashAlgorithm) {
    throw new Error('recording a submission without its ciphertext');
  }
  if (previous) await releaseParticipations(tx, locked.lotId, locked.organisationId);
  const { seq, chainHash } = await appendEvent(tx, s.clock, {
    type: 'bid.submitted',
    payload: {
      ...ref,
      submissionId: locked.id,
      ciphertextHashAlgorithm: updated.ciphertextHashAlgorithm,
      ciphertextHash: updated.ciphertextHash,
      ciphertextLength: updated.ciphertextLength,
      replacesSubmissionId: previous?.id ?? null,
    },
    actor: input.actor,
    subject: { type: 'bid_submission', id: locked.id },
    audience,
  });
  return { updated, members, at, seq, chainHash, replaces: previous?.id ?? null };
}
