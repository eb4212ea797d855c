import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { SealedBidEnvelope } from '@zhengcai/seal';
import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error';
import { requireUser } from '../../platform/http/require-user';
import { errorResponses } from '../../platform/http/responses';
import { renderRecordPdf } from '../../platform/pdf/render-record';
import { registerTusUploads } from '../../platform/uploads/tus-uploads';
import type { Services } from '../../services';
import { idParams } from '../registry/schemas';
import { completeSubmission, ownSubmission } from './complete-submission';
import { consortiumRoutes } from './consortium-routes';
import { isParty, membersOf } from './consortium-requests';
import { presentMember } from './present-member';
import { expireUpload } from './expire-upload';
import { assertMayBid } from './policy';
import { receiptRecord, type SignedReceipt } from './receipt';
import {
  findOrganisation,
  findPublishedProject,
  findSubmission,
  listOrganisationSubmissions,
  type SubmissionRow,
} from './repo';
import type { MemberRow } from './record-bid';
import {
  biddingView,
  envelopeBody,
  signedReceiptSchema,
  startBody,
  startView,
  submissionView,
  verifyView,
} from './schemas';
import { EXPIRE_UPLOAD_JOB, UPLOADS_PATH, startSubmission } from './start-submission';
import { verifyReceipt } from './verify-receipt';
import { withdrawBid } from './withdraw-bid';

/** The largest sealed bid accepted (ciphertext bytes). */
export const MAX_BID_BYTES = 2 * 1024 * 1024 * 1024;

const supplierOnly = { roles: ['supplier'] } as const;

const present = (row: SubmissionRow, members: readonly MemberRow[] = []): z.infer<typeof submissionView> => ({
  id: row.id,
  projectId: row.projectId,
  lotId: row.lotId,
  state: row.state,
  ciphertextHash: row.ciphertextHash,
  ciphertextLength: row.ciphertextLength,
  createdAt: row.createdAt.toISOString(),
  submittedAt: row.submittedAt?.toISOString() ?? null,
  replacedAt: row.replacedAt?.toISOString() ?? null,
  withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
  expiresAt: row.expiresAt.toISOString(),
  eventSeq: row.eventSeq,
  consortium: members.length ? { members: members.map(presentMember) } : null,
});

