import type { ServerResponse } from 'node:http';
import { Server } from '@tus/server';
import { Metadata } from '@tus/utils';
import type { Suite } from '@zhengcai/seal';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import type { Access } from '../http/access';
import { HashingFileStore } from './hashing-file-store';

/**
 * Resumable uploads (tus 1.0, https://tus.io/protocols/resumable-upload) mounted under `path`, with OUR access
 * control in front of every request: the access hook (session/CSRF/role) runs as for any route, then the owner's
 * `authorize` callbacks decide whether this caller may create this upload (POST) or touch this one
 * (HEAD/PATCH/DELETE); otherwise 404. The upload's id is the owner's (e.g. the bid submission id), sent by the client
 * in Upload-Metadata under `idMetadataKey`.
 * Bytes go to a staging directory (HashingFileStore), hashed as they arrive; the owner moves finished uploads on.
 */
export interface UploadAuthorizer {
  /** POST: may the caller create the upload with this id (from the metadata) and length? Throws AppError if not. */
  create(request: FastifyRequest, id: string, length: number): Promise<void>;
  /** HEAD/PATCH/DELETE: throws AppError NOT_FOUND unless the caller may touch this upload. */
  access(request: FastifyRequest, id: string, method: string): Promise<void>;
}

export interface TusUploadsOptions {
  path: string;
  directory: string;
  suite: Suite;
  maxSize: number;
  /** The Upload-Metadata key whose value is the upload id (e.g. `submissionId`). */
  idMetadataKey: string;
  access: Access;
  authorize: UploadAuthorizer;
  /** Called after the last byte of an upload arrived. */
  onFinished?: (id: string) => Promise<void>;
}

export function registerTusUploads(app: FastifyInstance, options: TusUploadsOptions): HashingFileStore {
  const store = new HashingFileStore(options.directory, options.suite);
  const tus = new Server({
    path: options.path,
    datastore: store,
    maxSize: options.maxSize,
    relativeLocation: true,
    // The same Upload-Metadata header was parsed and authorised (and its id checked) before tus saw the request.
    namingFunction: (_req, metadata) => {
      const id = metadata?.[options.idMetadataKey];
      if (!id) throw new Error('upload id missing');
      return id;
    },
    onUploadFinish: async (_req, upload) => {
      await options.onFinished?.(upload.id);
      return {};
    },
  });

  const hand = async (request: FastifyRequest, reply: { hijack(): void; raw: ServerResponse }) => {
    reply.hijack();
    await tus.handle(request.raw, reply.raw);
  };

  const config = { access: options.access };
  const schema = { hide: true };

  app.register(async (scope) => {
    // tus bodies are raw bytes: leave the stream to tus (no body limit applies, tus enforces `maxSize`).
    scope.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));

    scope.post(options.path, { config, schema }, async (request, reply) => {
      const lengthHeader = request.headers['upload-length'];
      const length = typeof lengthHeader === 'string' && /^\d{1,15}$/.test(lengthHeader) ? Number(lengthHeader) : NaN;
      if (!Number.isSafeInteger(length)) throw new AppError('UPLOAD_LENGTH_REQUIRED');
      if (length > options.maxSize) throw new AppError('PAYLOAD_TOO_LARGE', { limit: options.maxSize });
      let metadata: Record<string, string> = {};
      try {
        const raw = request.headers['upload-metadata'];
        const parsed = Metadata.parse(typeof raw === 'string' ? raw : undefined);
        metadata = Object.fromEntries(Object.entries(parsed).map(([k, v]): [string, string] => [k, v ?? '']));
      } catch {
        throw new AppError('UPLOAD_METADATA_INVALID');
      }
      const id = metadata[options.idMetadataKey] ?? '';
      await options.authorize.create(request, id, length);
      await hand(request, reply);
    });

    for (const method of ['HEAD', 'PATCH', 'DELETE'] as const) {
      scope.route<{ Params: { id: string } }>({
        method,
        url: `${options.path}/:id`,
        config,
        // Upload ids are UUIDs (the owner's record id): anything else is a 400 naming params.id.
        schema: { ...schema, params: z.object({ id: z.string().uuid() }) },
        handler: async (request, reply) => {
          await options.authorize.access(request, request.params.id, method);
          await hand(request, reply);
        },
      });
    }
  });
  return store;
}
