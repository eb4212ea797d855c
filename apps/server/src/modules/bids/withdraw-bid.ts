import { eq } from 'drizzle-orm';
import { bidSubmissions, projects } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { ownSubmission } from './complete-submission';
import { assertBeforeDeadline } from './policy';

/** 撤回: the bidder withdraws its current bid before the deadline (by the server clock); it is no longer counted. */
export async function withdrawBid(s: Services, viewer: UserViewer, id: string): Promise<void> {
  await ownSubmission(s, viewer, id);
  await s.db.transaction(async (tx) => {
    const [row] = await tx.select().from(bidSubmissions).where(eq(bidSubmissions.id, id)).for('update');
    if (!row) throw new AppError('NOT_FOUND');
    if (row.state !== 'submitted') throw new AppError('INVALID_STATE', { state: row.state });
    const [project] = await tx.select().from(projects).where(eq(projects.id, row.projectId));
    if (!project) throw new AppError('NOT_FOUND');
    const at = s.clock.now();
    assertBeforeDeadline(project, at);
    await tx.update(bidSubmissions).set({ state: 'withdrawn', withdrawnAt: at }).where(eq(bidSubmissions.id, id));
    await appendEvent(tx, s.clock, {
      type: 'bid.withdrawn',
      payload: { submissionId: id, projectId: row.projectId, lotId: row.lotId, organisationId: row.organisationId },
      actor: actorOf(viewer),
      subject: { type: 'bid_submission', id },
      audience: { kind: 'organisation', organisationId: row.organisationId },
    });
  });
}
