import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { bidSubmissions } from '../../db/schema';
import { appendEvent } from '../../platform/events/append-event';
import type { HashingFileStore } from '../../platform/uploads/hashing-file-store';
import type { Services } from '../../services';

/**
 * The job at a submission's expiry: an upload still unfinished (never completed) becomes `expired`, can never be
 * completed, and its staged bytes are removed. A completed, replaced or withdrawn submission is left alone.
 */
export async function expireUpload(s: Services, store: HashingFileStore, tx: Tx, submissionId: string): Promise<void> {
  const [row] = await tx.select().from(bidSubmissions).where(eq(bidSubmissions.id, submissionId)).for('update');
  if (row?.state !== 'uploading') return;
  if (row.expiresAt.getTime() > s.clock.now().getTime()) return;
  await tx.update(bidSubmissions).set({ state: 'expired' }).where(eq(bidSubmissions.id, row.id));
  await appendEvent(tx, s.clock, {
    type: 'bid.upload_expired',
    payload: { submissionId: row.id, projectId: row.projectId, lotId: row.lotId, organisationId: row.organisationId },
    actor: { userId: null, organisationId: null },
    subject: { type: 'bid_submission', id: row.id },
    audience: { kind: 'organisation', organisationId: row.organisationId },
  });
  await removeStaged(store, row.id);
}

export async function removeStaged(store: HashingFileStore, id: string): Promise<void> {
  try {
    await store.remove(id);
  } catch {
    // nothing was uploaded, or it was removed already
  }
}
