import { PERMISSIONS } from '@zhengcai/domain';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error';
import { requireUser } from '../../platform/http/require-user';
import { errorResponses } from '../../platform/http/responses';
import type { Services } from '../../services';
import { checkCopy } from './check-copy';
import { presentListItem, presentVerification } from './present';
import { listCertificates } from './repo';
import { revokeTransactionCertificate } from './revoke-transaction-certificate';
import { MAX_CHECK_BYTES, checkView, listView, numberParams, revokeBody, verificationView } from './schemas';
import { verifyCertificate } from './verify-certificate';

const tags = ['transaction-certificates'];
/** Uploads to check a copy, per client address per minute (public, and each parses a PDF). */
const CHECKS_PER_MINUTE = 30;

/**
 * Transaction certificates (交易证明书, ADR 0020). Issuing is not a route: the award flow calls
 * issueTransactionCertificate(). Verification is public and needs no account; revocation is the centre's.
 */
export const transactionCertificateRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (
  app,
  { services: s },
) => {
  app.get(
    '/api/verify/certificates/:number',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '核验交易证明书（公开） / Verify a transaction certificate (public)',
        description:
          'The registered facts, issue time, status (valid / revoked), the SHA-256 of the registered PDF, and the platform signature checked now with its public key.',
        params: numberParams,
        response: { 200: verificationView, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const { row, check, suspension } = await verifyCertificate(s, request.params.number);
      return presentVerification(row, check, suspension);
    },
  );

  app.get(
    '/api/verify/certificates/:number/pdf',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '下载平台登记的交易证明书 PDF（公开） / Download the registered certificate PDF (public)',
        params: numberParams,
        response: { 200: z.any().meta({ description: 'application/pdf' }), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { row } = await verifyCertificate(s, request.params.number);
      const pdf = await s.blobs.get(row.pdfSha256);
      if (!pdf) throw new AppError('TRANSACTION_CERTIFICATE_NOT_FOUND', { number: row.number });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${row.number}.pdf"`)
        .header('cache-control', 'no-cache')
        .send(pdf);
    },
  );

  // The check route alone reads raw PDF bytes (application/pdf or application/octet-stream), up to MAX_CHECK_BYTES.
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      ['application/pdf', 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: MAX_CHECK_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/verify/certificates/:number/check',
      {
        bodyLimit: MAX_CHECK_BYTES,
        config: { access: { public: true }, rateLimit: { max: CHECKS_PER_MINUTE, timeWindow: 60_000 } },
        schema: {
          tags,
          summary:
            '上传文件比对是否为平台签发的原件（公开） / Check an uploaded copy against the registered certificate',
          description: `The file's bytes as \`application/pdf\` (or \`application/octet-stream\`), at most ${MAX_CHECK_BYTES} bytes. Compares its SHA-256 with the registered PDF's and verifies the facts and signature embedded in it.`,
          consumes: ['application/pdf', 'application/octet-stream'],
          params: numberParams,
          response: { 200: checkView, ...errorResponses(400, 404, 413, 429) },
        },
      },
      async (request) => {
        const body: unknown = request.body;
        if (!Buffer.isBuffer(body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        return checkCopy(s, request.params.number, body);
      },
    );
  });

  app.get(
    '/api/transaction-certificates',
    {
      config: { access: { roles: PERMISSIONS.listTransactionCertificates } },
      schema: {
        tags,
        summary: '已签发的交易证明书（最新 200 份） / Issued transaction certificates (latest 200)',
        response: { 200: listView, ...errorResponses(401, 403) },
      },
    },
    async () => ({ items: (await listCertificates(s.db, 200)).map(presentListItem) }),
  );

  app.post(
    '/api/transaction-certificates/:number/revoke',
    {
      config: { access: { roles: PERMISSIONS.revokeTransactionCertificates } },
      schema: {
        tags,
        summary:
          '撤销交易证明书（交易中心，原因公示） / Revoke a transaction certificate (centre; the reason is public)',
        params: numberParams,
        body: revokeBody,
        response: { 200: verificationView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      await revokeTransactionCertificate(s, viewer, request.params.number, request.body.reason);
      const { row, check, suspension } = await verifyCertificate(s, request.params.number);
      return presentVerification(row, check, suspension);
    },
  );
};
