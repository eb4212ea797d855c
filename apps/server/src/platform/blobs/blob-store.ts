import type { Readable } from 'node:stream';

/**
 * Content-addressed storage for files (procurement documents, sealed bids, recordings, archives). A blob's name is
 * the SHA-256 of its bytes, so a stored blob cannot change without changing its name, and storing the same bytes
 * twice keeps one copy.
 *
 * Drivers: `LocalBlobStore` (a directory; the default) is implemented here. An S3-compatible driver implements the
 * same interface over an object store (bucket + prefix; `put` = multipart upload to a temporary key, then a copy to
 * `sha256/<hash>` after the digest is known; `get` = GetObject stream; `has`/`stat` = HeadObject); see
 * docs/adr/0005-blob-store.md. Nothing outside this folder may depend on which driver is in use.
 */
export interface BlobInfo {
  /** Lower-case hex SHA-256 of the content. */
  hash: string;
  size: number;
}

export interface BlobStore {
  /** Stores the bytes and returns their hash; an interrupted put leaves nothing behind. */
  put(content: Uint8Array | AsyncIterable<Uint8Array>): Promise<BlobInfo>;
  /** A stream of the content, or null when there is no such blob. */
  get(hash: string): Promise<Readable | null>;
  stat(hash: string): Promise<BlobInfo | null>;
  has(hash: string): Promise<boolean>;
}

export function isBlobHash(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value);
}
