import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isFen, type InvalidBidReason } from '@zhengcai/domain';
import {
  createFileHasher,
  isSealError,
  openBidStream,
  readBidPackage,
  type PriceSheet,
  type NativePrimitives,
  type SealedBidEnvelope,
} from '@zhengcai/seal';
import type { OpenedFile, StoredEnvelope } from '../../db/schema';
import type { BlobStore } from '../../platform/blobs/blob-store';
import { nativeHash } from '../../platform/crypto/native-hash';

export type Decryption =
  | { kind: 'opened'; priceSheet: PriceSheet; files: OpenedFile[] }
  | { kind: 'invalid'; reason: InvalidBidReason }
  | { kind: 'wrong_key' };

export interface SealedInput {
  lotId: string;
  projectId: string;
  organisationId: string;
  nonce: string;
  envelope: StoredEnvelope;
  /** The ciphertext's blob (SHA-256 name) and its hash as the receipt attests it. */
  blobKey: string;
  receiptCiphertextHash: string;
  signerPublicKey: string;
}

/** A failure of the ciphertext stream itself, told apart from a malformed package inside a good ciphertext. */
class CipherFailure extends Error {
  constructor(
    readonly failure: unknown,
    readonly piecesBefore: number,
  ) {
    super('cipher failure');
  }
}

async function* tagged(source: AsyncIterable<Uint8Array>, count: { pieces: number }): AsyncGenerator<Uint8Array> {
  const it = source[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<Uint8Array>;
    try {
      next = await it.next();
    } catch (error) {
      throw new CipherFailure(error, count.pieces);
    }
    if (next.done) return;
    count.pieces += 1;
    yield next.value;
  }
}

/** Whether the stored ciphertext still has the hash the bidder signed and the receipt attests. */
async function ciphertextIntact(blobs: BlobStore, input: SealedInput): Promise<boolean> {
  const stream = await blobs.get(input.blobKey);
  if (!stream) return false;
  const hasher = createFileHasher(input.envelope.suite, nativeHash(input.envelope.suite));
  for await (const piece of stream as AsyncIterable<Uint8Array>) await hasher.update(piece);
  const { hash, length } = await hasher.digest();
  const statement = input.envelope.statement as { ciphertextLength?: unknown };
  return hash === input.envelope.ciphertextHash && length === statement.ciphertextLength;
}

function closeStream(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

function write(stream: WriteStream, bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => stream.write(bytes, (error) => (error ? reject(error) : resolve())));
}

/**
 * Decrypts a sealed bid with a released content key, streaming: the ciphertext from the blob store through
 * `openBidStream` (statement and signature checked first, the ciphertext hash at the end) and `readBidPackage`
 * (every file's size and digest). Plaintext files go to a private temporary directory and, once everything
 * verified, into the blob store. No database access; the key is only used here and never stored or logged.
 *
 * A wrong key (the first chunk fails to authenticate while the stored ciphertext is intact) is `wrong_key`: nothing
 * happened. A ciphertext that changed, a statement that no longer verifies, or a malformed package is `invalid`.
 */
export async function decryptBid(
  blobs: BlobStore,
  input: SealedInput,
  contentKey: Uint8Array,
  native: NativePrimitives,
): Promise<Decryption> {
  if (input.envelope.ciphertextHash !== input.receiptCiphertextHash) {
    return { kind: 'invalid', reason: 'CIPHERTEXT_HASH_MISMATCH' };
  }
  const ciphertext = await blobs.get(input.blobKey);
  if (!ciphertext) return { kind: 'invalid', reason: 'CIPHERTEXT_MISSING' };
  const dir = await mkdtemp(join(tmpdir(), 'zc-opening-'));
  const count = { pieces: 0 };
  try {
    let plaintext: AsyncIterable<Uint8Array>;
    try {
      plaintext = await openBidStream({
        envelope: input.envelope as unknown as SealedBidEnvelope,
        ciphertext: ciphertext as AsyncIterable<Uint8Array>,
        contentKey,
        signerPublicKey: input.signerPublicKey,
        native,
        expectedContext: {
          projectId: input.projectId,
          lotId: input.lotId,
          bidderId: input.organisationId,
          nonce: input.nonce,
        },
      });
    } catch (error) {
      ciphertext.destroy();
      if (isSealError(error, 'INVALID_ARGUMENT') || isSealError(error, 'INVALID_KEY')) return { kind: 'wrong_key' };
      if (isSealError(error, 'SEALED_BID_INVALID')) {
        return {
          kind: 'invalid',
          reason: error.message.includes('CIPHERTEXT_HASH') ? 'CIPHERTEXT_HASH_MISMATCH' : 'PACKAGE_SIGNATURE_INVALID',
        };
      }
      throw error;
    }
    let priceSheet: PriceSheet | null = null;
    const entries: Array<{ name: string; size: number; digest: string; path: string }> = [];
    let current: WriteStream | null = null;
    try {
      for await (const part of readBidPackage(input.envelope.suite, tagged(plaintext, count), native)) {
        if (part.kind === 'manifest') {
          priceSheet = part.manifest.priceSheet;
          for (const [i, f] of part.manifest.files.entries()) entries.push({ ...f, path: join(dir, String(i)) });
        } else if (part.kind === 'data') {
          const entry = entries[part.file];
          if (!entry) throw new Error('package file index out of range');
          current ??= createWriteStream(entry.path, { flags: 'wx' });
          await write(current, part.bytes);
        } else {
          const entry = entries[part.file];
          if (!entry) throw new Error('package file index out of range');
          if (current) await closeStream(current);
          else await closeStream(createWriteStream(entry.path, { flags: 'wx' }));
          current = null;
        }
      }
    } catch (error) {
      ciphertext.destroy();
      if (current) await closeStream(current).catch(() => undefined);
      if (error instanceof CipherFailure) {
        const first = error.piecesBefore === 0 && isSealError(error.failure, 'DECRYPTION_FAILED');
        if (first && (await ciphertextIntact(blobs, input))) return { kind: 'wrong_key' };
        return { kind: 'invalid', reason: 'CIPHERTEXT_HASH_MISMATCH' };
      }
      if (isSealError(error, 'CIPHERTEXT_MALFORMED')) return { kind: 'invalid', reason: 'PACKAGE_CORRUPT' };
      throw error;
    }
    if (!priceSheet || priceSheet.lotId !== input.lotId || !isFen(priceSheet.priceFen))
      return { kind: 'invalid', reason: 'PACKAGE_CORRUPT' };
    const files: OpenedFile[] = [];
    for (const entry of entries) {
      const blob = await blobs.put(createReadStream(entry.path));
      files.push({ name: entry.name, size: entry.size, digest: entry.digest, blobKey: blob.hash });
    }
    return { kind: 'opened', priceSheet, files };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
