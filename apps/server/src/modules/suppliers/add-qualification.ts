import { QUALIFICATION_FILE_MAX_BYTES, QUALIFICATION_FILE_TYPES } from '@zhengcai/domain';
import type { FastifyRequest } from 'fastify';
import { supplierQualifications } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { validationError } from '../../platform/errors/validation';
import { appendEvent } from '../../platform/events/append-event';
import { actorOf, type UserViewer } from '../../platform/policy/actor';
import type { Services } from '../../services';
import { findOrganisation } from '../registry/repo';
import { supplierFileAbilities } from './policy';
import { qualificationFields, type QualificationFields } from './schemas';

type FileType = (typeof QUALIFICATION_FILE_TYPES)[number];

/** The first bytes of each accepted type: the declared type must match the content. */
const MAGIC: Record<FileType, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46], // %PDF
  'image/png': [0x89, 0x50, 0x4e, 0x47],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

const isAllowedType = (t: string): t is FileType => (QUALIFICATION_FILE_TYPES as readonly string[]).includes(t);

interface StoredFile {
  hash: string;
  size: number;
  name: string;
  type: FileType;
}

/**
 * Reads a multipart upload: the text fields first, then one file named `file`. The fields are validated before a
 * byte of the file is stored, the type is checked against the content's first bytes, and the size is limited while
 * streaming into the blob store (an interrupted or oversized upload leaves nothing under a name).
 */
export async function readQualificationUpload(
  s: Services,
  request: FastifyRequest,
): Promise<{ fields: QualificationFields; file: StoredFile }> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const raw: Record<string, string> = {};
  let fields: QualificationFields | null = null;
  let file: StoredFile | null = null;
  const parts = request.parts({ limits: { fileSize: QUALIFICATION_FILE_MAX_BYTES, files: 1, fields: 10 } });
  try {
    await readParts();
  } catch (error) {
    if (error instanceof AppError) throw error;
    // busboy and @fastify/multipart errors: a malformed body, too many parts or fields.
    if (error instanceof Error && 'statusCode' in error && error.statusCode === 413) {
      throw new AppError('FILE_TOO_LARGE', { limit: QUALIFICATION_FILE_MAX_BYTES });
    }
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (error instanceof Error && (code === '' || code.startsWith('FST_'))) throw new AppError('BAD_MULTIPART');
    throw error;
  }
  async function readParts() {
    for await (const part of parts) {
      if (part.type === 'field') {
        if (typeof part.value === 'string' && part.value !== '') raw[part.fieldname] = part.value;
        continue;
      }
      if (part.fieldname !== 'file' || file) {
        part.file.resume();
        continue;
      }
      const parsed = qualificationFields.safeParse(raw);
      if (!parsed.success) {
        part.file.resume();
        throw validationError(parsed.error, 'body');
      }
      fields = parsed.data;
      const type = part.mimetype;
      if (!isAllowedType(type)) {
        part.file.resume();
        throw new AppError('FILE_TYPE_NOT_ALLOWED', { type });
      }
      const magic = MAGIC[type];
      const stream = part.file;
      let head: number[] = [];
      async function* checked() {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          if (head.length < magic.length) {
            head = [...head, ...chunk.subarray(0, magic.length - head.length)];
            if (head.length >= magic.length && magic.some((b, i) => head[i] !== b)) {
              throw new AppError('FILE_TYPE_NOT_ALLOWED', { type });
            }
          }
          yield chunk;
        }
        if (stream.truncated) throw new AppError('FILE_TOO_LARGE', { limit: QUALIFICATION_FILE_MAX_BYTES });
      }
      try {
        const stored = await s.blobs.put(checked());
        if (stored.size < magic.length) throw new AppError('FILE_TYPE_NOT_ALLOWED', { type });
        file = { ...stored, name: part.filename.slice(0, 200) || 'scan', type };
      } catch (error) {
        if (error instanceof AppError) throw error;
        if (error instanceof Error && 'code' in error && error.code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError('FILE_TOO_LARGE', { limit: QUALIFICATION_FILE_MAX_BYTES });
        }
        throw error;
      }
    }
  }
  if (!file || !fields) {
    const parsed = qualificationFields.safeParse(raw);
    if (!parsed.success) throw validationError(parsed.error, 'body');
    throw new AppError('FILE_MISSING');
  }
  return { fields, file };
}

/** A supplier adds a qualification document with its stored scan. */
export async function addQualification(
  s: Services,
  viewer: UserViewer,
  input: { fields: QualificationFields; file: StoredFile },
) {
  return s.db.transaction(async (tx) => {
    const org = viewer.organisationId ? await findOrganisation(tx, viewer.organisationId, true) : undefined;
    if (!org) throw new AppError('NOT_FOUND');
    const can = supplierFileAbilities(viewer, org);
    if (!can.view) throw new AppError('NOT_FOUND');
    if (!can.edit) throw new AppError('INVALID_STATE', { state: org.status });
    const { fields, file } = input;
    const [row] = await tx
      .insert(supplierQualifications)
      .values({
        organisationId: org.id,
        kind: fields.kind,
        title: fields.title,
        number: fields.number,
        issuer: fields.issuer,
        validFrom: fields.validFrom ?? null,
        validUntil: fields.validUntil ?? null,
        fileHash: file.hash,
        fileName: file.name,
        fileType: file.type,
        fileSize: file.size,
        addedAt: s.clock.now(),
        addedBy: viewer.userId,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await appendEvent(tx, s.clock, {
      type: 'supplier.qualification_added',
      payload: {
        organisationId: org.id,
        qualificationId: row.id,
        kind: row.kind,
        title: row.title,
        number: row.number,
        issuer: row.issuer,
        validFrom: row.validFrom,
        validUntil: row.validUntil,
        fileHash: row.fileHash,
        fileSize: row.fileSize,
      },
      actor: actorOf(viewer),
      subject: { type: 'organisation', id: org.id },
      audience: { kind: 'organisation', organisationId: org.id },
    });
    return row;
  });
}
