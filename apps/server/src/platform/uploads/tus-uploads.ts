import { Server } from '@tus/server';
import { parse as parseMetadata } from '@tus/utils';
import type { Suite } from '@zhengcai/seal';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error';
import type { Access } from '../http/access';
import { HashingFileStore } from './hashing-file-store';

/**
 * Resumable uploads (tus 1.0, https://tus.io/protocols/resumable-upload) mounted under `path`, with OUR access
 * control in front of every request: the access hook (session/CSRF/role) runs as for any route, then the owner's
 * `authorize` callbacks decide whether this caller may create this upload (POST, from its metadata) or touch this
 * one (HEAD/PATCH/DELETE); otherwise 404. The upload's id is chosen by the owner (e.g. the bid submission id).
 * Bytes go to a staging directory (HashingFileStore), hashed as they arrive; the owner moves finished uploads on.
 */
export interface UploadAuthorizer {
  /** POST: may the caller create an upload with this metadata and length? Returns the upload id to use. */
  create(request: FastifyRequest, metadata: Record<string, string>, length: number): Promise<string>;
  /** HEAD/PATCH/DELETE: throws AppError NOT_FOUND unless the caller may touch this upload. */
  access(request: FastifyRequest, id: string, method: string): Promise<void>;
}

export interface TusUploadsOptions {
  path: string;
  directory: string;
  suite: Suite;
  maxSize: number;
  access: Access;
  authorize: UploadAuthorizer;
  /** Called after the last byte of an upload arrived. */
  onFinished?: (id: string) => Promise<void>;
}

/** Internal header carrying the id chosen by `authorize.create` to tus's naming function; clients cannot set it. */
const ID_HEADER = 'x-zc-upload-id';

export function registerTusUploads(app: FastifyInstance, options: TusUploadsOptions): HashingFileStore {
  const store = new HashingFileStore(options.directory, options.suite);
  const tus = new Server({
    path: options.path,
    datastore: store,
    maxSize: options.maxSize,
    relativeLocation: true,
    namingFunction: (req) => {
      const id = req.headers.get(ID_HEADER);
      if (!id) throw new Error('upload id missing');
      return id;
    },
    onUploadFinish: async (_req, upload) => {
      await options.onFinished?.(upload.id);
      return {};
    },
  });

  const hand = async (request: FastifyRequest, reply: { hijack(): void; raw: import('node:http').ServerResponse }) => {
    reply.hijack();
    await tus.handle(request.raw, reply.raw);
  };

  const config = { access: options.access };
  const schema = { hide: true };

  app.register(async (scope) => {
    // tus bodies are raw bytes: leave the stream to tus (no body limit applies, tus enforces `maxSize`).
    scope.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));

    scope.post(options.path, { config, schema }, async (request, reply) => {
      delete request.raw.headers[ID_HEADER];
      const lengthHeader = request.headers['upload-length'];
      const length = typeof lengthHeader === 'string' && /^\d{1,15}$/.test(lengthHeader) ? Number(lengthHeader) : NaN;
      if (!Number.isSafeInteger(length)) throw new AppError('UPLOAD_LENGTH_REQUIRED');
      if (length > options.maxSize) throw new AppError('PAYLOAD_TOO_LARGE', { limit: options.maxSize });
      let metadata: Record<string, string> = {};
      try {
        const raw = request.headers['upload-metadata'];
        const parsed = parseMetadata(typeof raw === 'string' ? raw : undefined);
        metadata = Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, v ?? '']));
      } catch {
        throw new AppError('UPLOAD_METADATA_INVALID');
      }
      const id = await options.authorize.create(request, metadata, length);
      request.raw.headers[ID_HEADER] = id;
      await hand(request, reply);
    });

    for (const method of ['HEAD', 'PATCH', 'DELETE'] as const) {
      scope.route<{ Params: { id: string } }>({
        method,
        url: `${options.path}/:id`,
        config,
        schema,
        handler: async (request, reply) => {
          delete request.raw.headers[ID_HEADER];
          await options.authorize.access(request, request.params.id, method);
          await hand(request, reply);
        },
      });
    }
  });
  return store;
}
