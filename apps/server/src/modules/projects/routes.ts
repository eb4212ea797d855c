import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod, ZodTypeProvider as ZodProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error';
import { requireUser } from '../../platform/http/require-user';
import { errorResponses } from '../../platform/http/responses';
import { isOversight } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { idParams } from '../registry/schemas';
import { createProject } from './create-project';
import { keyHolderCandidates, setKeyEscrow } from './key-escrow';
import { loadForChange } from './load-draft';
import { MAX_DOCUMENT_BYTES } from './document-content';
import { presentProject } from './present-project';
import { publishProject } from './publish-project';
import { listActiveParties, listProjects } from './repo';
import {
  documentParams,
  documentView,
  keyEscrowBody,
  keyHolderCandidatesView,
  listProjectsQuery,
  partiesView,
  projectBody,
  projectSummaryView,
  projectView,
} from './schemas';
import { deleteProject, updateProject } from './update-project';
import { removeDocument, uploadDocument } from './upload-document';

const parties = { roles: ['purchaser', 'agency'] } as const;
/** The parties work on projects; the centre, the supervisor and the administrator read them. */
const readers = { roles: ['purchaser', 'agency', 'centre', 'supervisor', 'admin'] } as const;

export const projectRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  const present = async (viewer: Parameters<typeof presentProject>[2], id: string) => {
    const view = await presentProject(s.db, s.clock, viewer, id);
    if (!view) throw new AppError('NOT_FOUND');
    return view;
  };

  app.get(
    '/api/projects',
    {
      config: { access: readers },
      schema: {
        tags: ['projects'],
        summary: '采购项目列表 / Projects',
        querystring: listProjectsQuery,
        response: {
          200: z.object({ items: z.array(projectSummaryView), total: z.number().int() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      const { rows, total } = await listProjects(s.db, {
        organisationId: isOversight(viewer) ? null : viewer.organisationId,
        ...(request.query.status ? { status: request.query.status } : {}),
        limit: request.query.limit,
        offset: request.query.offset,
      });
      return {
        total,
        items: rows.map((r) => ({
          id: r.project.id,
          code: r.project.code,
          title: r.project.title,
          method: r.project.method,
          category: r.project.category,
          status: r.project.status,
          purchaser: { id: r.project.purchaserOrganisationId, name: r.purchaserName },
          agency:
            r.project.agencyOrganisationId && r.agencyName
              ? { id: r.project.agencyOrganisationId, name: r.agencyName }
              : null,
          budgetFen: Number(r.budgetFen ?? 0),
          lotCount: Number(r.lotCount ?? 0),
          publishedAt: r.project.status === 'published' ? (r.project.publishedAt?.toISOString() ?? null) : null,
          bidDeadline: r.project.bidDeadline?.toISOString() ?? null,
          updatedAt: r.project.updatedAt.toISOString(),
        })),
      };
    },
  );

  app.get(
    '/api/projects/parties',
    {
      config: { access: parties },
      schema: {
        tags: ['projects'],
        summary: '可选的采购人与代理机构 / Purchasers and agencies to choose from',
        response: { 200: partiesView, ...errorResponses(401, 403) },
      },
    },
    async () => {
      const rows = await listActiveParties(s.db);
      const pick = (kind: string) => rows.filter((r) => r.kind === kind).map(({ id, name }) => ({ id, name }));
      return { purchasers: pick('purchaser'), agencies: pick('agency') };
    },
  );

  app.post(
    '/api/projects',
    {
      config: { access: parties },
      schema: {
        tags: ['projects'],
        summary: '登记采购项目（草稿）/ Register a project (draft)',
        body: projectBody,
        response: { 201: projectView, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const viewer = requireUser(request.viewer);
      const id = await createProject(s, viewer, request.body);
      return reply.status(201).send(await present(viewer, id));
    },
  );

  app.get(
    '/api/projects/:id',
    {
      config: { access: readers },
      schema: {
        tags: ['projects'],
        summary: '采购项目 / A project',
        params: idParams,
        response: { 200: projectView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => present(request.viewer, request.params.id),
  );

  app.put(
    '/api/projects/:id',
    {
      config: { access: parties },
      schema: {
        tags: ['projects'],
        summary: '修改项目草稿 / Edit a draft project',
        params: idParams,
        body: projectBody,
        response: { 200: projectView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      await updateProject(s, viewer, request.params.id, request.body);
      return present(viewer, request.params.id);
    },
  );

  app.delete(
    '/api/projects/:id',
    {
      config: { access: parties },
      schema: {
        tags: ['projects'],
        summary: '删除项目草稿 / Delete a draft project',
        params: idParams,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await deleteProject(s, requireUser(request.viewer), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/projects/:id/publish',
    {
      config: { access: parties },
      schema: {
        tags: ['projects'],
        summary: '发布采购项目及招标公告 / Publish the project and its tender notice',
        description:
          'Checks the timeline and the lots at the server clock by the rules in force (B4). Refused with 409 PUBLICATION_BLOCKED, each broken rule named on its field (`ruleId`, `earliestDate`).',
        params: idParams,
        response: { 200: projectView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      await publishProject(s, viewer, request.params.id);
      return present(viewer, request.params.id);
    },
  );

  app.get(
    '/api/projects/:id/key-holder-candidates',
    {
      config: { access: parties },
      schema: {
        tags: ['projects'],
        summary: '可指定的密钥保管人 / Users who may be named key holders',
        params: idParams,
        response: { 200: keyHolderCandidatesView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      const project = await s.db.transaction((tx) => loadForChange(tx, viewer, request.params.id, 'edit'));
      return { items: await keyHolderCandidates(s.db, project, s.clock.now()) };
    },
  );

  app.put(
    '/api/projects/:id/key-escrow',
    {
      config: { access: parties },
      schema: {
        tags: ['projects'],
        summary: '设定应急密钥恢复（k/n 密钥保管人）/ Set emergency key recovery (k of n key holders)',
        description:
          'Only while a draft. `{ threshold: null, holders: [] }` removes the escrow. Publication is refused while a holder has no usable encryption certificate or k is out of range (ADR 0015).',
        params: idParams,
        body: keyEscrowBody,
        response: { 200: projectView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      await setKeyEscrow(s, viewer, request.params.id, request.body);
      return present(viewer, request.params.id);
    },
  );

  app.delete(
    '/api/projects/:id/documents/:documentId',
    {
      config: { access: parties },
      schema: {
        tags: ['projects'],
        summary: '移除采购文件 / Remove a procurement document from a draft',
        params: documentParams,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await removeDocument(s, requireUser(request.viewer), request.params.id, request.params.documentId);
      return reply.status(204).send(null);
    },
  );

  // The upload route alone reads multipart bodies: every other route keeps answering them with 415.
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { files: 1, fields: 5, fileSize: MAX_DOCUMENT_BYTES + 1, parts: 6 },
      throwFileSizeLimit: false,
    });
    scope.withTypeProvider<ZodProvider>().post(
      '/api/projects/:id/documents',
      {
        config: { access: parties },
        schema: {
          tags: ['projects'],
          summary: '上传采购文件 / Upload a procurement document',
          description: `multipart/form-data with one part named \`file\` (PDF, DOC/DOCX, XLS/XLSX, OFD, ZIP; at most ${MAX_DOCUMENT_BYTES} bytes). The content must match its extension.`,
          consumes: ['multipart/form-data'],
          params: idParams,
          response: { 201: documentView, ...errorResponses(400, 401, 403, 404, 409, 413) },
        },
      },
      async (request, reply) => {
        const viewer = requireUser(request.viewer);
        if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        const row = await uploadDocument(s, viewer, request.params.id, () => request.file());
        return reply.status(201).send({
          id: row.id,
          fileName: row.fileName,
          contentType: row.contentType,
          sizeBytes: row.sizeBytes,
          sha256: row.sha256,
          uploadedAt: row.uploadedAt.toISOString(),
        });
      },
    );
  });
};
