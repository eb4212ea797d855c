import { z } from 'zod';
import { RECORDING_STATES } from '../../db/schema';

/** The largest chunk accepted: a 5 s MediaRecorder timeslice of camera video is a few hundred KB to a few MB. */
export const MAX_CHUNK_BYTES = 8 * 1024 * 1024;

/** MediaRecorder's mime type with its parameters, e.g. `video/webm;codecs=vp8,opus`. */
const MIME = /^(video|audio)\/[a-z0-9.+-]+(;\s*[a-z]+=("[\w.,+ -]*"|[\w.,+-]*))*$/i;

export const startBody = z.object({
  lotId: z.string().uuid(),
  mimeType: z
    .string()
    .max(100)
    .refine((v) => MIME.test(v), {
      params: { zh: '须为音视频类型，如 video/webm;codecs=vp8,opus', en: 'Must be a media type such as video/webm' },
    }),
});

export const lotQuery = z.object({ lotId: z.string().uuid() });

export const chunkParams = z.object({
  id: z.string().uuid(),
  seq: z.coerce.number().int().min(0).max(100_000),
});

export const recordingView = z
  .object({
    id: z.string().uuid(),
    projectId: z.string().uuid(),
    lotId: z.string().uuid(),
    /** The subject of the recording's events: `opening:<lotId>`. */
    subject: z.string(),
    mimeType: z.string(),
    state: z.enum(RECORDING_STATES),
    hostName: z.string(),
    chunkCount: z.number().int(),
    totalBytes: z.number().int(),
    startedAt: z.string(),
    stoppedAt: z.string().nullable(),
    /** Where the concatenated recording is served (oversight only). */
    mediaUrl: z.string(),
  })
  .meta({ id: 'Recording' });

export const chunkView = z.object({
  seq: z.number().int(),
  sha256: z.string(),
  size: z.number().int(),
  /** The ledger event that holds the hash. */
  eventSeq: z.number().int(),
  receivedAt: z.string(),
});

export const uploadedView = z.object({
  chunk: chunkView,
  /** Contiguous chunks received so far (the next to send is `chunkCount`). */
  chunkCount: z.number().int(),
  totalBytes: z.number().int(),
});

export const recordingDetailView = recordingView.extend({ chunks: z.array(chunkView) });
