import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { decoyHash, verifyPassword } from '../../platform/auth/password';
import type { Services } from '../../services';
import { accountAudience } from './audience';
import { findUserByLogin, lockUserRow } from './repo';
import { startSession, type LoginResult } from './start-session';

export type { LoginResult } from './start-session';

type Outcome = { ok: true; result: LoginResult } | { ok: false; error: AppError };

/**
 * Password login. Failures count per account; after `maxFailures` in a row the account is locked for
 * `lockMinutes` (the lock is in the database, so it holds across instances). An unknown login costs the same time
 * as a wrong password and gets the same answer.
 */
export async function logIn(s: Services, input: { login: string; password: string }): Promise<LoginResult> {
  const { login: policy, scryptLogN } = s.config;
  const found = await findUserByLogin(s.db, input.login.trim());
  if (!found) {
    await verifyPassword(input.password, await decoyHash(scryptLogN));
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (found.lockedUntil && found.lockedUntil > s.clock.now()) {
    throw new AppError('ACCOUNT_LOCKED', { until: found.lockedUntil.toISOString() });
  }
  const passwordOk = await verifyPassword(input.password, found.passwordHash);

  const outcome = await s.db.transaction(async (tx): Promise<Outcome> => {
    const user = await lockUserRow(tx, found.id);
    if (!user) return { ok: false, error: new AppError('INVALID_CREDENTIALS') };
    const now = s.clock.now();
    const actor = { userId: user.id, organisationId: user.organisationId };
    const audience = accountAudience(user.organisationId);
    if (user.lockedUntil && user.lockedUntil > now) {
      return { ok: false, error: new AppError('ACCOUNT_LOCKED', { until: user.lockedUntil.toISOString() }) };
    }
    if (!passwordOk) {
      const failures = user.failedLogins + 1;
      if (failures >= policy.maxFailures) {
        const until = new Date(now.getTime() + policy.lockMinutes * 60_000);
        await tx
          .update(users)
          .set({ failedLogins: 0, lockedUntil: until, updatedAt: now })
          .where(eq(users.id, user.id));
        await appendEvent(tx, s.clock, {
          type: 'user.locked',
          payload: { userId: user.id, until: until.toISOString() },
          actor,
          subject: { type: 'user', id: user.id },
          audience,
        });
        return { ok: false, error: new AppError('ACCOUNT_LOCKED', { until: until.toISOString() }) };
      }
      await tx.update(users).set({ failedLogins: failures, updatedAt: now }).where(eq(users.id, user.id));
      await appendEvent(tx, s.clock, {
        type: 'user.login_failed',
        payload: { userId: user.id, failures },
        actor,
        subject: { type: 'user', id: user.id },
        audience,
      });
      return { ok: false, error: new AppError('INVALID_CREDENTIALS') };
    }
    if (user.status === 'pending') return { ok: false, error: new AppError('ACCOUNT_PENDING') };
    if (user.status === 'disabled') return { ok: false, error: new AppError('ACCOUNT_DISABLED') };

    return { ok: true, result: await startSession(tx, s, user, 'password') };
  });
  if (!outcome.ok) throw outcome.error;
  return outcome.result;
}
