import { and, asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { lots, openingRecordingChunks, openingRecordings, projects, users } from '../../db/schema';

export type ProjectRow = typeof projects.$inferSelect;
export type LotRow = typeof lots.$inferSelect;
export type RecordingRow = typeof openingRecordings.$inferSelect;
export type ChunkRow = typeof openingRecordingChunks.$inferSelect;

export async function findLotWithProject(
  db: Executor,
  lotId: string,
): Promise<{ project: ProjectRow; lot: LotRow } | null> {
  const [row] = await db
    .select({ project: projects, lot: lots })
    .from(lots)
    .innerJoin(projects, eq(projects.id, lots.projectId))
    .where(eq(lots.id, lotId));
  return row ?? null;
}

export async function findRecording(db: Executor, id: string): Promise<RecordingRow | null> {
  const [row] = await db.select().from(openingRecordings).where(eq(openingRecordings.id, id));
  return row ?? null;
}

/** The recording row locked for the rest of the transaction. */
export async function lockRecording(db: Executor, id: string): Promise<RecordingRow | null> {
  const [row] = await db.select().from(openingRecordings).where(eq(openingRecordings.id, id)).for('update');
  return row ?? null;
}

export async function findChunk(db: Executor, recordingId: string, seq: number): Promise<ChunkRow | null> {
  const [row] = await db
    .select()
    .from(openingRecordingChunks)
    .where(and(eq(openingRecordingChunks.recordingId, recordingId), eq(openingRecordingChunks.seq, seq)));
  return row ?? null;
}

/** The chunks of a recording in order. */
export async function listChunks(db: Executor, recordingId: string): Promise<ChunkRow[]> {
  return db
    .select()
    .from(openingRecordingChunks)
    .where(eq(openingRecordingChunks.recordingId, recordingId))
    .orderBy(asc(openingRecordingChunks.seq));
}

/** A lot's recordings, newest first, with the host's display name. */
export async function listLotRecordings(db: Executor, lotId: string) {
  return db
    .select({ recording: openingRecordings, hostName: users.displayName })
    .from(openingRecordings)
    .innerJoin(users, eq(users.id, openingRecordings.startedByUserId))
    .where(eq(openingRecordings.lotId, lotId))
    .orderBy(desc(openingRecordings.startedAt));
}

export async function findRecordingWithHost(db: Executor, id: string) {
  const [row] = await db
    .select({ recording: openingRecordings, hostName: users.displayName })
    .from(openingRecordings)
    .innerJoin(users, eq(users.id, openingRecordings.startedByUserId))
    .where(eq(openingRecordings.id, id));
  return row ?? null;
}
