import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { accountAudience } from '../auth/audience';
import { lockUserRow } from '../auth/repo';

/** An administrator lifts a lock-out before it expires. */
export async function unlockUser(s: Services, viewer: UserViewer, userId: string): Promise<void> {
  await s.db.transaction(async (tx) => {
    const user = await lockUserRow(tx, userId);
    if (!user) throw new AppError('NOT_FOUND');
    const now = s.clock.now();
    if (!user.lockedUntil || user.lockedUntil <= now) throw new AppError('INVALID_STATE', { state: 'not locked' });
    await tx.update(users).set({ lockedUntil: null, failedLogins: 0, updatedAt: now }).where(eq(users.id, user.id));
    await appendEvent(tx, s.clock, {
      type: 'user.unlocked',
      payload: { userId: user.id },
      actor: actorOf(viewer),
      subject: { type: 'user', id: user.id },
      audience: accountAudience(user.organisationId),
    });
  });
}
