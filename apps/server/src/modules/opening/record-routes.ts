import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error';
import { requireUser } from '../../platform/http/require-user';
import { errorResponses } from '../../platform/http/responses';
import type { Services } from '../../services';
import { loadHall } from './load-hall';
import { lotParams, recordView, signatureBody } from './schemas';
import { currentRecord, signRecord } from './sign-record';

const tags = ['opening'];

/** The opening record: its canonical JSON and hash, the signatures, the published PDF. */
export const recordRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  app.get(
    '/api/openings/:lotId/record',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '开标记录（规范 JSON 与 SM3 摘要，供签署与核验） / The opening record JSON and its hash',
        params: lotParams,
        response: { 200: recordView, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => {
      const { hall } = await loadHall(s.db, request.viewer, request.params.lotId);
      if (hall.state === 'open' || hall.state === 'decrypting') throw new AppError('HALL_STATE', { state: hall.state });
      const { record, hash, frozen } = await currentRecord(s.db, hall);
      return { record: { ...record }, recordHash: hash, hashAlgorithm: 'SM3' as const, frozen };
    },
  );

  app.post(
    '/api/openings/:lotId/record/sign',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags,
        summary: '签署开标记录（主持人，然后监督人） / Sign the opening record (host, then supervisor)',
        params: lotParams,
        body: signatureBody,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      await signRecord(s, requireUser(request.viewer), request.params.lotId, request.body.signature);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/openings/:lotId/record.pdf',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '下载已公布的开标记录（PDF） / Download the published opening record (PDF)',
        params: lotParams,
        response: { 200: z.any().meta({ description: 'application/pdf' }), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { hall } = await loadHall(s.db, request.viewer, request.params.lotId);
      const pdf = hall.state === 'published' && hall.recordBlobKey ? await s.blobs.get(hall.recordBlobKey) : null;
      if (!pdf) throw new AppError('NOT_FOUND');
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="opening-record-${hall.lotId}.pdf"`)
        .send(pdf);
    },
  );
};
