import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { apiTokens, organisations, sessions, users } from '../../db/schema';
import type { Clock } from '../clock';
import { AppError } from '../errors/app-error';
import { anonymous, type Account, type Viewer } from '../policy/actor';
import { API_TOKEN_PREFIX, secretHash } from './secrets';

export interface SessionPolicy {
  idleMinutes: number;
  maxMinutes: number;
}

/** Only what a request needs: the password hash and lock-out counters stay in the database. */
const userColumns = {
  id: users.id,
  login: users.login,
  displayName: users.displayName,
  role: users.role,
  organisationId: users.organisationId,
  locale: users.locale,
  status: users.status,
};
const organisationColumns = {
  id: organisations.id,
  name: organisations.name,
  kind: organisations.kind,
  status: organisations.status,
};
type UserColumns = { [K in keyof typeof userColumns]: (typeof users.$inferSelect)[K] };
type OrganisationColumns = { [K in keyof typeof organisationColumns]: (typeof organisations.$inferSelect)[K] };

function accountOf(user: UserColumns, organisation: OrganisationColumns | null): Account {
  return {
    login: user.login,
    displayName: user.displayName,
    locale: user.locale,
    organisation: organisation
      ? { id: organisation.id, name: organisation.name, kind: organisation.kind, status: organisation.status }
      : null,
  };
}

/** Refresh `last_seen_at` at most once a minute per session, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Who is calling. A bearer token wins over a cookie (machine clients never use cookies). A cookie that names an
 * expired or revoked session raises SESSION_EXPIRED so the browser can say so; no credentials at all is anonymous.
 */
export async function resolveViewer(
  db: Db,
  clock: Clock,
  policy: SessionPolicy,
  credentials: { bearer: string | null; cookie: string | null },
): Promise<Viewer> {
  const now = clock.now();
  if (credentials.bearer !== null) {
    if (!credentials.bearer.startsWith(API_TOKEN_PREFIX)) throw new AppError('INVALID_TOKEN');
    const [row] = await db
      .select({ token: apiTokens, user: userColumns, organisation: organisationColumns })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .leftJoin(organisations, eq(organisations.id, users.organisationId))
      .where(and(eq(apiTokens.tokenHash, secretHash(credentials.bearer)), isNull(apiTokens.revokedAt)));
    if (!row || (row.token.expiresAt && row.token.expiresAt <= now) || row.user.status !== 'active') {
      throw new AppError('INVALID_TOKEN');
    }
    if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
    }
    return {
      kind: 'user',
      userId: row.user.id,
      role: row.user.role,
      organisationId: row.user.organisationId,
      via: 'token',
      sessionId: null,
      csrfToken: null,
      account: accountOf(row.user, row.organisation),
    };
  }
  if (credentials.cookie === null) return anonymous;
  const [row] = await db
    .select({ session: sessions, user: userColumns, organisation: organisationColumns })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(sessions.tokenHash, secretHash(credentials.cookie)));
  if (!row) throw new AppError('SESSION_EXPIRED');
  const { session, user, organisation } = row;
  const idleLimit = session.lastSeenAt.getTime() + policy.idleMinutes * 60_000;
  if (session.revokedAt || session.expiresAt <= now || idleLimit <= now.getTime() || user.status !== 'active') {
    throw new AppError('SESSION_EXPIRED');
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, session.id));
  }
  return {
    kind: 'user',
    userId: user.id,
    role: user.role,
    organisationId: user.organisationId,
    via: 'session',
    sessionId: session.id,
    csrfToken: session.csrfToken,
    account: accountOf(user, organisation),
  };
}
