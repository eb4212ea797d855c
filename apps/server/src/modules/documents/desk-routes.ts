import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error';
import { requireUser } from '../../platform/http/require-user';
import { errorResponses } from '../../platform/http/responses';
import type { Viewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { canSeeDesk, isProjectStaff } from './policy';
import { presentClarification, presentProject, presentQuestion } from './present';
import { publishClarification } from './publish-clarification';
import { findPublicProject, listClarifications, listObtainings, listQuestions } from './repo';
import {
  CLARIFICATION_BODY_LIMIT,
  clarificationBody,
  deskView,
  obtainingView,
  publishedClarificationView,
  tenderParams,
} from './schemas';

/** The project's staff (purchaser, agency) and oversight; suppliers never reach these lists. */
const deskRoles = { roles: ['purchaser', 'agency', 'centre', 'supervisor', 'admin'] } as const;

async function visibleProject(s: Services, viewer: Viewer, projectId: string) {
  const project = await findPublicProject(s.db, projectId);
  if (!project || !canSeeDesk(viewer, project)) throw new AppError('NOT_FOUND');
  return project;
}

/** The purchaser's and agency's side of C8: the questions (with who asked), who obtained, and clarifications. */
export const deskRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  app.get(
    '/api/projects/:id/questions',
    {
      config: { access: deskRoles },
      schema: {
        tags: ['documents'],
        summary: '提问与澄清（采购人、代理机构、监管）/ Questions and clarifications of a project',
        params: tenderParams,
        response: { 200: deskView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request): Promise<z.infer<typeof deskView>> => {
      const project = await visibleProject(s, request.viewer, request.params.id);
      const clarificationRows = await listClarifications(s.db, project.id);
      const questionRows = await listQuestions(s.db, project.id);
      const obtained = await listObtainings(s.db, project.id);
      const now = s.clock.now();
      return {
        project: await presentProject(s.db, project, clarificationRows),
        questions: questionRows.map((r) => ({
          ...presentQuestion(r.question),
          organisationId: r.question.organisationId,
          organisationName: r.organisationName,
        })),
        clarifications: clarificationRows.map(presentClarification),
        obtainedCount: obtained.length,
        abilities: {
          clarify:
            isProjectStaff(request.viewer, project) &&
            project.status === 'published' &&
            !!project.bidDeadline &&
            now < project.bidDeadline,
        },
      };
    },
  );

  app.get(
    '/api/projects/:id/obtainings',
    {
      config: { access: deskRoles },
      schema: {
        tags: ['documents'],
        summary: '获取采购文件的供应商 / Suppliers that obtained the documents',
        params: tenderParams,
        response: { 200: z.object({ items: z.array(obtainingView) }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const project = await visibleProject(s, request.viewer, request.params.id);
      const rows = await listObtainings(s.db, project.id);
      return {
        items: rows.map((r) => ({
          organisationId: r.obtaining.organisationId,
          organisationName: r.organisationName,
          uscc: r.uscc,
          obtainedBy: r.userName,
          obtainedAt: r.obtaining.obtainedAt.toISOString(),
        })),
      };
    },
  );

  app.post(
    '/api/projects/:id/clarifications',
    {
      bodyLimit: CLARIFICATION_BODY_LIMIT,
      config: { access: { roles: ['purchaser', 'agency'] } },
      schema: {
        tags: ['documents'],
        summary: '发布澄清或者修改 / Publish a clarification or amendment',
        params: tenderParams,
        body: clarificationBody,
        response: { 201: publishedClarificationView, ...errorResponses(400, 401, 403, 404, 409, 413) },
      },
    },
    async (request, reply) => {
      const viewer = requireUser(request.viewer);
      const { clarification, recipients, decision } = await publishClarification(
        s,
        viewer,
        request.params.id,
        request.body,
      );
      return reply.status(201).send({ ...presentClarification(clarification), recipients, message: decision.message });
    },
  );
};
