import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { AppError } from '../../platform/errors/app-error';
import { requireUser } from '../../platform/http/require-user';
import { errorResponses } from '../../platform/http/responses';
import type { UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { askQuestion } from './ask-question';
import { obtainDocuments, obtainRefusal } from './obtain-documents';
import { canSeeDesk } from './policy';
import { presentClarification, presentProject, presentQuestion } from './present';
import {
  findClarification,
  findDocument,
  findObtaining,
  findPublicProject,
  listClarifications,
  listDocuments,
  listObtainedProjects,
  listQuestions,
} from './repo';
import { fileResponse, sendFile } from './send-file';
import { documentParams, myQuestionView, questionBody, tenderListView, tenderParams, tenderView } from './schemas';

const supplierOnly = { roles: ['supplier'] } as const;

async function presentTender(s: Services, viewer: UserViewer, projectId: string): Promise<z.infer<typeof tenderView>> {
  const project = await findPublicProject(s.db, projectId);
  if (!project) throw new AppError('NOT_FOUND');
  const now = s.clock.now();
  const obtaining = viewer.organisationId ? await findObtaining(s.db, projectId, viewer.organisationId) : null;
  const clarificationRows = await listClarifications(s.db, projectId);
  const refusal = obtaining ? null : await obtainRefusal(s.db, viewer, project, now);
  const open = project.status === 'published' && !!project.bidDeadline && now < project.bidDeadline;
  return {
    project: await presentProject(s.db, project, clarificationRows),
    obtaining: obtaining ? { obtainedAt: obtaining.obtainedAt.toISOString() } : null,
    documents: obtaining
      ? (await listDocuments(s.db, projectId)).map((d) => ({
          id: d.id,
          fileName: d.fileName,
          contentType: d.contentType,
          sizeBytes: d.sizeBytes,
          sha256: d.sha256,
        }))
      : [],
    clarifications: obtaining ? clarificationRows.map(presentClarification) : [],
    myQuestions:
      obtaining && viewer.organisationId
        ? (await listQuestions(s.db, projectId, viewer.organisationId)).map((r) => presentQuestion(r.question))
        : [],
    abilities: { obtain: !obtaining && !refusal, download: !!obtaining, ask: !!obtaining && open },
    refusal: refusal ? { code: refusal.code, message: refusal.localised() } : null,
  };
}

/** The supplier's side of C8: obtain the documents, download them, ask questions, read the clarifications. */
export const tenderRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  app.get(
    '/api/tenders',
    {
      config: { access: supplierOnly },
      schema: {
        tags: ['documents'],
        summary: '我已获取采购文件的项目 / Projects whose documents I obtained',
        response: { 200: tenderListView, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      if (!viewer.organisationId) return { items: [] };
      const rows = await listObtainedProjects(s.db, viewer.organisationId);
      return {
        items: rows.map(({ project, obtainedAt }) => ({
          id: project.id,
          code: project.code,
          title: project.title,
          status: project.status,
          bidDeadline: project.bidDeadline?.toISOString() ?? null,
          obtainedAt: obtainedAt.toISOString(),
        })),
      };
    },
  );

  app.get(
    '/api/tenders/:id',
    {
      config: { access: supplierOnly },
      schema: {
        tags: ['documents'],
        summary: '项目与采购文件（供应商）/ A tender as a supplier sees it',
        params: tenderParams,
        response: { 200: tenderView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => presentTender(s, requireUser(request.viewer), request.params.id),
  );

  app.post(
    '/api/tenders/:id/obtain',
    {
      config: { access: supplierOnly },
      schema: {
        tags: ['documents'],
        summary: '获取采购文件（免费）/ Obtain the procurement documents (free)',
        params: tenderParams,
        response: { 200: tenderView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      await obtainDocuments(s, viewer, request.params.id);
      return presentTender(s, viewer, request.params.id);
    },
  );

  app.get(
    '/api/tenders/:id/documents/:documentId',
    {
      config: { access: supplierOnly },
      schema: {
        tags: ['documents'],
        summary: '下载采购文件 / Download a procurement document',
        params: documentParams,
        response: { 200: fileResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const viewer = requireUser(request.viewer);
      const { id, documentId } = request.params;
      // Not obtained: the files are not there for this supplier (404, like any resource it may not see).
      const obtained = viewer.organisationId ? await findObtaining(s.db, id, viewer.organisationId) : null;
      const document = obtained ? await findDocument(s.db, id, documentId) : null;
      if (!document) throw new AppError('NOT_FOUND');
      return sendFile(reply, s.blobs, document);
    },
  );

  app.post(
    '/api/tenders/:id/questions',
    {
      config: { access: supplierOnly },
      schema: {
        tags: ['documents'],
        summary: '就采购文件提问 / Ask a question about the documents',
        params: tenderParams,
        body: questionBody,
        response: { 201: myQuestionView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentQuestion(await askQuestion(s, requireUser(request.viewer), request.params.id, request.body.text))),
  );

  app.get(
    '/api/clarifications/:id/file',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags: ['documents'],
        summary: '下载澄清附件 / Download a clarification attachment',
        params: tenderParams,
        response: { 200: fileResponse, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const viewer = requireUser(request.viewer);
      const clarification = await findClarification(s.db, request.params.id);
      const project = clarification ? await findPublicProject(s.db, clarification.projectId) : null;
      if (!clarification || !project) throw new AppError('NOT_FOUND');
      const obtained =
        viewer.role === 'supplier' && viewer.organisationId
          ? await findObtaining(s.db, project.id, viewer.organisationId)
          : null;
      if (!obtained && !canSeeDesk(viewer, project)) throw new AppError('NOT_FOUND');
      const { attachmentSha256: sha256, attachmentFileName: fileName } = clarification;
      if (!sha256 || !fileName) throw new AppError('NOT_FOUND');
      return sendFile(reply, s.blobs, {
        sha256,
        fileName,
        contentType: clarification.attachmentContentType ?? 'application/octet-stream',
        sizeBytes: clarification.attachmentSizeBytes ?? 0,
      });
    },
  );
};
