import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/require-user';
import { errorResponses } from '../../platform/http/responses';
import type { Services } from '../../services';
import { lotParties, organisationsByIds } from '../awards/repo';
import { lotParams } from '../awards/schemas';
import { answerChallenge } from './answer-challenge';
import { registerChallengeJobs } from './challenge-jobs';
import { fileChallenge } from './file-challenge';
import { assertChallengeVisible } from './policy';
import { presentChallenge, presentLotChallenges } from './present-challenges';
import { findChallenge } from './repo';
import { answerBody, challengeListView, challengeView, fileBody } from './schemas';

const tags = ['challenges'];
const idParams = z.object({ id: z.string().uuid() });

/** Challenges (质疑, C14): a bidder files within the window, the host answers; suspension is the award's. */
export const challengeRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  registerChallengeJobs(s);

  const one = async (viewer: Parameters<typeof assertChallengeVisible>[0], id: string) => {
    const c = await findChallenge(s.db, id);
    const parties = c && (await lotParties(s.db, c.lotId));
    if (!c || !parties) throw new Error('challenge vanished');
    const roles = assertChallengeVisible(viewer, parties, c, ['host', 'purchaser', 'oversight', 'bidder']);
    const names = await organisationsByIds(s.db, [c.organisationId]);
    return presentChallenge(c, names.get(c.organisationId)?.name ?? '', roles.has('host'), s.clock.now());
  };

  app.get(
    '/api/lots/:lotId/challenges',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags,
        summary: '某包的质疑（投标人：本单位的；主持方、采购人、监管：全部） / A lot’s challenges',
        params: lotParams,
        response: { 200: challengeListView, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => presentLotChallenges(s.db, request.viewer, request.params.lotId, s.clock.now()),
  );

  app.post(
    '/api/lots/:lotId/challenges',
    {
      config: { access: { roles: ['supplier'] } },
      schema: {
        tags,
        summary: '投标人对中标（成交）结果提出质疑 / A bidder challenges the result',
        params: lotParams,
        body: fileBody,
        response: { 201: challengeView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const viewer = requireUser(request.viewer);
      const row = await fileChallenge(s, viewer, request.params.lotId, request.body.grounds);
      return reply.status(201).send(await one(viewer, row.id));
    },
  );

  app.post(
    '/api/challenges/:id/answer',
    {
      // Open to every signed-in role so that whoever may not see the challenge gets 404 (not 403), as for its list.
      config: { access: { roles: 'any' } },
      schema: {
        tags,
        summary: '主持方答复质疑 / The host answers a challenge',
        params: idParams,
        body: answerBody,
        response: { 200: challengeView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      await answerChallenge(s, viewer, request.params.id, request.body.answer);
      return one(viewer, request.params.id);
    },
  );
};
