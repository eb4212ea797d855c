import { concatBytes, toHex, u64be } from './bytes';
import { getSuite, type Suite } from './suite';

/**
 * ZC-SEGHASH-1: the hash of a (possibly very large) byte string, computable incrementally with bounded memory in the
 * browser and resumable on the server. sm-crypto-v2 exposes SM3 only as a one-shot function and WebCrypto's digest
 * is one-shot too, so hashing a 200 MB sealed bid in one call would need the whole file in memory. Instead:
 *
 *   segment_j = bytes [j·2^20, (j+1)·2^20) of the input (the last one may be shorter; empty input has none)
 *   leaf_j    = H(0x00 ‖ segment_j)
 *   digest    = H(0x01 ‖ u64be(total length) ‖ leaf_0 ‖ … ‖ leaf_{m−1})
 *
 * with H = SM3 (gm) or SHA-256 (intl). It is a two-level hash list with RFC 9162-style domain separation of leaves
 * and the root, plus the length; collision resistance reduces to H's. The value depends only on the bytes, not on
 * how they were split in transit, and a server receiving a resumable upload can persist the leaves so far and
 * continue after a restart. It is NOT equal to `sm3sum`/`sha256sum` of the file: verifiers use this module.
 */
export const SEGMENT_SIZE = 1 << 20;
export const FILE_HASH_ALGORITHMS = { gm: 'ZC-SEGHASH-1-SM3', intl: 'ZC-SEGHASH-1-SHA256' } as const;

export interface FileHasher {
  update(bytes: Uint8Array): Promise<void>;
  /** The digest as lower-case hex, and the number of bytes hashed. The hasher cannot be used afterwards. */
  digest(): Promise<{ hash: string; length: number }>;
}

/** A one-shot hash function: the suite's own (SM3 or SHA-256), or a faster native one giving the same bytes. */
export type HashFunction = (bytes: Uint8Array) => Uint8Array | Promise<Uint8Array>;

/**
 * A ZC-SEGHASH-1 hasher. `hash` may replace the suite's hash with an identical native one (the server passes
 * node:crypto's `sm3`/`sha256`, about 2.5× faster than SM3 in JavaScript); it must compute the suite's hash.
 */
export function createFileHasher(suiteName: Suite, hash?: HashFunction): FileHasher {
  const suite = getSuite(suiteName);
  const digestOf: HashFunction = hash ?? ((bytes) => suite.hash(bytes));
  const leaves: Uint8Array[] = [];
  const segment = new Uint8Array(1 + SEGMENT_SIZE);
  segment[0] = 0x00;
  let filled = 0;
  let total = 0;
  let finished = false;

  const flush = async (): Promise<void> => {
    leaves.push(await digestOf(segment.subarray(0, 1 + filled)));
    filled = 0;
  };

  return {
    async update(bytes) {
      if (finished) throw new Error('hasher already finished');
      let offset = 0;
      while (offset < bytes.length) {
        const count = Math.min(SEGMENT_SIZE - filled, bytes.length - offset);
        segment.set(bytes.subarray(offset, offset + count), 1 + filled);
        filled += count;
        offset += count;
        if (filled === SEGMENT_SIZE) await flush();
      }
      total += bytes.length;
    },
    async digest() {
      if (finished) throw new Error('hasher already finished');
      finished = true;
      if (filled > 0) await flush();
      const root = await digestOf(concatBytes(new Uint8Array([0x01]), u64be(total), ...leaves));
      return { hash: toHex(root), length: total };
    },
  };
}

/** ZC-SEGHASH-1 of bytes already in memory. */
export async function fileHash(suite: Suite, bytes: Uint8Array): Promise<string> {
  const hasher = createFileHasher(suite);
  await hasher.update(bytes);
  return (await hasher.digest()).hash;
}
