import { bigint, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from './identity';
import { lots, projects } from './projects';

export const RECORDING_STATES = ['recording', 'stopped'] as const;
export type RecordingState = (typeof RECORDING_STATES)[number];

/**
 * A recording of a lot's opening (开标过程录像, issue 4 point 8): the host's browser records the hall (camera and
 * microphone, or the screen) with MediaRecorder and uploads it chunk by chunk. The bytes are blobs; each chunk's
 * SHA-256 is also in the event log (`opening.recording_chunk`, oversight audience), so a copy of the recording can be
 * checked against the ledger. `chunkCount`/`totalBytes` are the contiguous chunks 0…chunkCount−1 received so far.
 */
export const openingRecordings = pgTable(
  'opening_recordings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => lots.id),
    /** The host who records (only this user may upload to it or stop it). */
    startedByUserId: uuid('started_by_user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** MediaRecorder's mimeType, e.g. `video/webm;codecs=vp8,opus`; served as the content type on playback. */
    mimeType: text('mime_type').notNull(),
    state: text('state', { enum: RECORDING_STATES }).notNull(),
    chunkCount: integer('chunk_count').notNull().default(0),
    totalBytes: bigint('total_bytes', { mode: 'number' }).notNull().default(0),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
    stoppedAt: timestamp('stopped_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('opening_recordings_lot').on(t.lotId, t.startedAt)],
);

/** One uploaded chunk (a MediaRecorder timeslice): `seq` from 0, its bytes in the blob store under `sha256`. */
export const openingRecordingChunks = pgTable(
  'opening_recording_chunks',
  {
    recordingId: uuid('recording_id')
      .notNull()
      .references(() => openingRecordings.id),
    seq: integer('seq').notNull(),
    /** Lower-case hex SHA-256 of the chunk = its blob key. */
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    /** The `opening.recording_chunk` event that recorded the hash. */
    eventSeq: bigint('event_seq', { mode: 'number' }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.recordingId, t.seq] })],
);
