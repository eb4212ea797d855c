import { eq } from 'drizzle-orm';
import { bidSubmissions, projects } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { ownSubmission } from './complete-submission';
import { releaseParticipations } from './participations';
import { assertBeforeDeadline } from './policy';
import { bidAudience, consortiumMembers } from './record-bid';
import { submissionTransition } from './submission-transition';

/**
 * 撤回: the bidder (for a consortium, its lead) withdraws its current bid before the deadline (by the server clock);
 * it is no longer counted. A consortium bid still waiting for its members is cancelled the same way. The parties'
 * places on the lot are freed in the same transaction.
 */
export async function withdrawBid(s: Services, viewer: UserViewer, id: string): Promise<void> {
  await ownSubmission(s, viewer, id);
  await s.db.transaction(async (tx) => {
    const [row] = await tx.select().from(bidSubmissions).where(eq(bidSubmissions.id, id)).for('update');
    if (!row) throw new AppError('NOT_FOUND');
    const to = submissionTransition(row.state, 'withdraw', 'INVALID_STATE');
    // FOR SHARE: serialised with the opening job's snapshot at the deadline (it locks the project FOR UPDATE).
    const [project] = await tx.select().from(projects).where(eq(projects.id, row.projectId)).for('share');
    if (!project) throw new AppError('NOT_FOUND');
    const at = s.clock.now();
    assertBeforeDeadline(project, at);
    await tx.update(bidSubmissions).set({ state: to, withdrawnAt: at }).where(eq(bidSubmissions.id, id));
    await releaseParticipations(tx, row.lotId, row.organisationId);
    await appendEvent(tx, s.clock, {
      type: to === 'cancelled' ? 'bid.cancelled' : 'bid.withdrawn',
      payload: { submissionId: id, projectId: row.projectId, lotId: row.lotId, organisationId: row.organisationId },
      actor: actorOf(viewer),
      subject: { type: 'bid_submission', id },
      audience: bidAudience(row, await consortiumMembers(tx, id)),
    });
  });
}
