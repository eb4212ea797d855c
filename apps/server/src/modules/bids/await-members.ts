import { and, eq } from 'drizzle-orm';
import { bidConsortiumMembers, bidSubmissions, projects } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { scheduleJob } from '../../platform/jobs/schedule-job';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { insertNotifications } from '../notifications/repo';
import { assertBeforeDeadline } from './policy';
import { bidAudience, consortiumMembers } from './record-bid';
import type { SubmissionRow } from './repo';
import { submissionTransition } from './submission-transition';
import { EXPIRE_UPLOAD_JOB } from './start-submission';

/** Where a member reviews and co-signs a consortium request in the web app. */
export const requestLink = (id: string) => `/workspace/consortium-requests/${id}`;

/**
 * A consortium bid whose lead's envelope verified: it now waits for the other members (`awaiting_members`) until the
 * deadline at the latest, the lead's own signature is its envelope's, each member organisation gets a notice, and an
 * expiry job runs at the deadline (a bid not signed by every member by then is not accepted).
 */
export async function awaitMembers(
  s: Services,
  viewer: UserViewer,
  id: string,
  sealed: Partial<typeof bidSubmissions.$inferInsert> & {
    signingCertificateId: string;
    envelope: { signature: string };
  },
): Promise<SubmissionRow> {
  return s.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(bidSubmissions).where(eq(bidSubmissions.id, id)).for('update');
    const to = submissionTransition(locked?.state, 'await_members', 'BID_SUBMISSION_USED');
    if (!locked) throw new AppError('NOT_FOUND');
    const [project] = await tx.select().from(projects).where(eq(projects.id, locked.projectId));
    if (!project?.bidDeadline) throw new AppError('NOT_FOUND');
    const at = s.clock.now();
    assertBeforeDeadline(project, at);
    const [updated] = await tx
      .update(bidSubmissions)
      .set({ ...sealed, state: to, expiresAt: project.bidDeadline })
      .where(eq(bidSubmissions.id, id))
      .returning();
    if (!updated) throw new Error('update returned nothing');
    await tx
      .update(bidConsortiumMembers)
      .set({
        signature: sealed.envelope.signature,
        signingCertificateId: sealed.signingCertificateId,
        signedAt: at,
        decidedByUserId: viewer.userId,
      })
      .where(
        and(eq(bidConsortiumMembers.submissionId, id), eq(bidConsortiumMembers.organisationId, locked.organisationId)),
      );
    const members = await consortiumMembers(tx, id);
    await appendEvent(tx, s.clock, {
      type: 'bid.consortium_awaiting',
      payload: {
        submissionId: id,
        projectId: locked.projectId,
        lotId: locked.lotId,
        organisationId: locked.organisationId,
        ciphertextHash: updated.ciphertextHash ?? '',
        memberOrganisationIds: members.map((m) => m.organisationId),
      },
      actor: actorOf(viewer),
      subject: { type: 'bid_submission', id },
      audience: bidAudience(locked, members),
    });
    const lead = members.find((m) => m.role === 'lead');
    await insertNotifications(
      tx,
      members
        .filter((m) => m.role !== 'lead')
        .map((m) => ({
          organisationId: m.organisationId,
          kind: 'bid.consortium_awaiting',
          titleZh: `联合体投标待您签署：${project.code}`,
          titleEn: `A consortium bid awaits your signature: ${project.code}`,
          bodyZh: `${lead?.name ?? ''}（牵头人）邀请贵单位作为联合体成员参加“${project.title}”的投标，请在投标截止前核对组成与分工并签署或拒绝。`,
          bodyEn: `${lead?.name ?? ''} (lead) names your organisation as a member of its consortium bid for "${project.title}". Check the composition and shares and sign or decline before the bid deadline.`,
          link: requestLink(id),
          createdAt: at,
        })),
    );
    await scheduleJob(tx, s.clock, {
      kind: EXPIRE_UPLOAD_JOB,
      payload: { submissionId: id },
      runAt: project.bidDeadline,
      dedupeKey: `${EXPIRE_UPLOAD_JOB}:${id}:members`,
    });
    return updated;
  });
}
