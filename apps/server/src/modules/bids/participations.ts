import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { bidParticipations, organisations } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';

/**
 * 实施条例 第二十二条: an organisation takes part in at most one bid per lot — alone or in one consortium. The places
 * are rows of bid_participations keyed by (lot, organisation): the database refuses a second bidder for the same
 * organisation whatever the order (consortium then solo, solo then consortium, two consortia sharing a member).
 */

async function exclusivityError(db: Executor, organisationId: string): Promise<AppError> {
  const [org] = await db
    .select({ name: organisations.name, uscc: organisations.uscc })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return new AppError('BID_EXCLUSIVITY', { name: org?.name ?? organisationId, uscc: org?.uscc ?? '' });
}

/**
 * Takes the places of `organisationIds` on the lot for `bidderId`'s bid (inside the start transaction). A place already
 * held for the same bidder (its own replacement in progress) is shared; one held for another bidder is refused with
 * BID_EXCLUSIVITY naming the organisation. Concurrent claims serialise on the primary key.
 */
export async function claimParticipations(
  tx: Tx,
  lotId: string,
  bidderId: string,
  organisationIds: readonly string[],
  at: Date,
): Promise<void> {
  for (const organisationId of organisationIds) {
    await tx
      .insert(bidParticipations)
      .values({ lotId, organisationId, bidderOrganisationId: bidderId, since: at })
      .onConflictDoNothing();
  }
  await assertParticipationsHeld(tx, lotId, bidderId, organisationIds);
}

/** Re-check at recording: every place is still held for this bidder (else BID_EXCLUSIVITY naming who). */
export async function assertParticipationsHeld(
  tx: Tx,
  lotId: string,
  bidderId: string,
  organisationIds: readonly string[],
): Promise<void> {
  const held = await tx
    .select()
    .from(bidParticipations)
    .where(and(eq(bidParticipations.lotId, lotId), inArray(bidParticipations.organisationId, [...organisationIds])))
    .for('update');
  for (const organisationId of organisationIds) {
    const row = held.find((h) => h.organisationId === organisationId);
    if (row?.bidderOrganisationId !== bidderId) throw await exclusivityError(tx, organisationId);
  }
}

/**
 * Frees the places of `bidderId`'s bid on the lot that no live submission of that bidder names any more (after a
 * submission expired, was cancelled, withdrawn or replaced). In the transaction of that state change.
 */
export async function releaseParticipations(tx: Tx, lotId: string, bidderId: string): Promise<void> {
  await tx.execute(sql`
    delete from bid_participations p
    where p.lot_id = ${lotId} and p.bidder_organisation_id = ${bidderId}
      and not exists (
        select 1 from bid_submissions s
        left join bid_consortium_members m on m.submission_id = s.id
        where s.lot_id = p.lot_id and s.organisation_id = p.bidder_organisation_id
          and s.state in ('uploading', 'awaiting_members', 'submitted')
          and (s.organisation_id = p.organisation_id or m.organisation_id = p.organisation_id)
      )`);
}
