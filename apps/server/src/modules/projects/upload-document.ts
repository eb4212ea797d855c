import type { MultipartFile } from '@fastify/multipart';
import { and, eq, isNull } from 'drizzle-orm';
import { projectDocuments } from '../../db/schema';
import { AppError, fieldError } from '../../platform/errors/app-error';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { MAX_DOCUMENT_BYTES, checkedContent, formatOfName } from './document-content';
import { loadForChange } from './load-draft';
import { runningOrganisationId } from './policy';

const isTooLarge = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === 'FST_REQ_FILE_TOO_LARGE';

/**
 * Attaches a procurement document (采购文件) to a draft. The caller's right is checked before a byte is stored; the
 * bytes go to the content-addressed blob store (SHA-256 recorded), then the row and its event are written in one
 * transaction that re-checks the draft.
 */
export async function uploadDocument(
  s: Services,
  viewer: UserViewer,
  projectId: string,
  readFile: () => Promise<MultipartFile | undefined>,
) {
  // Gate first: nobody stores bytes on a project they cannot change.
  await s.db.transaction((tx) => loadForChange(tx, viewer, projectId, 'upload'));
  let file: MultipartFile | undefined;
  try {
    file = await readFile();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw fieldError('file', '上传内容不是有效的 multipart/form-data', 'The upload is not valid multipart/form-data');
  }
  if (!file) throw fieldError('file', '请选择要上传的文件', 'Choose a file to upload');
  const { name, format } = formatOfName(file.filename);
  let blob;
  try {
    blob = await s.blobs.put(checkedContent(file.file, format, name));
  } catch (error) {
    if (isTooLarge(error)) throw new AppError('PAYLOAD_TOO_LARGE', { limit: MAX_DOCUMENT_BYTES });
    if (error instanceof AppError) throw error;
    throw fieldError('file', '文件上传中断，请重新上传', 'The upload was cut off; upload the file again');
  }
  return recordDocument(s, viewer, projectId, { fileName: name, contentType: format.type, blob });
}

/** Records stored bytes as a document of a draft, with its event, after re-checking the draft in the transaction. */
export async function recordDocument(
  s: Services,
  viewer: UserViewer,
  projectId: string,
  doc: { fileName: string; contentType: string; blob: { hash: string; size: number } },
) {
  const { fileName: name, blob } = doc;
  return s.db.transaction(async (tx) => {
    const project = await loadForChange(tx, viewer, projectId, 'upload');
    const [same] = await tx
      .select({ id: projectDocuments.id })
      .from(projectDocuments)
      .where(
        and(
          eq(projectDocuments.projectId, project.id),
          eq(projectDocuments.fileName, name),
          isNull(projectDocuments.removedAt),
        ),
      );
    if (same) {
      throw fieldError(
        'file',
        `已有同名文件“${name}”，请先移除旧文件或改名`,
        `A document named "${name}" is already attached; remove it or rename the new one`,
      );
    }
    const [row] = await tx
      .insert(projectDocuments)
      .values({
        projectId: project.id,
        fileName: name,
        contentType: doc.contentType,
        sizeBytes: blob.size,
        sha256: blob.hash,
        blobKey: blob.hash,
        uploadedByUserId: viewer.userId,
        uploadedAt: s.clock.now(),
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await appendEvent(tx, s.clock, {
      type: 'project.document_added',
      payload: { projectId: project.id, documentId: row.id, fileName: name, sizeBytes: blob.size, sha256: blob.hash },
      actor: actorOf(viewer),
      subject: { type: 'project', id: project.id },
      audience: { kind: 'organisation', organisationId: runningOrganisationId(project) },
    });
    return row;
  });
}

/** Removes a document from a draft (the record keeps `removedAt`; published documents never go). */
export async function removeDocument(s: Services, viewer: UserViewer, projectId: string, documentId: string) {
  await s.db.transaction(async (tx) => {
    const project = await loadForChange(tx, viewer, projectId, 'upload');
    const [doc] = await tx
      .select()
      .from(projectDocuments)
      .where(
        and(
          eq(projectDocuments.id, documentId),
          eq(projectDocuments.projectId, project.id),
          isNull(projectDocuments.removedAt),
        ),
      )
      .for('update');
    if (!doc) throw new AppError('NOT_FOUND');
    await tx.update(projectDocuments).set({ removedAt: s.clock.now() }).where(eq(projectDocuments.id, doc.id));
    await appendEvent(tx, s.clock, {
      type: 'project.document_removed',
      payload: { projectId: project.id, documentId: doc.id, fileName: doc.fileName },
      actor: actorOf(viewer),
      subject: { type: 'project', id: project.id },
      audience: { kind: 'organisation', organisationId: runningOrganisationId(project) },
    });
  });
}
