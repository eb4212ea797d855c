import { verifyConsortiumSignature } from '@zhengcai/seal';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { bidConsortiumMembers, bidSubmissions, projects } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { findUsableCertificates } from '../certificates/repo';
import { insertNotifications } from '../notifications/repo';
import { visibleConsortiumBid } from './consortium-requests';
import { issueReceipt } from './issue-receipt';
import { releaseParticipations } from './participations';
import { assertBeforeDeadline } from './policy';
import type { SignedReceipt } from './receipt';
import { bidAudience, consortiumMembers, recordBid } from './record-bid';
import type { SubmissionRow } from './repo';
import { submissionTransition } from './submission-transition';

/**
 * Locks a consortium bid that waits for the caller's organisation: the submission `FOR UPDATE` in `awaiting_members`,
 * before the deadline, the caller's member row not yet decided. Returns the locked row and the members.
 */
async function lockPending(tx: Tx, s: Services, viewer: UserViewer, id: string) {
  const [row] = await tx.select().from(bidSubmissions).where(eq(bidSubmissions.id, id)).for('update');
  // Only a bid awaiting its members takes a signature (all_signed) or a refusal (decline).
  submissionTransition(row?.state, 'decline', 'INVALID_STATE');
  if (!row) throw new AppError('NOT_FOUND');
  const [project] = await tx.select().from(projects).where(eq(projects.id, row.projectId));
  if (!project) throw new AppError('NOT_FOUND');
  assertBeforeDeadline(project, s.clock.now());
  const members = await consortiumMembers(tx, id);
  const me = members.find((m) => m.organisationId === viewer.organisationId);
  if (!me) throw new AppError('NOT_FOUND');
  if (me.signedAt || me.declinedAt) {
    throw new AppError('INVALID_STATE', { state: me.signedAt ? 'signed' : 'declined' });
  }
  return { row, members, me, project };
}

/** The payload of a member's act: the bid's ids and the member organisation (ids only). */
const memberPayload = (row: SubmissionRow, memberOrganisationId: string) => ({
  submissionId: row.id,
  projectId: row.projectId,
  lotId: row.lotId,
  organisationId: row.organisationId,
  memberOrganisationId,
});

type Pending = Awaited<ReturnType<typeof lockPending>>;

/**
 * Records the caller's member decision on the locked bid (its signature or its refusal) and the matching event: the
 * step signing and declining share.
 */
async function recordDecision(
  tx: Tx,
  s: Services,
  viewer: UserViewer,
  { row, members, me }: Pending,
  decision:
    | { type: 'bid.consortium_signed'; set: { signature: string; signingCertificateId: string } }
    | { type: 'bid.consortium_declined'; set: { declineReason: string | null } },
): Promise<Date> {
  const at = s.clock.now();
  const decided = decision.type === 'bid.consortium_signed' ? { signedAt: at } : { declinedAt: at };
  await tx
    .update(bidConsortiumMembers)
    .set({ ...decision.set, ...decided, decidedByUserId: viewer.userId })
    .where(
      and(eq(bidConsortiumMembers.submissionId, row.id), eq(bidConsortiumMembers.organisationId, me.organisationId)),
    );
  await appendEvent(tx, s.clock, {
    type: decision.type,
    payload: memberPayload(row, me.organisationId),
    actor: actorOf(viewer),
    subject: { type: 'bid_submission', id: row.id },
    audience: bidAudience(row, members),
  });
  return at;
}

/**
 * A member co-signs the lead's statement (联合体各方签署). The signature is verified against the member user's usable
 * signing certificate (a revoked or expired one is refused); then, in one transaction, it is stored and — when it is
 * the last one — the bid is recorded (deadline, exclusivity and replacement checked again) and its receipt issued.
 * If any check fails nothing is stored.
 */
export async function signConsortiumBid(
  s: Services,
  viewer: UserViewer,
  id: string,
  signature: string,
): Promise<{ recorded: boolean; receipt: SignedReceipt | null }> {
  const bid = await visibleConsortiumBid(s, viewer, id);
  const org = viewer.account.organisation;
  if (!org || org.status !== 'active' || org.kind !== 'supplier') throw new AppError('SUPPLIER_NOT_ACTIVE');
  const now = s.clock.now();
  const certificates = await findUsableCertificates(s.db, viewer.userId, now);
  if (!certificates) throw new AppError('CERTIFICATE_REQUIRED');
  const statement = bid.row.envelope?.statement;
  if (bid.row.envelope?.suite !== certificates.signing.suite) {
    throw new AppError('CONSORTIUM_SIGNATURE_REJECTED', { reason: 'SUITE_MISMATCH' });
  }
  const verification = await verifyConsortiumSignature({
    statement,
    memberOrganisationId: bid.me.organisationId,
    signature,
    signerPublicKey: certificates.signing.publicKey,
  });
  if (!verification.valid) throw new AppError('CONSORTIUM_SIGNATURE_REJECTED', { reason: verification.reason });

  const outcome = await s.db.transaction(async (tx) => {
    const pending = await lockPending(tx, s, viewer, id);
    const { row, members, me } = pending;
    const at = await recordDecision(tx, s, viewer, pending, {
      type: 'bid.consortium_signed',
      set: { signature, signingCertificateId: certificates.signing.id },
    });
    if (members.some((m) => m.organisationId !== me.organisationId && !m.signedAt)) return null;
    const recorded = await recordBid(tx, s, { id, event: 'all_signed', actor: actorOf(viewer) });
    await insertNotifications(tx, [
      {
        organisationId: row.organisationId,
        kind: 'bid.submitted',
        titleZh: '联合体投标已全部签署并递交',
        titleEn: 'Consortium bid signed by every member and submitted',
        bodyZh: '全部联合体成员已签署，投标已递交，可下载回执。',
        bodyEn: 'Every consortium member has signed; the bid is submitted and its receipt is ready.',
        link: `/workspace/tenders/${row.projectId}/bid`,
        createdAt: at,
      },
    ]);
    return recorded;
  });
  if (!outcome) return { recorded: false, receipt: null };
  return { recorded: true, receipt: await issueReceipt(s, outcome) };
}

/** A member declines (拒绝): the consortium bid is cancelled, never counted, its places freed, and the lead told. */
export async function declineConsortiumBid(s: Services, viewer: UserViewer, id: string, reason: string): Promise<void> {
  await visibleConsortiumBid(s, viewer, id);
  await s.db.transaction(async (tx) => {
    const pending = await lockPending(tx, s, viewer, id);
    const { row, me, project } = pending;
    const at = await recordDecision(tx, s, viewer, pending, {
      type: 'bid.consortium_declined',
      set: { declineReason: reason || null },
    });
    const to = submissionTransition(row.state, 'decline', 'INVALID_STATE');
    await tx.update(bidSubmissions).set({ state: to }).where(eq(bidSubmissions.id, id));
    await releaseParticipations(tx, row.lotId, row.organisationId);
    await insertNotifications(tx, [
      {
        organisationId: row.organisationId,
        kind: 'bid.consortium_declined',
        titleZh: `联合体成员拒绝签署：${project.code}`,
        titleEn: `A consortium member declined: ${project.code}`,
        bodyZh: `${me.name} 拒绝签署，联合体投标已取消，不计入开标。${reason ? `理由：${reason}` : ''}`,
        bodyEn: `${me.name} declined to sign; the consortium bid is cancelled and will not be opened.${reason ? ` Reason: ${reason}` : ''}`,
        link: `/workspace/tenders/${row.projectId}/bid`,
        createdAt: at,
      },
    ]);
  });
}
