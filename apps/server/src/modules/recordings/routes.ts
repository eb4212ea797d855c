import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error';
import { requireUser } from '../../platform/http/require-user';
import { errorResponses } from '../../platform/http/responses';
import type { Viewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { idParams } from '../registry/schemas';
import { mayWatchRecordings } from './policy';
import {
  findLotWithProject,
  findRecordingWithHost,
  listChunks,
  listLotRecordings,
  type ChunkRow,
  type RecordingRow,
} from './repo';
import type { chunkView } from './schemas';
import {
  MAX_CHUNK_BYTES,
  chunkParams,
  lotQuery,
  recordingDetailView,
  recordingView,
  startBody,
  uploadedView,
} from './schemas';
import { startRecording } from './start-recording';
import { stopRecording } from './stop-recording';
import { concatenateChunks, parseRange } from './stream-recording';
import { uploadChunk } from './upload-chunk';

/** The opening's host: the agency's users, or the purchaser's when a project has no agency (policy.ts). */
const hosts = { roles: ['agency', 'purchaser'] } as const;
/** Playback is for oversight; everyone else is told "not found", so nobody learns that a recording exists. */
const signedIn = { roles: 'any' } as const;

const present = (row: RecordingRow, hostName: string): z.infer<typeof recordingView> => ({
  id: row.id,
  projectId: row.projectId,
  lotId: row.lotId,
  subject: `opening:${row.lotId}`,
  mimeType: row.mimeType,
  state: row.state,
  hostName,
  chunkCount: row.chunkCount,
  totalBytes: row.totalBytes,
  startedAt: row.startedAt.toISOString(),
  stoppedAt: row.stoppedAt?.toISOString() ?? null,
  mediaUrl: `/api/recordings/${row.id}/media`,
});

const presentChunk = (c: ChunkRow): z.infer<typeof chunkView> => ({
  seq: c.seq,
  sha256: c.sha256,
  size: c.size,
  eventSeq: c.eventSeq,
  receivedAt: c.receivedAt.toISOString(),
});

export const recordingRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services: s }) => {
  /** A recording an oversight user may play back, with its chunks; anyone else: not found. */
  const watchable = async (viewer: Viewer, id: string) => {
    const found = mayWatchRecordings(viewer) ? await findRecordingWithHost(s.db, id) : null;
    if (!found) throw new AppError('NOT_FOUND');
    return { ...found, chunks: await listChunks(s.db, id) };
  };

  app.post(
    '/api/recordings',
    {
      config: { access: hosts },
      schema: {
        tags: ['recordings'],
        summary: '开始开标过程录像（主持人） / Start recording a lot’s opening (host)',
        body: startBody,
        response: { 201: recordingView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const viewer = requireUser(request.viewer);
      const row = await startRecording(s, viewer, request.body);
      return reply.status(201).send(present(row, viewer.account.displayName));
    },
  );

  // Chunks are raw bytes (application/octet-stream) up to MAX_CHUNK_BYTES; only this route reads them.
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: MAX_CHUNK_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().put(
      '/api/recordings/:id/chunks/:seq',
      {
        bodyLimit: MAX_CHUNK_BYTES,
        config: { access: hosts },
        schema: {
          tags: ['recordings'],
          summary:
            '上传录像分段（按序；同一内容可重传） / Upload a recording chunk (in order; same bytes may be re-sent)',
          description: `The chunk's bytes as \`application/octet-stream\`, at most ${MAX_CHUNK_BYTES} bytes. \`seq\` starts at 0 and must be the next one; re-sending a stored chunk with the same bytes answers it again, different bytes are refused.`,
          consumes: ['application/octet-stream'],
          params: chunkParams,
          response: { 200: uploadedView, ...errorResponses(400, 401, 403, 404, 409, 413) },
        },
      },
      async (request) => {
        const viewer = requireUser(request.viewer);
        const body: unknown = request.body;
        if (body !== undefined && body !== null && !Buffer.isBuffer(body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
        const { chunk, recording } = await uploadChunk(s, viewer, request.params.id, request.params.seq, bytes);
        return { chunk: presentChunk(chunk), chunkCount: recording.chunkCount, totalBytes: recording.totalBytes };
      },
    );
  });

  app.post(
    '/api/recordings/:id/stop',
    {
      config: { access: hosts },
      schema: {
        tags: ['recordings'],
        summary: '结束录像 / Stop a recording',
        params: idParams,
        response: { 200: recordingView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const viewer = requireUser(request.viewer);
      return present(await stopRecording(s, viewer, request.params.id), viewer.account.displayName);
    },
  );

  app.get(
    '/api/recordings',
    {
      config: { access: signedIn },
      schema: {
        tags: ['recordings'],
        summary: '某包的开标录像（监管、交易中心、管理员） / A lot’s opening recordings (oversight)',
        querystring: lotQuery,
        response: { 200: z.object({ items: z.array(recordingView) }), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      if (!mayWatchRecordings(request.viewer)) throw new AppError('NOT_FOUND');
      if (!(await findLotWithProject(s.db, request.query.lotId))) throw new AppError('NOT_FOUND');
      const rows = await listLotRecordings(s.db, request.query.lotId);
      return { items: rows.map((r) => present(r.recording, r.hostName)) };
    },
  );

  app.get(
    '/api/recordings/:id',
    {
      config: { access: signedIn },
      schema: {
        tags: ['recordings'],
        summary: '录像详情与各分段摘要（监管） / A recording with its chunks’ hashes (oversight)',
        params: idParams,
        response: { 200: recordingDetailView, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const found = await watchable(request.viewer, request.params.id);
      return { ...present(found.recording, found.hostName), chunks: found.chunks.map(presentChunk) };
    },
  );

  app.get(
    '/api/recordings/:id/media',
    {
      config: { access: signedIn },
      schema: {
        tags: ['recordings'],
        summary: '播放录像（各分段依次拼接；支持 Range） / Play a recording (chunks concatenated; Range supported)',
        params: idParams,
        response: {
          200: z.any().meta({ description: 'the recording (its mime type)' }),
          206: z.any().meta({ description: 'a byte range of it' }),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request, reply) => {
      const { recording, chunks } = await watchable(request.viewer, request.params.id);
      const size = chunks.reduce((sum, c) => sum + c.size, 0);
      const range = parseRange(request.headers.range, size);
      void reply
        .type(recording.mimeType)
        .header('accept-ranges', 'bytes')
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff');
      if (range) {
        void reply
          .status(206)
          .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
          .header('content-length', String(range.end - range.start + 1));
      } else {
        void reply.header('content-length', String(size));
      }
      return reply.send(concatenateChunks(s.blobs, chunks, range));
    },
  );
};
