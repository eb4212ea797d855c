import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../platform/auth/secrets';
import { requireUser } from '../../platform/http/require-user';
import { errorResponses } from '../../platform/http/responses';
import type { Services } from '../../services';
import { changePassword } from './change-password';
import { logIn } from './log-in';
import { logOut } from './log-out';
import { presentMe } from './present-me';
import { replyWithSession, sessionCookieOptions } from './session-reply';
import { changePasswordBody, loginBody, meResponse } from './schemas';

export const authRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  const cookieOptions = sessionCookieOptions(s);

  app.post(
    '/api/auth/login',
    {
      config: {
        access: { public: true },
        rateLimit: { max: s.config.login.ratePerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags: ['auth'],
        summary: '密码登录 / Log in with a password',
        body: loginBody,
        response: { 200: meResponse, ...errorResponses(400, 401, 403, 423, 429) },
      },
    },
    async (request, reply) => replyWithSession(s, reply, await logIn(s, request.body)),
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags: ['auth'],
        summary: '退出登录 / Log out',
        response: { 204: z.null(), ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      await logOut(s, requireUser(request.viewer));
      void reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags: ['auth'],
        summary: '当前用户 / The current user',
        response: { 200: meResponse, ...errorResponses(401) },
      },
    },
    async (request) => presentMe(requireUser(request.viewer)),
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags: ['auth'],
        summary: '修改密码 / Change my password',
        body: changePasswordBody,
        response: { 204: z.null(), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      await changePassword(s, requireUser(request.viewer), request.body);
      return reply.status(204).send(null);
    },
  );
};
