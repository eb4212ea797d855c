import { eq } from 'drizzle-orm';
import { apiTokens } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { accountAudience } from '../auth/audience';

/** Revokes one of the caller's own tokens; someone else's token is "not found". */
export async function revokeApiToken(s: Services, viewer: UserViewer, tokenId: string): Promise<void> {
  await s.db.transaction(async (tx) => {
    const [token] = await tx.select().from(apiTokens).where(eq(apiTokens.id, tokenId)).for('update');
    if (!token || token.userId !== viewer.userId) throw new AppError('NOT_FOUND');
    if (token.revokedAt) throw new AppError('INVALID_STATE', { state: 'revoked' });
    await tx.update(apiTokens).set({ revokedAt: s.clock.now() }).where(eq(apiTokens.id, token.id));
    await appendEvent(tx, s.clock, {
      type: 'api_token.revoked',
      payload: { tokenId: token.id, userId: viewer.userId },
      actor: actorOf(viewer),
      subject: { type: 'user', id: viewer.userId },
      audience: accountAudience(viewer.organisationId),
    });
  });
}
