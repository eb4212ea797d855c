import { eq } from 'drizzle-orm';
import { openingRecordings } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { lockRecording, type RecordingRow } from './repo';
import { openingSubject } from './start-recording';
import { ownRecording } from './upload-chunk';

/** The host stops its recording. Stopping a stopped recording answers it as it is (a retried request). */
export async function stopRecording(s: Services, viewer: UserViewer, id: string): Promise<RecordingRow> {
  await ownRecording(s.db, viewer, id);
  return s.db.transaction(async (tx) => {
    const row = await lockRecording(tx, id);
    if (!row) throw new AppError('NOT_FOUND');
    if (row.state === 'stopped') return row;
    const [stopped] = await tx
      .update(openingRecordings)
      .set({ state: 'stopped', stoppedAt: s.clock.now() })
      .where(eq(openingRecordings.id, id))
      .returning();
    if (!stopped) throw new Error('update returned nothing');
    await appendEvent(tx, s.clock, {
      type: 'opening.recording_stopped',
      payload: { recordingId: id, lotId: row.lotId, chunkCount: row.chunkCount, totalBytes: row.totalBytes },
      actor: actorOf(viewer),
      subject: openingSubject(row.lotId),
      audience: { kind: 'oversight' },
    });
    return stopped;
  });
}
