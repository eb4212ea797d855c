import { ByteQueue } from './byte-queue';
import { concatBytes, fromUtf8, u32be, utf8 } from './bytes';
import { SealError } from './errors';
import { FILE_HASH_ALGORITHMS, createFileHasher } from './file-hash';
import { canonicalBytes } from './ledger-hash';
import type { Suite } from './suite';
import type { NativePrimitives } from './native-primitives';

/**
 * The bid package (投标文件包): the WHOLE plaintext of one lot bid — the price sheet (开标一览表) and every attached
 * file — serialised into one byte stream, which `sealBidStream` then encrypts into one ciphertext. Streaming-friendly:
 * the writer needs each file's size and digest first (one hashing pass over the files), then emits the bytes without
 * holding any file in memory; the reader checks every file's size and digest as it goes.
 *
 * Format v1 (integers big-endian):
 *
 *   "ZCBP" ‖ 0x01 ‖ u32(manifest length) ‖ manifest (RFC 8785 canonical JSON, UTF-8) ‖ file_0 ‖ file_1 ‖ …
 *
 *   manifest = { type: "zhengcai-bid-package", version: 1, suite, digestAlgorithm ("ZC-SEGHASH-1-SM3" / -SHA256),
 *                priceSheet: { lotId, priceFen, priceInWords, deliveryPeriod, fields },
 *                files: [{ name, size, digest }] }
 *
 * The files follow in manifest order, each exactly `size` bytes; nothing follows the last one. See
 * docs/adr/0013-sealed-bid-submission.md.
 */
export const BID_PACKAGE_TYPE = 'zhengcai-bid-package';
const MAGIC = utf8('ZCBP');
const VERSION = 1;
const PRELUDE_LENGTH = 9;
const MAX_MANIFEST_BYTES = 1 << 20;
const MAX_FILES = 200;

/** The price sheet of one lot: the price in integer fen and in 大写, the delivery period, the documents' fields. */
export interface PriceSheet {
  lotId: string;
  priceFen: number;
  priceInWords: string;
  deliveryPeriod: string;
  fields: Record<string, string>;
}

export interface BidPackageEntry {
  name: string;
  size: number;
  /** ZC-SEGHASH-1 digest of the file's bytes (file-hash.ts), hex. */
  digest: string;
}

export interface BidPackageManifest {
  type: typeof BID_PACKAGE_TYPE;
  version: 1;
  suite: Suite;
  digestAlgorithm: string;
  priceSheet: PriceSheet;
  files: BidPackageEntry[];
}

type Source = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export interface BidPackageFile extends BidPackageEntry {
  /** Reads the file's bytes (called once, while the package is streamed). */
  open(): Source;
}

/** The size and digest of a file (the writer's first pass). */
export async function describeFile(suite: Suite, content: Source): Promise<{ size: number; digest: string }> {
  const hasher = createFileHasher(suite);
  for await (const piece of content) await hasher.update(piece);
  const { hash, length } = await hasher.digest();
  return { size: length, digest: hash };
}

function assertPriceSheet(sheet: PriceSheet): void {
  const ok =
    typeof sheet.lotId === 'string' &&
    sheet.lotId.length > 0 &&
    Number.isSafeInteger(sheet.priceFen) &&
    sheet.priceFen >= 0 &&
    typeof sheet.priceInWords === 'string' &&
    typeof sheet.deliveryPeriod === 'string' &&
    typeof sheet.fields === 'object' &&
    sheet.fields !== null &&
    Object.values(sheet.fields).every((v) => typeof v === 'string');
  if (!ok) throw new SealError('INVALID_ARGUMENT', 'malformed price sheet');
}

function assertEntries(entries: BidPackageEntry[]): void {
  if (entries.length > MAX_FILES) throw new SealError('INVALID_ARGUMENT', `at most ${MAX_FILES} files`);
  const names = new Set<string>();
  for (const e of entries) {
    if (typeof e.name !== 'string' || e.name.length === 0 || e.name.length > 255 || /[/\\\0]/.test(e.name)) {
      throw new SealError('INVALID_ARGUMENT', 'file names must be 1–255 characters without / \\ or NUL');
    }
    if (names.has(e.name)) throw new SealError('INVALID_ARGUMENT', `duplicate file name ${e.name}`);
    names.add(e.name);
    if (!Number.isSafeInteger(e.size) || e.size < 0) throw new SealError('INVALID_ARGUMENT', 'bad file size');
    if (typeof e.digest !== 'string' || !/^[0-9a-f]{64}$/.test(e.digest)) {
      throw new SealError('INVALID_ARGUMENT', 'bad file digest');
    }
  }
}

export function bidPackageManifest(suite: Suite, priceSheet: PriceSheet, files: BidPackageEntry[]): BidPackageManifest {
  assertPriceSheet(priceSheet);
  assertEntries(files);
  return {
    type: BID_PACKAGE_TYPE,
    version: VERSION,
    suite,
    digestAlgorithm: FILE_HASH_ALGORITHMS[suite],
    priceSheet: { ...priceSheet, fields: { ...priceSheet.fields } },
    files: files.map(({ name, size, digest }) => ({ name, size, digest })),
  };
}

/** The package's total length in bytes (known before streaming, e.g. for progress bars). */
export function bidPackageLength(manifest: BidPackageManifest): number {
  return PRELUDE_LENGTH + canonicalBytes(manifest).length + manifest.files.reduce((n, f) => n + f.size, 0);
}

/**
 * Streams the package. Each file is checked against its declared size and digest while it is copied; a file that
 * changed since it was described makes the stream throw (INVALID_ARGUMENT) before the end.
 */
