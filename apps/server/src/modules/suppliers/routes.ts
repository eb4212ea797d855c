import fastifyMultipart from '@fastify/multipart';
import { QUALIFICATION_FILE_MAX_BYTES } from '@zhengcai/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors/app-error';
import { requireUser } from '../../platform/http/require-user';
import { errorResponses } from '../../platform/http/responses';
import type { UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { findOrganisation } from '../registry/repo';
import { addQualification, readQualificationUpload } from './add-qualification';
import { supplierFileAbilities } from './policy';
import { presentQualification, presentSupplierFile } from './present-supplier-file';
import { findQualification } from './repo';
import { organisationIdParams, profileBody, qualificationParams, qualificationView, supplierFileView } from './schemas';
import { updateSupplierProfile } from './update-profile';
import { withdrawQualification } from './withdraw-qualification';

const supplierOnly = { roles: ['supplier'] } as const;

async function findVisibleSupplier(s: Services, viewer: UserViewer, organisationId: string) {
  const org = await findOrganisation(s.db, organisationId);
  if (!org || !supplierFileAbilities(viewer, org).view) throw new AppError('NOT_FOUND');
  return org;
}

/** The upload route, in its own scope with the multipart parser. */
const qualificationUploadRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  await app.register(fastifyMultipart, {
    limits: { fileSize: QUALIFICATION_FILE_MAX_BYTES, files: 1, fields: 10, parts: 11 },
  });
  const visibleSupplier = (viewer: UserViewer, organisationId: string) =>
    findVisibleSupplier(s, viewer, organisationId);
  app.post(
    '/api/suppliers/me/qualifications',
    {
      config: { access: supplierOnly },
      schema: {
        tags: ['suppliers'],
        summary:
          '添加资质证书（multipart：先字段 kind/title/number/issuer/validFrom/validUntil，后文件 file）/ Add a qualification',
        consumes: ['multipart/form-data'],
        response: { 201: qualificationView, ...errorResponses(400, 401, 403, 404, 409, 413) },
      },
    },
    async (request, reply) => {
      const viewer = requireUser(request.viewer);
      // May you do it before reading the upload: a suspended supplier's scan is never stored.
      const org = await visibleSupplier(viewer, viewer.organisationId ?? '');
      if (!supplierFileAbilities(viewer, org).edit) throw new AppError('INVALID_STATE', { state: org.status });
      const upload = await readQualificationUpload(s, request);
      const row = await addQualification(s, viewer, upload);
      return reply.status(201).send(presentQualification(row, s.clock));
    },
  );
};

/** Supplier profiles, SME declarations and qualification documents (C1). */
export const supplierRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  const visibleSupplier = (viewer: UserViewer, organisationId: string) =>
    findVisibleSupplier(s, viewer, organisationId);

  app.get(
    '/api/suppliers/:organisationId',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags: ['suppliers'],
        summary: '供应商档案（企业信息、声明函、资质）/ A supplier file',
        params: organisationIdParams,
        response: { 200: supplierFileView, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      const org = await visibleSupplier(viewer, request.params.organisationId);
      return presentSupplierFile(s.db, s.clock, viewer, org);
    },
  );

  app.put(
    '/api/suppliers/me/profile',
    {
      config: { access: supplierOnly },
      schema: {
        tags: ['suppliers'],
        summary: '修改企业信息并重新声明 / Change my profile and declare again',
        body: profileBody,
        response: { 200: supplierFileView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      await updateSupplierProfile(s, viewer, request.body);
      const org = await visibleSupplier(viewer, viewer.organisationId ?? '');
      return presentSupplierFile(s.db, s.clock, viewer, org);
    },
  );

  // Multipart parsing only in this nested scope: every other route stays JSON-only (415 for anything else).
  await app.register(qualificationUploadRoutes, { services: s });

  app.delete(
    '/api/suppliers/:organisationId/qualifications/:id',
    {
      config: { access: supplierOnly },
      schema: {
        tags: ['suppliers'],
        summary: '撤回资质（留存为证据）/ Withdraw a qualification (kept as evidence)',
        params: qualificationParams,
        response: { 200: qualificationView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      const row = await withdrawQualification(s, viewer, request.params.organisationId, request.params.id);
      return presentQualification(row, s.clock);
    },
  );

  app.get(
    '/api/suppliers/:organisationId/qualifications/:id/file',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags: ['suppliers'],
        summary: '资质证书扫描件 / The scanned qualification',
        // The answer is the file itself (its stored type); errors have the usual body.
        params: qualificationParams,
      },
    },
    async (request, reply) => {
      const viewer = requireUser(request.viewer);
      const org = await visibleSupplier(viewer, request.params.organisationId);
      const row = await findQualification(s.db, org.id, request.params.id);
      if (!row) throw new AppError('NOT_FOUND');
      const stream = await s.blobs.get(row.fileHash);
      if (!stream) throw new AppError('NOT_FOUND');
      return reply
        .header('content-type', row.fileType)
        .header('content-length', String(row.fileSize))
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(row.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('etag', `"${row.fileHash}"`)
        .send(stream);
    },
  );
};
