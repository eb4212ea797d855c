import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { users } from '../../db/schema';
import { appendEvent } from '../../platform/events/append-event';
import { randomSecret, secretHash } from '../../platform/auth/secrets';
import type { Services } from '../../services';
import { accountAudience } from './audience';
import { insertSession, type UserRow } from './repo';

export interface LoginResult {
  userId: string;
  sessionToken: string;
  expiresAt: Date;
}

/**
 * Starts a browser session for a user whose credentials were just verified (password or certificate), inside the
 * caller's transaction: resets the failure counter, stores the session (hashed token), records `user.logged_in`.
 * The one place a session is made, so both login methods give exactly the same session.
 */
export async function startSession(
  tx: Tx,
  s: Services,
  user: Pick<UserRow, 'id' | 'organisationId'>,
  method: 'password' | 'certificate',
): Promise<LoginResult> {
  const now = s.clock.now();
  const sessionToken = randomSecret();
  const expiresAt = new Date(now.getTime() + s.config.session.maxMinutes * 60_000);
  await tx.update(users).set({ failedLogins: 0, lockedUntil: null, updatedAt: now }).where(eq(users.id, user.id));
  await insertSession(tx, {
    tokenHash: secretHash(sessionToken),
    userId: user.id,
    csrfToken: randomSecret(),
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  await appendEvent(tx, s.clock, {
    type: 'user.logged_in',
    payload: { userId: user.id, method },
    actor: { userId: user.id, organisationId: user.organisationId },
    subject: { type: 'user', id: user.id },
    audience: accountAudience(user.organisationId),
  });
  return { userId: user.id, sessionToken, expiresAt };
}
