import { decryptionEndsAt, nextState } from '@zhengcai/domain';
import { HALL_TRANSITIONS } from '@zhengcai/domain';
import { eq } from 'drizzle-orm';
import { openingAttendance, openingHalls, projects } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { loadHall } from './load-hall';
import { hallSubject } from './open-hall';
import { assertHallRole } from './policy';
import { findAttendance, lockHall } from './repo';
import { scheduleCloseDecryption } from './schedule-opening';

/**
 * The host starts decryption: the window runs from now for the project's 解密时限; the close job is scheduled at
 * its end. The host's attendance is recorded if not already.
 */
export async function startDecryption(s: Services, viewer: UserViewer, lotId: string): Promise<void> {
  const ctx = await loadHall(s.db, viewer, lotId);
  assertHallRole(ctx.role, 'host');
  await s.db.transaction(async (tx) => {
    const hall = await lockHall(tx, lotId);
    if (!hall) throw new AppError('NOT_FOUND');
    const next = nextState(HALL_TRANSITIONS, hall.state, 'start_decryption');
    if (!next) throw new AppError('HALL_STATE', { state: hall.state });
    const [project] = await tx.select().from(projects).where(eq(projects.id, hall.projectId));
    if (!project) throw new AppError('NOT_FOUND');
    const now = s.clock.now();
    const endsAt = decryptionEndsAt(now, project.decryptionWindowMinutes);
    await tx
      .update(openingHalls)
      .set({ state: next, decryptionStartedAt: now, decryptionEndsAt: endsAt })
      .where(eq(openingHalls.lotId, lotId));
    if (!(await findAttendance(tx, lotId, viewer.userId))) {
      await tx
        .insert(openingAttendance)
        .values({ lotId, userId: viewer.userId, organisationId: viewer.organisationId, role: 'host', signedInAt: now });
    }
    await scheduleCloseDecryption(tx, s.clock, lotId, endsAt);
    await appendEvent(tx, s.clock, {
      type: 'opening.decryption_started',
      payload: {
        projectId: hall.projectId,
        lotId,
        decryptionStartedAt: now.toISOString(),
        decryptionEndsAt: endsAt.toISOString(),
      },
      actor: actorOf(viewer),
      subject: hallSubject(lotId),
      audience: { kind: 'public' },
    });
  });
}
