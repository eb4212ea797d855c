import { NONCE_LENGTH, TAG_LENGTH } from './aead';
import { ByteQueue } from './byte-queue';
import { concatBytes, randomBytes, u32be, utf8 } from './bytes';
import { SealError } from './errors';
import { createFileHasher } from './file-hash';
import type { NativePrimitives } from './native-primitives';
import { getSuite, type AeadKey, type Suite } from './suite';

/**
 * Chunked authenticated encryption for large bid files: the nonce-based STREAM construction of Hoang, Reyhanitabar,
 * Rogaway and Vizár ("Online Authenticated-Encryption and its Nonce-Reuse Misuse-Resistance", CRYPTO 2015), laid
 * out as in Tink's AES-GCM-HKDF streaming AEAD, over the suite's AEAD (SM4-GCM or AES-256-GCM).
 *
 * Format v1 (all integers big-endian):
 *
 *   header (31 bytes) = "ZCST" ‖ version 0x01 ‖ suite (0x01 gm, 0x02 intl) ‖ log2(chunk size) ‖ 0x00
 *                       ‖ salt (16 random bytes) ‖ nonce prefix (7 random bytes)
 *   chunk i           = AEAD(K_s, nonce_i, P_i, aad_i)  — ciphertext ‖ 16-byte tag
 *
 *   K_s     = HKDF_H(IKM = content key, salt = header salt, info = "zhengcai/seal/v1 stream key" ‖ header[0..8),
 *             L = key length)                      — a fresh stream key per file, even if a content key is reused
 *   nonce_i = nonce prefix ‖ u32(i) ‖ final_i       — final_i = 0x01 for the last chunk, else 0x00 (STREAM)
 *   aad_i   = header ‖ u32(i) ‖ final_i ‖ associated data
 *
 * Every chunk but the last carries exactly `chunkSize` plaintext bytes; the last carries 0…chunkSize bytes (an
 * empty file is one empty final chunk). Because the index and the final flag enter both the nonce and the AAD, a
 * reordered, dropped, duplicated or altered chunk fails its tag, a stream cut at a chunk boundary fails because the
 * new last chunk was not sealed as final, and appended bytes fail because the old last chunk was. The caller's
 * associated data (for bids: the canonical bid context) binds the ciphertext to where it belongs.
 *
 * Decryption yields each chunk's plaintext only after its tag verified, but a stream is authentic only as a whole:
 * a consumer must treat the output as provisional until the iteration ends without an error.
 */
export const STREAM_HEADER_LENGTH = 31;
export const DEFAULT_CHUNK_SIZE = 1 << 20;
const MIN_CHUNK_LOG2 = 12;
const MAX_CHUNK_LOG2 = 24;
const MAGIC = utf8('ZCST');
const VERSION = 1;
const SUITE_IDS: Record<Suite, number> = { gm: 0x01, intl: 0x02 };
const STREAM_KEY_INFO = utf8('zhengcai/seal/v1 stream key');
const MAX_CHUNKS = 0xffffffff;

export interface StreamOptions {
  suite: Suite;
  /** 16 bytes (gm, SM4) or 32 bytes (intl, AES-256). */
  contentKey: Uint8Array;
  /** Bound into every chunk; decryption must supply the same bytes. */
  associatedData?: Uint8Array;
  /** Faster implementations giving the same bytes (the server passes node:crypto's); the suite's own by default. */
  native?: NativePrimitives;
}

export interface EncryptStreamOptions extends StreamOptions {
  /** Plaintext bytes per chunk: a power of two from 4 KiB to 16 MiB; 1 MiB by default. */
  chunkSize?: number;
}

export interface StreamSummary {
  /** ZC-SEGHASH-1 (file-hash.ts) of the whole ciphertext, header included. */
  ciphertextHash: string;
  ciphertextLength: number;
  plaintextLength: number;
  chunkCount: number;
}

/** A single-use async iterable of output pieces; `summary()` is available once the iteration has finished. */
export interface CipherStream extends AsyncIterable<Uint8Array> {
  summary(): StreamSummary;
}

type Source = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

interface Header {
  bytes: Uint8Array;
  chunkSize: number;
  salt: Uint8Array;
  prefix: Uint8Array;
}

