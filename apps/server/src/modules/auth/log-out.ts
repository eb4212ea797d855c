import { appendEvent } from '../../platform/events/append-event';
import type { UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { accountAudience } from './audience';
import { revokeSession } from './repo';

export async function logOut(s: Services, viewer: UserViewer): Promise<void> {
  const sessionId = viewer.sessionId;
  if (!sessionId) return; // API tokens have no session; revoke the token instead.
  await s.db.transaction(async (tx) => {
    await revokeSession(tx, sessionId, s.clock.now());
    await appendEvent(tx, s.clock, {
      type: 'user.logged_out',
      payload: { userId: viewer.userId },
      actor: { userId: viewer.userId, organisationId: viewer.organisationId },
      subject: { type: 'user', id: viewer.userId },
      audience: accountAudience(viewer.organisationId),
    });
  });
}
