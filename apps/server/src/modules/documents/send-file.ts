import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { BlobStore } from '../../platform/blobs/blob-store';

/** A file response in the OpenAPI document. */
export const fileResponse = z.string().describe('the file; its SHA-256 in x-content-sha256');

export interface StoredFile {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  /** Where the bytes are in the blob store (the SHA-256 itself in a content-addressed store). */
  blobKey?: string;
}

/**
 * Streams a file from the blob store with its SHA-256 in `x-content-sha256` (hex) and `repr-digest` (RFC 9530), so
 * the receiver can check its copy. The file name goes in `content-disposition` per RFC 6266/5987 (UTF-8 names).
 */
export async function sendFile(reply: FastifyReply, blobs: BlobStore, file: StoredFile) {
  const stream = await blobs.get(file.blobKey ?? file.sha256);
  if (!stream) throw new Error(`blob ${file.blobKey ?? file.sha256} is missing from the store`);
  const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return reply
    .header('content-type', file.contentType)
    .header('content-length', String(file.sizeBytes))
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header('x-content-sha256', file.sha256)
    .header('repr-digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(stream);
}
