import { HALL_TRANSITIONS, nextState } from '@zhengcai/domain';
import { fromHex } from '@zhengcai/seal';
import { eq } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { certificates, openingHalls, openingSignatures, users } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { renderRecordPdf } from '../../platform/pdf/render-record';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { verifyUserSignature } from '../certificates/verify-user-signature';
import { loadHall } from './load-hall';
import { hallSubject } from './open-hall';
import { buildOpeningRecord, recordHash, type OpeningRecord } from './opening-record';
import { assertHallRole } from './policy';
import { openingRecordPdf, type RecordSignature } from './record-pdf';
import { findAttendance, listAttendance, listSignatures, lockHall, type HallRow } from './repo';

/** The record to sign: frozen on the hall once the host signed, else built from the rows now. */
export async function currentRecord(
  db: Executor,
  hall: HallRow,
): Promise<{ record: OpeningRecord; hash: string; frozen: boolean }> {
  if (hall.record && hall.recordHash)
    return { record: hall.record as unknown as OpeningRecord, hash: hall.recordHash, frozen: true };
  const record = await buildOpeningRecord(db, hall);
  return { record, hash: recordHash(record), frozen: false };
}

async function signatureRows(db: Services['db'], lotId: string): Promise<RecordSignature[]> {
  const rows = await listSignatures(db, lotId);
  const out: RecordSignature[] = [];
  for (const r of rows) {
    const [cert] = await db
      .select({ fingerprint: certificates.fingerprint })
      .from(certificates)
      .where(eq(certificates.id, r.row.certificateId));
    out.push({
      name: r.displayName,
      role: r.row.role,
      signedAt: r.row.signedAt,
      certificateFingerprint: cert?.fingerprint ?? '',
      signature: r.row.signature,
    });
  }
  return out;
}

async function publish(tx: Tx, s: Services, hall: HallRow, hash: string, pdfKey: string, viewer: UserViewer) {
  const at = s.clock.now();
  await tx
    .update(openingHalls)
    .set({ state: 'published', recordBlobKey: pdfKey, publishedAt: at })
    .where(eq(openingHalls.lotId, hall.lotId));
  await appendEvent(tx, s.clock, {
    type: 'opening.record_published',
    payload: {
      projectId: hall.projectId,
      lotId: hall.lotId,
      recordHash: hash,
      pdfSha256: pdfKey,
      outcome: hall.outcome ?? 'failed',
    },
    actor: actorOf(viewer),
    subject: hallSubject(hall.lotId),
    audience: { kind: 'public' },
  });
}

/**
 * 签署开标记录: the host signs the record's hash (the record is frozen on the hall; `signed`), then a supervisor who
 * signed in signs the same hash (`published`); with no supervisor signed in the host's signature publishes it. The
 * signature is verified over the 32 hash bytes with the signer's usable certificate outside the transaction; the
 * PDF is rendered and stored before the transaction that publishes it.
 */
export async function signRecord(s: Services, viewer: UserViewer, lotId: string, signature: string): Promise<void> {
  const ctx = await loadHall(s.db, viewer, lotId);
  assertHallRole(ctx.role, 'host', 'supervisor');
  const role = ctx.role === 'host' ? 'host' : 'supervisor';
  const event = role === 'host' ? 'host_sign' : 'supervisor_sign';
  if (!nextState(HALL_TRANSITIONS, ctx.hall.state, event)) throw new AppError('HALL_STATE', { state: ctx.hall.state });
  if (role === 'supervisor') {
    const attendance = await findAttendance(s.db, lotId, viewer.userId);
    if (attendance?.role !== 'supervisor') throw new AppError('HALL_SIGN_IN_REQUIRED');
  } else {
    const unanswered = ctx.bids.filter((b) => b.confirmation === 'objected' && b.answer === null).length;
    if (unanswered > 0) throw new AppError('OBJECTIONS_UNANSWERED', { count: unanswered });
  }
  const existing = await signatureRows(s.db, lotId);
  if (existing.some((x) => x.role === role)) throw new AppError('ALREADY_SIGNED');
  const { record, hash } = await currentRecord(s.db, ctx.hall);
  const at = s.clock.now();
  const check = await verifyUserSignature(s, viewer.userId, fromHex(hash), signature, at);
  if (!check.valid) throw new AppError('HALL_SIGNATURE_INVALID', { reason: check.reason });
  const supervisors = (await listAttendance(s.db, lotId)).filter((a) => a.row.role === 'supervisor').length;
  const publishes = role === 'supervisor' || supervisors === 0;
  const [me] = await s.db.select({ displayName: users.displayName }).from(users).where(eq(users.id, viewer.userId));
  const mine: RecordSignature = {
    name: me?.displayName ?? '',
    role,
    signedAt: at,
    certificateFingerprint: check.certificate.fingerprint,
    signature,
  };
  const pdfKey = publishes
    ? (await s.blobs.put(await renderRecordPdf(openingRecordPdf(record, hash, [...existing, mine])))).hash
    : null;
  await s.db.transaction(async (tx) => {
    const hall = await lockHall(tx, lotId);
    if (!hall) throw new AppError('NOT_FOUND');
    const next = nextState(HALL_TRANSITIONS, hall.state, event);
    if (!next) throw new AppError('HALL_STATE', { state: hall.state });
    const now = await currentRecord(tx, hall);
    if (now.hash !== hash) throw new AppError('HALL_SIGNATURE_INVALID', { reason: 'RECORD_CHANGED' });
    const [already] = await tx.select().from(openingSignatures).where(eq(openingSignatures.lotId, lotId));
    if (already && (already.role === role || already.userId === viewer.userId)) throw new AppError('ALREADY_SIGNED');
    await tx.insert(openingSignatures).values({
      lotId,
      userId: viewer.userId,
      role,
      certificateId: check.certificate.id,
      signature,
      signedAt: at,
    });
    if (role === 'host') {
      await tx
        .update(openingHalls)
        .set({ state: next, record: { ...record }, recordHash: hash })
        .where(eq(openingHalls.lotId, lotId));
    }
    await appendEvent(tx, s.clock, {
      type: 'opening.record_signed',
      payload: {
        projectId: hall.projectId,
        lotId,
        userId: viewer.userId,
        role,
        recordHash: hash,
        certificateId: check.certificate.id,
      },
      actor: actorOf(viewer),
      subject: hallSubject(lotId),
      audience: { kind: 'public' },
    });
    const supervisorsNow = (await listAttendance(tx, lotId)).filter((a) => a.row.role === 'supervisor').length;
    if (pdfKey && (role === 'supervisor' || supervisorsNow === 0)) await publish(tx, s, hall, hash, pdfKey, viewer);
  });
}
