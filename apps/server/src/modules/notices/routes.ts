import { findCategory } from '@zhengcai/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error';
import { errorResponses } from '../../platform/http/responses';
import type { Services } from '../../services';
import { idParams } from '../registry/schemas';
import { documentsObtainable } from '../documents/obtain-documents';
import { findPublishedNotice, listPublishedNotices } from './repo';
import { listNoticesQuery, noticeSummaryView, noticeView } from './schemas';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The public portal's notices (C18): everyone reads what was published; drafts never appear here. */
export const noticeRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  app.get(
    '/api/notices',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['notices'],
        summary: '公告列表 / Published notices',
        querystring: listNoticesQuery,
        response: {
          200: z.object({ items: z.array(noticeSummaryView), total: z.number().int() }),
          ...errorResponses(400),
        },
      },
    },
    async (request) => {
      const { category, kind, q, limit, offset } = request.query;
      const { rows, total } = await listPublishedNotices(s.db, {
        ...(category ? { category } : {}),
        ...(kind ? { kind } : {}),
        ...(q ? { q } : {}),
        limit,
        offset,
      });
      return {
        total,
        items: rows.map((r) => ({
          id: r.notice.id,
          kind: r.notice.kind,
          title: r.notice.title,
          publishedAt: r.notice.publishedAt.toISOString(),
          project: {
            id: r.project.id,
            code: r.project.code,
            title: r.project.title,
            method: r.project.method,
            category: r.project.category,
            purchaserName: r.purchaserName,
            budgetFen: Number(r.budgetFen ?? 0),
            bidDeadline: iso(r.project.bidDeadline),
          },
        })),
      };
    },
  );

  app.get(
    '/api/notices/:id',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['notices'],
        summary: '公告详情 / A published notice',
        params: idParams,
        response: { 200: noticeView, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const row = await findPublishedNotice(s.db, request.params.id);
      if (!row) throw new AppError('NOT_FOUND');
      const { notice, project } = row;
      return {
        id: notice.id,
        kind: notice.kind,
        title: notice.title,
        body: notice.body,
        lotIds: notice.lotIds,
        publishedAt: notice.publishedAt.toISOString(),
        project: {
          id: project.id,
          code: project.code,
          title: project.title,
          method: project.method,
          category: project.category,
          purchaserName: row.purchaserName,
          agencyName: row.agencyName,
          budgetFen: row.lots.reduce((n, l) => n + l.budgetFen, 0),
          bidDeadline: iso(project.bidDeadline),
          documentsAvailableFrom: iso(project.documentsAvailableFrom),
          documentsAvailableUntil: iso(project.documentsAvailableUntil),
          decryptionWindowMinutes: project.decryptionWindowMinutes,
        },
        documentsObtainable: documentsObtainable(project, s.clock.now()),
        lots: row.lots.map((l) => {
          const c = findCategory(l.categoryCode);
          return {
            id: l.id,
            number: l.number,
            title: l.title,
            categoryCode: l.categoryCode,
            categoryName: { zh: c?.zh ?? l.categoryCode, en: c?.en ?? l.categoryCode },
            budgetFen: l.budgetFen,
            ceilingPriceFen: l.ceilingPriceFen,
            smeReserved: l.smeReserved,
            depositFen: l.depositFen,
            consortiumAllowed: l.consortiumAllowed,
          };
        }),
        documents: row.documents.map((d) => ({
          id: d.id,
          fileName: d.fileName,
          sizeBytes: d.sizeBytes,
          sha256: d.sha256,
        })),
      };
    },
  );
};
