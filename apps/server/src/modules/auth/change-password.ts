import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { hashPassword, verifyPassword } from '../../platform/auth/password';
import type { UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { accountAudience } from './audience';
import { lockUserRow, revokeOtherSessions } from './repo';

/** Changes the caller's own password; every other session of the account ends. */
export async function changePassword(
  s: Services,
  viewer: UserViewer,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const [current] = await s.db.select().from(users).where(eq(users.id, viewer.userId));
  if (!current || !(await verifyPassword(input.currentPassword, current.passwordHash))) {
    throw new AppError('WRONG_PASSWORD');
  }
  const passwordHash = await hashPassword(input.newPassword, s.config.scryptLogN);
  await s.db.transaction(async (tx) => {
    const user = await lockUserRow(tx, viewer.userId);
    if (!user || user.passwordHash !== current.passwordHash) throw new AppError('WRONG_PASSWORD');
    const now = s.clock.now();
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, user.id));
    await revokeOtherSessions(tx, user.id, viewer.sessionId, now);
    await appendEvent(tx, s.clock, {
      type: 'user.password_changed',
      payload: { userId: user.id },
      actor: { userId: user.id, organisationId: user.organisationId },
      subject: { type: 'user', id: user.id },
      audience: accountAudience(user.organisationId),
    });
  });
}
