import { Readable } from 'node:stream';
import type { BlobStore } from '../../platform/blobs/blob-store';
import type { ChunkRow } from './repo';

/** A byte range of the concatenated recording, both ends inclusive. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * The one range of a `Range: bytes=a-b` (or `a-`, or `-n`) header within `size` bytes, or null to serve the whole
 * recording: multiple ranges and unsatisfiable ones are ignored, which RFC 9110 §14.2 allows.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || size === 0) return null;
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return null;
  if (from === '') {
    const suffix = Math.min(Number(to), size);
    return suffix > 0 ? { start: size - suffix, end: size - 1 } : null;
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  return start < size && start <= end ? { start, end } : null;
}

/**
 * The chunks' blobs one after another (a WebM recorded with a MediaRecorder timeslice is playable as the
 * concatenation of its chunks), limited to `range`. Blobs are opened one at a time, as the reader gets there.
 */
export function concatenateChunks(blobs: BlobStore, chunks: readonly ChunkRow[], range: ByteRange | null): Readable {
  async function* bytes() {
    let offset = 0;
    for (const chunk of chunks) {
      const chunkStart = offset;
      const chunkEnd = offset + chunk.size - 1;
      offset += chunk.size;
      if (range && (chunkEnd < range.start || chunkStart > range.end)) continue;
      const stream = await blobs.get(chunk.sha256);
      if (!stream) throw new Error(`recording chunk ${chunk.seq} missing from the blob store`);
      let position = chunkStart;
      for await (const piece of stream as AsyncIterable<Buffer>) {
        const from = range ? Math.max(0, range.start - position) : 0;
        const to = range ? Math.min(piece.length, range.end - position + 1) : piece.length;
        if (from < to) yield piece.subarray(from, to);
        position += piece.length;
        if (range && position > range.end) break;
      }
    }
  }
  return Readable.from(bytes());
}
