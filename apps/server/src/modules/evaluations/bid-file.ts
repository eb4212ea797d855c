import type { UserViewer } from '../../platform/policy/actor';
import { AppError } from '../../platform/errors/app-error';
import type { Services } from '../../services';
import type { StoredFile } from '../documents/send-file';
import { evaluationContext, SEES_EVALUATION } from './context';
import { findEvaluation } from './repo';

/**
 * One file of an opened bid, for those who evaluate it: the host, the committee's members and oversight, once the
 * evaluation has started (before that, and for anyone else — bidders included — it does not exist: 404).
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
  const ctx = await evaluationContext(s.db, viewer, lotId, SEES_EVALUATION);
  if (!(await findEvaluation(s.db, lotId))) throw new AppError('NOT_FOUND');
  const bid = ctx.openingBids.find((b) => b.submissionId === submissionId && b.state === 'decrypted');
  const file = bid?.files?.[index];
  if (!file) throw new AppError('NOT_FOUND');
  return {
    fileName: file.name,
    contentType: 'application/octet-stream',
    sizeBytes: file.size,
    sha256: file.blobKey,
    blobKey: file.blobKey,
  };
}