/** Submissions with their consortium parties, for the lead's lists. */
async function presentAll(s: Services, rows: readonly SubmissionRow[]) {
  const members = await membersOf(
    s.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => present(r, members.get(r.id)));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const bidRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  /** The caller's own submission still accepting bytes (tus PATCH/HEAD/DELETE); anything else is "not found". */
  const uploadingOf = async (viewerUserId: string, organisationId: string | null, id: string) => {
    const row = UUID.test(id) ? await findSubmission(s.db, id) : null;
    if (!row || row.organisationId !== organisationId || row.userId !== viewerUserId) throw new AppError('NOT_FOUND');
    if (row.state !== 'uploading') throw new AppError('BID_SUBMISSION_USED', { state: row.state });
    if (row.expiresAt.getTime() <= s.clock.now().getTime())
      throw new AppError('BID_SUBMISSION_USED', { state: 'expired' });
    return row;
  };

  const store = registerTusUploads(app, {
    path: UPLOADS_PATH,
    directory: s.config.uploadDir,
    suite: s.config.cryptoSuite,
    maxSize: MAX_BID_BYTES,
    idMetadataKey: 'submissionId',
    access: supplierOnly,
    authorize: {
      async create(request, id) {
        const viewer = requireUser(request.viewer);
        const row = await uploadingOf(viewer.userId, viewer.organisationId, id);
        await assertMayBid(s.db, viewer, row, s.clock.now());
        const exists = await store.getUpload(id).then(
          () => true,
          () => false,
        );
        if (exists) throw new AppError('INVALID_STATE', { state: 'upload exists' });
      },
      async access(request, id) {
        const viewer = requireUser(request.viewer);
        await uploadingOf(viewer.userId, viewer.organisationId, id);
      },
    },
  });

  s.jobs.register(EXPIRE_UPLOAD_JOB, async (job, tx) => {
    const id = (job.payload as { submissionId?: unknown }).submissionId;
    if (typeof id === 'string') await expireUpload(s, store, tx, id);
  });

  app.get(
    '/api/bids/projects/:id',
    {
      config: { access: supplierOnly },
      schema: {
        tags: ['bids'],
        summary: '投标：项目、包与我的递交 / Bidding: project, lots and my submissions',
        params: idParams,
        response: { 200: biddingView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      const found = await findPublishedProject(s.db, request.params.id);
      const organisation = viewer.organisationId ? await findOrganisation(s.db, viewer.organisationId) : null;
      if (!found || !organisation) throw new AppError('NOT_FOUND');
      const submissions = await listOrganisationSubmissions(s.db, organisation.id, found.project.id);
      return {
        serverTime: s.clock.now().toISOString(),
        project: {
          id: found.project.id,
          code: found.project.code,
          title: found.project.title,
          bidDeadline: found.project.bidDeadline?.toISOString() ?? null,
        },
        myOrganisation: { id: organisation.id, name: organisation.name, uscc: organisation.uscc },
        lots: found.lots.map((l) => ({
          id: l.id,
          number: l.number,
          title: l.title,
          budgetFen: l.budgetFen,
          ceilingPriceFen: l.ceilingPriceFen,
          consortiumAllowed: l.consortiumAllowed,
          priceSheetFields: l.priceSheetFields,
        })),
        submissions: await presentAll(
          s,
          submissions.filter((r) => r.state !== 'expired' || r.envelope !== null),
        ),
      };
    },
  );

  app.get(
    '/api/bids/submissions',
    {
      config: { access: supplierOnly },
      schema: {
        tags: ['bids'],
        summary: '我的投标递交 / My bid submissions',
        response: { 200: z.object({ items: z.array(submissionView) }), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      if (!viewer.organisationId) return { items: [] };
      return { items: await presentAll(s, await listOrganisationSubmissions(s.db, viewer.organisationId)) };
    },
  );

  app.post(
    '/api/bids/submissions',
    {
      config: { access: supplierOnly },
      schema: {
        tags: ['bids'],
        summary: '开始一次投标递交（签发随机数与上传地址） / Start a bid submission (nonce and upload URL)',
        body: startBody,
        response: { 201: startView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const viewer = requireUser(request.viewer);
      const { row, certificates, consortium, keyEscrow } = await startSubmission(s, viewer, request.body);
      return reply.status(201).send({
        submissionId: row.id,
        nonce: row.nonce,
        suite: row.suite,
        context: { projectId: row.projectId, lotId: row.lotId, bidderId: row.organisationId, nonce: row.nonce },
        encryptionPublicKey: certificates.encryption.publicKey,
        encryptionCertificateFingerprint: certificates.encryption.fingerprint,
        uploadEndpoint: UPLOADS_PATH,
        uploadUrl: `${UPLOADS_PATH}/${row.id}`,
        expiresAt: row.expiresAt.toISOString(),
        maxBytes: MAX_BID_BYTES,
        consortium,
        keyEscrow: keyEscrow && {
          threshold: keyEscrow.threshold,
          holders: keyEscrow.holders.map((h) => ({ ...h })),
        },
      });
    },
  );

  app.get(
    '/api/bids/submissions/:id',
    {
      config: { access: supplierOnly },
      schema: {
        tags: ['bids'],
        summary: '投标递交详情 / A bid submission',
        params: idParams,
        response: { 200: submissionView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const row = await ownSubmission(s, requireUser(request.viewer), request.params.id);
      return (await presentAll(s, [row]))[0];
    },
  );

  app.post(
    '/api/bids/submissions/:id/complete',
    {
      config: { access: supplierOnly },
      schema: {
        tags: ['bids'],
        summary:
          '完成递交：提交签名信封，取得回执（联合体：等待成员签署） / Complete: send the signed envelope, get the receipt (consortium: wait for the members)',
        params: idParams,
        body: envelopeBody,
        response: {
          200: signedReceiptSchema,
          202: submissionView,
          ...errorResponses(400, 401, 403, 404, 409, 422),
        },
      },
    },
    // The statement is verified exactly as sent (seal checks its type, version and fields before the signature).
    async (request, reply) => {
      const done = await completeSubmission(
        s,
        store,
        requireUser(request.viewer),
        request.params.id,
        request.body as unknown as SealedBidEnvelope,
      );
      if (done.kind === 'receipt') return reply.status(200).send(done.receipt);
      return reply.status(202).send((await presentAll(s, [done.row]))[0] as z.infer<typeof submissionView>);
    },
  );

  app.post(
    '/api/bids/submissions/:id/withdraw',
    {
      config: { access: supplierOnly },
      schema: {
        tags: ['bids'],
        summary: '撤回投标 / Withdraw a bid',
        params: idParams,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await withdrawBid(s, requireUser(request.viewer), request.params.id);
      return reply.status(204).send(null);
    },
  );

  /** The receipt of a bid the caller's organisation made, alone or as a party of the consortium. */
  const receiptOf = async (viewer: ReturnType<typeof requireUser>, id: string): Promise<SignedReceipt> => {
    const row = await findSubmission(s.db, id);
    const members = row ? ((await membersOf(s.db, [row.id])).get(row.id) ?? []) : [];
    if (!row || !isParty(row, members, viewer.organisationId) || !row.receipt) throw new AppError('NOT_FOUND');
    return row.receipt as unknown as SignedReceipt;
  };

  app.get(
    '/api/bids/submissions/:id/receipt.json',
    {
      config: { access: supplierOnly },
      schema: {
        tags: ['bids'],
        summary: '下载回执（JSON） / Download the receipt (JSON)',
        params: idParams,
        response: { 200: signedReceiptSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const signed = await receiptOf(requireUser(request.viewer), request.params.id);
      void reply.header('content-disposition', `attachment; filename="receipt-${request.params.id}.json"`);
      return signed;
    },
  );

  app.get(
    '/api/bids/submissions/:id/receipt.pdf',
    {
      config: { access: supplierOnly },
      schema: {
        tags: ['bids'],
        summary: '下载回执（PDF） / Download the receipt (PDF)',
        params: idParams,
        response: { 200: z.any().meta({ description: 'application/pdf' }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const signed = await receiptOf(requireUser(request.viewer), request.params.id);
      const pdf = await renderRecordPdf(receiptRecord(signed));
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="receipt-${request.params.id}.pdf"`)
        .send(Buffer.from(pdf));
    },
  );

  app.post(
    '/api/bids/receipts/verify',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['bids'],
        summary: '核验投标回执 / Verify a bid receipt',
        body: signedReceiptSchema,
        response: { 200: verifyView, ...errorResponses(400) },
      },
    },
    async (request) => verifyReceipt(s, request.body),
  );

  await app.register(consortiumRoutes, { services: s });
};
