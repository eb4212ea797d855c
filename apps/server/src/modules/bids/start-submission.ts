import type { ConsortiumMemberInput } from '@zhengcai/domain';
import { randomNonce } from '@zhengcai/seal';
import { eq } from 'drizzle-orm';
import { bidConsortiumMembers, bidSubmissions, organisations, type IssuedKeyEscrow } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { scheduleJob } from '../../platform/jobs/schedule-job';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { findUsableCertificates } from '../certificates/repo';
import { listKeyHolders } from '../projects/key-escrow';
import type { Executor } from '../../db/client';
import { claimParticipations } from './participations';
import { assertMayBid } from './policy';
import { resolveConsortium, type ResolvedConsortium } from './resolve-consortium';

export const UPLOADS_PATH = '/api/uploads';
export const EXPIRE_UPLOAD_JOB = 'bids.expire-upload';
/** An unfinished upload may be resumed for this long (and never past the deadline). */
export const UPLOAD_LIFETIME_MS = 24 * 3600 * 1000;

/** What the browser needs to escrow the content key: k and each holder's current encryption key, in share order. */
export interface KeyEscrowIssue {
  threshold: number;
  holders: { holderId: string; publicKey: string; certificateId: string; name: string }[];
}

/**
 * The project's key escrow as of now (ADR 0015), or null when it escrows no keys. A holder whose encryption
 * certificate is no longer usable stops sealing (KEY_HOLDER_UNAVAILABLE): a share wrapped for a revoked key would
 * be no share at all.
 */
export async function issueKeyEscrow(
  db: Executor,
  project: { id: string; keyEscrowThreshold: number | null },
  at: Date,
): Promise<KeyEscrowIssue | null> {
  if (project.keyEscrowThreshold === null) return null;
  const holders: KeyEscrowIssue['holders'] = [];
  for (const h of await listKeyHolders(db, project.id)) {
    const usable = await findUsableCertificates(db, h.userId, at);
    if (!usable) throw new AppError('KEY_HOLDER_UNAVAILABLE', { name: h.name });
    holders.push({
      holderId: h.userId,
      publicKey: usable.encryption.publicKey,
      certificateId: usable.encryption.id,
      name: h.name,
    });
  }
  return { threshold: project.keyEscrowThreshold, holders };
}

export interface StartInput {
  projectId: string;
  lotId: string;
  /** A consortium bid (联合体投标): every party with its role and share; the caller's organisation is the lead. */
  consortium?: { members: ConsortiumMemberInput[] } | undefined;
}

/**
 * The supplier starts a submission for a lot: the server issues a fresh nonce bound to project, lot, bidder
 * organisation and user, and the tus upload the ciphertext goes to (named by the submission id). For a consortium
 * the lot must accept consortia, the composition is checked and recorded with each member's scale, and every
 * party's place on the lot is taken (exclusivity, 实施条例 第二十二条) in the same transaction.
 */
export async function startSubmission(s: Services, viewer: UserViewer, input: StartInput) {
  const now = s.clock.now();
  const { project, lot, certificates } = await assertMayBid(s.db, viewer, input, now);
  const organisationId = viewer.organisationId;
  if (!organisationId || !project.bidDeadline) throw new Error('checked by assertMayBid');
  let consortium: ResolvedConsortium | null = null;
  if (input.consortium) {
    if (!lot.consortiumAllowed) throw new AppError('CONSORTIUM_NOT_ALLOWED');
    const [lead] = await s.db
      .select({ id: organisations.id, uscc: organisations.uscc })
      .from(organisations)
      .where(eq(organisations.id, organisationId));
    if (!lead) throw new AppError('SUPPLIER_NOT_ACTIVE');
    consortium = await resolveConsortium(s.db, lead, input.consortium.members, now);
  }
  const keyEscrow = await issueKeyEscrow(s.db, project, now);
  const issued: IssuedKeyEscrow | null = keyEscrow && {
    threshold: keyEscrow.threshold,
    holders: keyEscrow.holders.map(({ holderId, publicKey, certificateId }) => ({
      holderId,
      publicKey,
      certificateId,
    })),
  };
  const expiresAt = new Date(Math.min(now.getTime() + UPLOAD_LIFETIME_MS, project.bidDeadline.getTime()));
  return s.db.transaction(async (tx) => {
    const parties = consortium ? consortium.members.map((m) => m.organisationId) : [organisationId];
    await claimParticipations(tx, input.lotId, organisationId, parties, now);
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
        // The content key will be wrapped for this key: completion refuses the bid if it is no longer the usable one.
        encryptionCertificateId: certificates.encryption.id,
        keyEscrowIssued: issued,
        expiresAt,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    if (consortium) {
      await tx.insert(bidConsortiumMembers).values(
        consortium.members.map((m, position) => ({
          submissionId: row.id,
          organisationId: m.organisationId,
          position,
          role: m.role,
          shareBasisPoints: m.shareBasisPoints,
          uscc: m.uscc,
          name: m.name,
          scale: m.scale,
        })),
      );
    }
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
    return { row, certificates, consortium: consortium?.composition ?? null, keyEscrow };
  });
}
