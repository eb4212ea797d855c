import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { resolveViewer } from '../../platform/auth/resolve-viewer';
import { SESSION_COOKIE } from '../../platform/auth/secrets';
import { requireUser } from '../../platform/http/require-user';
import type { Services } from '../../services';
import { presentMe } from './present-me';
import type { meResponse } from './schemas';
import type { LoginResult } from './start-session';

/** The session cookie's attributes (path /, HttpOnly, SameSite=Lax, Secure when configured). */
export function sessionCookieOptions(s: Services) {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: s.config.cookieSecure } as const;
}

/** Answers a successful login (any method): sets the session cookie and returns /api/me for the new session. */
export async function replyWithSession(
  s: Services,
  reply: FastifyReply,
  result: LoginResult,
): Promise<z.infer<typeof meResponse>> {
  void reply.setCookie(SESSION_COOKIE, result.sessionToken, { ...sessionCookieOptions(s), expires: result.expiresAt });
  const viewer = await resolveViewer(s.db, s.clock, s.config.session, { bearer: null, cookie: result.sessionToken });
  return presentMe(requireUser(viewer));
}
