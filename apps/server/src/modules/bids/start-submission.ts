import { randomNonce } from '@zhengcai/seal';
import { bidSubmissions } from '../../db/schema';
import { appendEvent } from '../../platform/events/append-event';
import { scheduleJob } from '../../platform/jobs/schedule-job';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { assertMayBid } from './policy';

export const UPLOADS_PATH = '/api/uploads';
export const EXPIRE_UPLOAD_JOB = 'bids.expire-upload';
/** An unfinished upload may be resumed for this long (and never past the deadline). */
export const UPLOAD_LIFETIME_MS = 24 * 3600 * 1000;

/**
 * The supplier starts a submission for a lot: the server issues a fresh nonce bound to project, lot, bidder
 * organisation and user, and the tus upload the ciphertext goes to (named by the submission id).
 */
export async function startSubmission(s: Services, viewer: UserViewer, input: { projectId: string; lotId: string }) {
  const now = s.clock.now();
  const { project, certificates } = await assertMayBid(s.db, viewer, input, now);
  const organisationId = viewer.organisationId;
  if (!organisationId || !project.bidDeadline) throw new Error('checked by assertMayBid');
  const expiresAt = new Date(Math.min(now.getTime() + UPLOAD_LIFETIME_MS, project.bidDeadline.getTime()));
  return s.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(bidSubmissions)
      .values({
        projectId: input.projectId,
        lotId: input.lotId,
        organisationId,
        userId: viewer.userId,
        nonce: randomNonce(),
        suite: certificates.signing.suite,
        state: 'uploading',
        expiresAt,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await appendEvent(tx, s.clock, {
      type: 'bid.upload_started',
      payload: { submissionId: row.id, projectId: row.projectId, lotId: row.lotId, organisationId },
      actor: actorOf(viewer),
      subject: { type: 'bid_submission', id: row.id },
      audience: { kind: 'organisation', organisationId },
    });
    await scheduleJob(tx, s.clock, {
      kind: EXPIRE_UPLOAD_JOB,
      payload: { submissionId: row.id },
      runAt: expiresAt,
      dedupeKey: `${EXPIRE_UPLOAD_JOB}:${row.id}`,
    });
    return { row, certificates };
  });
}
