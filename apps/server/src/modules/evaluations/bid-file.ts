import { AppError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import type { StoredFile } from '../documents/send-file';
import { bidUnderReview, SEES_EVALUATION } from './context';
import { findEvaluation } from './repo';
import { evaluationSubject } from './start';

/**
 * One file of an opened bid, for those who evaluate it: the host, the committee's members and oversight, once the
 * evaluation has started (before that, and for anyone else — bidders included — it does not exist: 404). Each
 * download is an event (`evaluation.bid_file_read`, to oversight): who read which bid's file, and when.
 *
 * The bytes are the plaintext the opening verified against the bid's signed package and put in the blob store. They
 * are the bidder's, so they go out as an attachment of unknown type (`application/octet-stream`, never rendered in
 * the platform's origin); the SHA-256 header lets the reader check the copy.
 */
export async function openedBidFile(
  s: Services,
  viewer: UserViewer,
  lotId: string,
  submissionId: string,
  index: number,
): Promise<StoredFile> {
  const { ctx, bid, bidderName } = await bidUnderReview(s.db, viewer, lotId, submissionId, SEES_EVALUATION);
  const file = bid.state === 'decrypted' ? bid.files?.[index] : undefined;
  if (!file || !(await findEvaluation(s.db, lotId))) throw new AppError('NOT_FOUND');
  const as = ctx.role;
  if (as === 'bidder') throw new AppError('NOT_FOUND'); // not in SEES_EVALUATION: narrows the type only
  await s.db.transaction((tx) =>
    appendEvent(tx, s.clock, {
      type: 'evaluation.bid_file_read',
      payload: {
        projectId: ctx.project.id,
        lotId,
        submissionId,
        bidderName,
        index,
        fileName: file.name,
        sha256: file.blobKey,
        as,
      },
      actor: actorOf(viewer),
      subject: evaluationSubject(lotId),
      audience: { kind: 'oversight' },
    }),
  );
  return {
    fileName: file.name,
    contentType: 'application/octet-stream',
    sizeBytes: file.size,
    sha256: file.blobKey,
    blobKey: file.blobKey,
  };
}
