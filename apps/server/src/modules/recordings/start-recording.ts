import { openingRecordings } from '../../db/schema';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { assertHostsLot } from './policy';
import type { RecordingRow } from './repo';

/** The subject of an opening's events (ADR 0016): the hall and its recordings share it. */
export const openingSubject = (lotId: string) => ({ type: 'opening', id: lotId });

/**
 * The host starts recording a lot's opening from its browser. Several recordings of one lot may exist (a browser that
 * crashed starts a new one); each is complete in itself from chunk 0.
 */
export async function startRecording(
  s: Services,
  viewer: UserViewer,
  input: { lotId: string; mimeType: string },
): Promise<RecordingRow> {
  const { project, lot } = await assertHostsLot(s.db, viewer, input.lotId);
  const organisationId = viewer.organisationId;
  if (!organisationId) throw new Error('checked by isOpeningHost');
  return s.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(openingRecordings)
      .values({
        projectId: project.id,
        lotId: lot.id,
        startedByUserId: viewer.userId,
        organisationId,
        mimeType: input.mimeType,
        state: 'recording',
        startedAt: s.clock.now(),
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await appendEvent(tx, s.clock, {
      type: 'opening.recording_started',
      payload: { recordingId: row.id, projectId: project.id, lotId: lot.id, mimeType: row.mimeType },
      actor: actorOf(viewer),
      subject: openingSubject(lot.id),
      audience: { kind: 'oversight' },
    });
    return row;
  });
}