function chunkLog2(chunkSize: number): number {
  const log2 = Math.log2(chunkSize);
  if (!Number.isInteger(log2) || log2 < MIN_CHUNK_LOG2 || log2 > MAX_CHUNK_LOG2) {
    throw new SealError('INVALID_ARGUMENT', 'chunk size must be a power of two from 4 KiB to 16 MiB');
  }
  return log2;
}

function buildHeader(suite: Suite, chunkSize: number): Header {
  const salt = randomBytes(16);
  const prefix = randomBytes(7);
  const bytes = concatBytes(MAGIC, new Uint8Array([VERSION, SUITE_IDS[suite], chunkLog2(chunkSize), 0]), salt, prefix);
  return { bytes, chunkSize, salt, prefix };
}

function parseHeader(bytes: Uint8Array, suite: Suite): Header {
  const magicOk = MAGIC.every((b, i) => bytes[i] === b);
  if (!magicOk || bytes[4] !== VERSION || bytes[7] !== 0) {
    throw new SealError('CIPHERTEXT_MALFORMED', 'not a v1 sealed stream');
  }
  if (bytes[5] !== SUITE_IDS[suite]) throw new SealError('SUITE_MISMATCH', `stream was not sealed with suite ${suite}`);
  const log2 = bytes[6] ?? 0;
  if (log2 < MIN_CHUNK_LOG2 || log2 > MAX_CHUNK_LOG2) throw new SealError('CIPHERTEXT_MALFORMED', 'bad chunk size');
  return { bytes, chunkSize: 2 ** log2, salt: bytes.subarray(8, 24), prefix: bytes.subarray(24, 31) };
}

function assertKey(options: StreamOptions): void {
  const expected = getSuite(options.suite).contentKeyLength;
  if (options.contentKey.length !== expected) {
    throw new SealError('INVALID_KEY', `content key must be ${expected} bytes for suite ${options.suite}`);
  }
}

async function streamKey(options: StreamOptions, header: Header): Promise<AeadKey> {
  const suite = getSuite(options.suite);
  const info = concatBytes(STREAM_KEY_INFO, header.bytes.subarray(0, 8));
  const key = await suite.hkdf(options.contentKey, header.salt, info, suite.contentKeyLength);
  return (options.native?.importAeadKey ?? ((k: Uint8Array) => suite.importAeadKey(k)))(key);
}

function chunkNonceAndAad(
  header: Header,
  index: number,
  final: boolean,
  associatedData: Uint8Array,
): [Uint8Array, Uint8Array] {
  if (index > MAX_CHUNKS) throw new SealError('INVALID_ARGUMENT', 'too many chunks');
  const position = concatBytes(u32be(index), new Uint8Array([final ? 1 : 0]));
  const nonce = concatBytes(header.prefix, position);
  if (nonce.length !== NONCE_LENGTH) throw new Error('nonce layout');
  return [nonce, concatBytes(header.bytes, position, associatedData)];
}

function singleUse(run: () => AsyncGenerator<Uint8Array>, result: () => StreamSummary | undefined): CipherStream {
  let started = false;
  return {
    [Symbol.asyncIterator]() {
      if (started) throw new Error('a cipher stream can be read only once');
      started = true;
      return run();
    },
    summary() {
      const summary = result();
      if (!summary) throw new Error('the stream has not been read to its end');
      return summary;
    },
  };
}

/** Encrypts a plaintext stream chunk by chunk (constant memory: about two chunks), hashing the output as it goes. */
export function encryptStream(options: EncryptStreamOptions, plaintext: Source): CipherStream {
  let summary: StreamSummary | undefined;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  chunkLog2(chunkSize);
  assertKey(options);

  async function* run(): AsyncGenerator<Uint8Array> {
    const associatedData = options.associatedData ?? new Uint8Array(0);
    const header = buildHeader(options.suite, chunkSize);
    const key = await streamKey(options, header);
    const hasher = createFileHasher(options.suite, options.native?.hash);
    let index = 0;
    let plaintextLength = 0;
    let ciphertextLength = 0;
    const emit = async (chunk: Uint8Array, final: boolean): Promise<Uint8Array> => {
      const [nonce, aad] = chunkNonceAndAad(header, index, final, associatedData);
      const sealed = await key.seal(nonce, chunk, aad);
      index += 1;
      await hasher.update(sealed);
      ciphertextLength += sealed.length;
      return sealed;
    };

    await hasher.update(header.bytes);
    ciphertextLength += header.bytes.length;
    yield header.bytes;
    const queue = new ByteQueue();
    for await (const piece of plaintext) {
      queue.push(piece);
      plaintextLength += piece.length;
      // Hold a full chunk back until we know whether more data follows: only then is its final flag known.
      while (queue.length > chunkSize) yield await emit(queue.take(chunkSize), false);
    }
    yield await emit(queue.take(queue.length), true);
    const { hash } = await hasher.digest();
    summary = { ciphertextHash: hash, ciphertextLength, plaintextLength, chunkCount: index };
  }

  return singleUse(run, () => summary);
}

