import { canonicalBytes } from '@zhengcai/seal';
import { openingAttendance } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { verifyUserSignature } from '../certificates/verify-user-signature';
import { loadHall } from './load-hall';
import { hallSubject } from './open-hall';
import { assertHallRole } from './policy';
import { findAttendance, lockHall } from './repo';

export const SIGN_IN_STATEMENT_TYPE = 'zhengcai-opening-sign-in';

export interface SignInStatement {
  type: typeof SIGN_IN_STATEMENT_TYPE;
  lotId: string;
  userId: string;
  organisationId: string | null;
}

/** What a bidder or supervisor signs to sign in (its canonical JSON bytes, RFC 8785). */
export function signInStatement(viewer: UserViewer, lotId: string): SignInStatement {
  return { type: SIGN_IN_STATEMENT_TYPE, lotId, userId: viewer.userId, organisationId: viewer.organisationId };
}

const SIGN_IN_STATES = new Set(['open', 'decrypting', 'read_out']);

/**
 * 签到: a bidder's user or a supervisor signs the statement with the usable signing certificate; the signature is
 * verified outside the transaction, then the attendance is recorded (the hall re-read `FOR UPDATE`).
 */
export async function signIn(s: Services, viewer: UserViewer, lotId: string, signature: string): Promise<void> {
  const ctx = await loadHall(s.db, viewer, lotId);
  assertHallRole(ctx.role, 'bidder', 'supervisor');
  if (!SIGN_IN_STATES.has(ctx.hall.state)) throw new AppError('HALL_STATE', { state: ctx.hall.state });
  if (await findAttendance(s.db, lotId, viewer.userId)) throw new AppError('ALREADY_SIGNED_IN');
  const at = s.clock.now();
  const check = await verifyUserSignature(
    s,
    viewer.userId,
    canonicalBytes(signInStatement(viewer, lotId)),
    signature,
    at,
  );
  if (!check.valid) throw new AppError('HALL_SIGNATURE_INVALID', { reason: check.reason });
  const role = ctx.role === 'bidder' ? 'bidder' : 'supervisor';
  await s.db.transaction(async (tx) => {
    const hall = await lockHall(tx, lotId);
    if (!hall || !SIGN_IN_STATES.has(hall.state)) throw new AppError('HALL_STATE', { state: hall?.state ?? 'gone' });
    if (await findAttendance(tx, lotId, viewer.userId)) throw new AppError('ALREADY_SIGNED_IN');
    await tx.insert(openingAttendance).values({
      lotId,
      userId: viewer.userId,
      organisationId: viewer.organisationId,
      role,
      signedInAt: at,
      certificateId: check.certificate.id,
      signature,
    });
    await appendEvent(tx, s.clock, {
      type: 'opening.signed_in',
      payload: {
        projectId: hall.projectId,
        lotId,
        userId: viewer.userId,
        organisationId: viewer.organisationId,
        role,
        certificateId: check.certificate.id,
      },
      actor: actorOf(viewer),
      subject: hallSubject(lotId),
      audience: { kind: 'public' },
    });
  });
}
