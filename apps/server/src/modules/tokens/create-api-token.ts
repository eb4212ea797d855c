import { apiTokens } from '../../db/schema';
import { appendEvent } from '../../platform/events/append-event';
import { API_TOKEN_PREFIX, randomSecret, secretHash } from '../../platform/auth/secrets';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { accountAudience } from '../auth/audience';

/** Issues a bearer token for the caller's machine client. The token is returned once; only its hash is kept. */
export async function createApiToken(
  s: Services,
  viewer: UserViewer,
  input: { name: string; expiresInDays?: number | undefined },
) {
  const token = randomSecret(API_TOKEN_PREFIX);
  return s.db.transaction(async (tx) => {
    const now = s.clock.now();
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: viewer.userId,
        name: input.name,
        tokenHash: secretHash(token),
        createdAt: now,
        expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
      })
      .returning({ id: apiTokens.id });
    if (!row) throw new Error('insert returned nothing');
    await appendEvent(tx, s.clock, {
      type: 'api_token.created',
      payload: { tokenId: row.id, userId: viewer.userId, name: input.name },
      actor: actorOf(viewer),
      subject: { type: 'user', id: viewer.userId },
      audience: accountAudience(viewer.organisationId),
    });
    return { id: row.id, token };
  });
}