export async function* writeBidPackage(suite: Suite, priceSheet: PriceSheet, files: BidPackageFile[]) {
  const manifestBytes = canonicalBytes(bidPackageManifest(suite, priceSheet, files));
  if (manifestBytes.length > MAX_MANIFEST_BYTES) throw new SealError('INVALID_ARGUMENT', 'manifest too large');
  yield concatBytes(MAGIC, new Uint8Array([VERSION]), u32be(manifestBytes.length), manifestBytes);
  for (const file of files) {
    const hasher = createFileHasher(suite);
    for await (const piece of file.open()) {
      await hasher.update(piece);
      yield piece;
    }
    const { hash, length } = await hasher.digest();
    if (hash !== file.digest || length !== file.size) {
      throw new SealError('INVALID_ARGUMENT', `file ${file.name} changed after it was described`);
    }
  }
}

export type BidPackagePart =
  | { kind: 'manifest'; manifest: BidPackageManifest }
  | { kind: 'data'; file: number; bytes: Uint8Array }
  | { kind: 'end-of-file'; file: number };

function parseManifest(bytes: Uint8Array, suite: Suite): BidPackageManifest {
  let value: unknown;
  try {
    value = JSON.parse(fromUtf8(bytes));
  } catch {
    throw new SealError('CIPHERTEXT_MALFORMED', 'bid package manifest is not JSON');
  }
  const m = value as BidPackageManifest;
  if (
    typeof m !== 'object' ||
    m === null ||
    m.type !== BID_PACKAGE_TYPE ||
    m.version !== VERSION ||
    m.suite !== suite ||
    m.digestAlgorithm !== FILE_HASH_ALGORITHMS[suite] ||
    !Array.isArray(m.files)
  ) {
    throw new SealError('CIPHERTEXT_MALFORMED', 'not a v1 bid package manifest for this suite');
  }
  try {
    assertPriceSheet(m.priceSheet);
    assertEntries(m.files);
  } catch {
    throw new SealError('CIPHERTEXT_MALFORMED', 'bid package manifest is malformed');
  }
  return m;
}

/**
 * Reads a package (e.g. the plaintext coming out of `openBidStream` at the opening): first the manifest, then each
 * file's bytes, then an `end-of-file` part once its size and digest checked. Throws CIPHERTEXT_MALFORMED on any
 * inconsistency (short file, trailing bytes, digest mismatch).
 */
export async function* readBidPackage(
  suite: Suite,
  source: Source,
  native?: NativePrimitives,
): AsyncGenerator<BidPackagePart> {
  const queue = new ByteQueue();
  let manifest: BidPackageManifest | undefined;
  let manifestLength = -1;
  let index = 0;
  let remaining = 0;
  let hasher = createFileHasher(suite, native?.hash);

  async function* drain(): AsyncGenerator<BidPackagePart> {
    if (!manifest) return;
    while (index < manifest.files.length) {
      const entry = manifest.files[index];
      if (!entry) return;
      if (remaining > 0) {
        if (queue.length === 0) return;
        const bytes = queue.take(Math.min(remaining, queue.length));
        remaining -= bytes.length;
        await hasher.update(bytes);
        yield { kind: 'data', file: index, bytes };
      }
      if (remaining > 0) return;
      const { hash, length } = await hasher.digest();
      if (hash !== entry.digest || length !== entry.size) {
        throw new SealError('CIPHERTEXT_MALFORMED', `file ${index} does not match its digest`);
      }
      yield { kind: 'end-of-file', file: index };
      index += 1;
      hasher = createFileHasher(suite, native?.hash);
      remaining = manifest.files[index]?.size ?? 0;
    }
  }

  for await (const piece of source) {
    queue.push(piece);
    if (manifestLength < 0 && queue.length >= PRELUDE_LENGTH) {
      const prelude = queue.take(PRELUDE_LENGTH);
      if (!MAGIC.every((b, i) => prelude[i] === b) || prelude[4] !== VERSION) {
        throw new SealError('CIPHERTEXT_MALFORMED', 'not a v1 bid package');
      }
      manifestLength = new DataView(prelude.buffer, prelude.byteOffset + 5, 4).getUint32(0);
      if (manifestLength > MAX_MANIFEST_BYTES) throw new SealError('CIPHERTEXT_MALFORMED', 'manifest too large');
    }
    if (!manifest && manifestLength >= 0 && queue.length >= manifestLength) {
      manifest = parseManifest(queue.take(manifestLength), suite);
      yield { kind: 'manifest', manifest };
      remaining = manifest.files[0]?.size ?? 0;
    }
    yield* drain();
    if (manifest && index >= manifest.files.length && queue.length > 0) {
      throw new SealError('CIPHERTEXT_MALFORMED', 'bytes after the last file');
    }
  }
  if (!manifest) throw new SealError('CIPHERTEXT_MALFORMED', 'bid package ends before its manifest');
  yield* drain();
  if (index < manifest.files.length) throw new SealError('CIPHERTEXT_MALFORMED', 'bid package ends early');
}

/** Reads a package held in memory: the manifest and each file's bytes. */
export async function parseBidPackage(
  suite: Suite,
  bytes: Uint8Array,
): Promise<{ manifest: BidPackageManifest; files: Uint8Array[] }> {
  let manifest: BidPackageManifest | undefined;
  const parts: Uint8Array[][] = [];
  for await (const part of readBidPackage(suite, [bytes])) {
    if (part.kind === 'manifest') {
      manifest = part.manifest;
      for (let i = 0; i < manifest.files.length; i++) parts.push([]);
    } else if (part.kind === 'data') parts[part.file]?.push(part.bytes);
  }
  if (!manifest) throw new SealError('CIPHERTEXT_MALFORMED', 'no manifest');
  return { manifest, files: parts.map((p) => concatBytes(...p)) };
}