/**
 * Decrypts and authenticates a stream produced by `encryptStream`. Throws SealError CIPHERTEXT_TRUNCATED,
 * CIPHERTEXT_MALFORMED, SUITE_MISMATCH or DECRYPTION_FAILED. The summary's hash is over the ciphertext read.
 */
export function decryptStream(options: StreamOptions, ciphertext: Source): CipherStream {
  let summary: StreamSummary | undefined;
  assertKey(options);

  async function* run(): AsyncGenerator<Uint8Array> {
    const associatedData = options.associatedData ?? new Uint8Array(0);
    const hasher = createFileHasher(options.suite, options.native?.hash);
    const queue = new ByteQueue();
    let header: Header | undefined;
    let key: AeadKey | undefined;
    let sealedChunkSize = 0;
    let index = 0;
    let plaintextLength = 0;
    const open = async (chunk: Uint8Array, final: boolean): Promise<Uint8Array> => {
      if (!header || !key) throw new Error('header not read');
      const [nonce, aad] = chunkNonceAndAad(header, index, final, associatedData);
      const plain = await key.open(nonce, chunk, aad);
      index += 1;
      plaintextLength += plain.length;
      return plain;
    };

    for await (const piece of ciphertext) {
      await hasher.update(piece);
      queue.push(piece);
      if (!header && queue.length >= STREAM_HEADER_LENGTH) {
        header = parseHeader(queue.take(STREAM_HEADER_LENGTH), options.suite);
        key = await streamKey(options, header);
        sealedChunkSize = header.chunkSize + TAG_LENGTH;
      }
      // A full-size sealed chunk followed by at least one more byte cannot be the last one.
      while (header && queue.length > sealedChunkSize) yield await open(queue.take(sealedChunkSize), false);
    }
    if (!header || queue.length < TAG_LENGTH) throw new SealError('CIPHERTEXT_TRUNCATED');
    const last = queue.take(queue.length);
    let plain: Uint8Array;
    try {
      plain = await open(last, true);
    } catch (error) {
      // Tell "cut at a chunk boundary" apart from "altered": the last chunk we have was sealed as a middle chunk.
      if (
        last.length === sealedChunkSize &&
        (await open(last, false).then(
          () => true,
          () => false,
        ))
      ) {
        throw new SealError('CIPHERTEXT_TRUNCATED');
      }
      throw error;
    }
    yield plain;
    const { hash, length } = await hasher.digest();
    summary = { ciphertextHash: hash, ciphertextLength: length, plaintextLength, chunkCount: index };
  }

  return singleUse(run, () => summary);
}

async function collect(stream: CipherStream): Promise<Uint8Array> {
  const pieces: Uint8Array[] = [];
  for await (const piece of stream) pieces.push(piece);
  return concatBytes(...pieces);
}

/** `encryptStream` over bytes in memory. */
export async function encryptBytes(
  options: EncryptStreamOptions,
  plaintext: Uint8Array,
): Promise<{ ciphertext: Uint8Array; summary: StreamSummary }> {
  const stream = encryptStream(options, [plaintext]);
  const ciphertext = await collect(stream);
  return { ciphertext, summary: stream.summary() };
}

/** `decryptStream` over bytes in memory. */
export async function decryptBytes(
  options: StreamOptions,
  ciphertext: Uint8Array,
): Promise<{ plaintext: Uint8Array; summary: StreamSummary }> {
  const stream = decryptStream(options, [ciphertext]);
  const plaintext = await collect(stream);
  return { plaintext, summary: stream.summary() };
}
