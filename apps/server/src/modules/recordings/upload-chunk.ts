import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { openingRecordingChunks, openingRecordings } from '../../db/schema';
import { AppError, fieldError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { findChunk, findRecording, lockRecording, type ChunkRow, type RecordingRow } from './repo';
import { openingSubject } from './start-recording';

/** The host's own recording; anyone else's is "not found" (even to colleagues: one browser records). */
export async function ownRecording(db: Executor, viewer: UserViewer, id: string): Promise<RecordingRow> {
  const row = await findRecording(db, id);
  if (!row || row.startedByUserId !== viewer.userId) throw new AppError('NOT_FOUND');
  return row;
}

/**
 * Whether chunk `seq` with this hash may be added: the stored chunk when it is a re-upload of the same bytes (an
 * answer lost on the way: idempotent), null when it is the next one, else the refusal. Chunks come strictly in
 * order, so the recording is always the contiguous chunks 0…chunkCount−1.
 */
async function admit(db: Executor, row: RecordingRow, seq: number, sha256: string): Promise<ChunkRow | null> {
  if (seq < row.chunkCount) {
    const stored = await findChunk(db, row.id, seq);
    if (stored?.sha256 === sha256) return stored;
    throw new AppError('RECORDING_CHUNK_CONFLICT', { seq });
  }
  if (row.state !== 'recording') throw new AppError('RECORDING_STOPPED');
  if (seq !== row.chunkCount) throw new AppError('RECORDING_CHUNK_OUT_OF_ORDER', { seq, expected: row.chunkCount });
  return null;
}

export interface UploadedChunk {
  chunk: ChunkRow;
  recording: RecordingRow;
}

/**
 * Stores chunk `seq` of a recording: the bytes go to the blob store (named by their SHA-256) first, then one
 * transaction re-reads the recording `FOR UPDATE`, re-checks the order, records the chunk and appends
 * `opening.recording_chunk` with its hash. A blob left by a request that then lost the race is harmless: the same
 * bytes always have the same name.
 */
export async function uploadChunk(
  s: Services,
  viewer: UserViewer,
  id: string,
  seq: number,
  bytes: Buffer,
): Promise<UploadedChunk> {
  const before = await ownRecording(s.db, viewer, id);
  if (bytes.length === 0) throw fieldError('body', '录像分段不能为空', 'The chunk is empty');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const stored = await admit(s.db, before, seq, sha256);
  if (stored) return { chunk: stored, recording: before };
  const blob = await s.blobs.put(bytes);
  if (blob.hash !== sha256) throw new Error('blob store hash differs from the chunk hash');
  return s.db.transaction(async (tx) => {
    const row = await lockRecording(tx, id);
    if (!row) throw new AppError('NOT_FOUND');
    const again = await admit(tx, row, seq, sha256);
    if (again) return { chunk: again, recording: row };
    const receivedAt = s.clock.now();
    const { seq: eventSeq } = await appendEvent(tx, s.clock, {
      type: 'opening.recording_chunk',
      payload: { recordingId: row.id, lotId: row.lotId, seq, sha256, size: bytes.length },
      actor: actorOf(viewer),
      subject: openingSubject(row.lotId),
      audience: { kind: 'oversight' },
    });
    const [chunk] = await tx
      .insert(openingRecordingChunks)
      .values({ recordingId: row.id, seq, sha256, size: bytes.length, eventSeq, receivedAt })
      .returning();
    const [recording] = await tx
      .update(openingRecordings)
      .set({ chunkCount: row.chunkCount + 1, totalBytes: row.totalBytes + bytes.length })
      .where(eq(openingRecordings.id, row.id))
      .returning();
    if (!chunk || !recording) throw new Error('write returned nothing');
    return { chunk, recording };
  });
}
