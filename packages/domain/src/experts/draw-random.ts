import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { bytesOfHex32 } from './seed-commitment';

/** The domain tag of the draw's random stream; a change to the algorithm gets a new one. */
export const DRAW_STREAM_TAG = 'ZC-EXPERT-DRAW-1';

const TWO_POW_32 = 0x1_0000_0000;

/** A stream of random numbers fixed by the seed and the snapshot (ADR 0018). */
export interface DrawRandom {
  /** The next 32-bit word, big-endian, of the blocks B0, B1, … in order. */
  nextUint32(): number;
  /** A uniform integer in [0, n), 1 ≤ n ≤ 2^32, by rejection: no modulo bias. */
  below(n: number): number;
}

/**
 * Block i = HMAC-SHA-256(key = the seed's 32 bytes, message = "ZC-EXPERT-DRAW-1" ‖ 0x00 ‖ the snapshot hash's 32
 * bytes ‖ i as 4 bytes big-endian), i = 0, 1, 2, …; each block is read as eight 32-bit big-endian words.
 */
export function drawRandom(seed: string, poolSnapshotHash: string): DrawRandom {
  const key = bytesOfHex32(seed, 'the seed');
  const prefix = concatBytes(
    utf8ToBytes(DRAW_STREAM_TAG),
    new Uint8Array([0]),
    bytesOfHex32(poolSnapshotHash, 'the snapshot hash'),
  );
  let counter = 0;
  let block: DataView = new DataView(new ArrayBuffer(0));
  let offset = 0;

  const nextUint32 = (): number => {
    if (offset >= block.byteLength) {
      if (counter >= TWO_POW_32) throw new RangeError('draw random stream exhausted');
      const index = new Uint8Array(4);
      new DataView(index.buffer).setUint32(0, counter, false);
      const bytes = hmac(sha256, key, concatBytes(prefix, index));
      block = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      counter += 1;
      offset = 0;
    }
    const word = block.getUint32(offset, false);
    offset += 4;
    return word;
  };

  return { nextUint32, below: (n) => uniformBelow(n, nextUint32) };
}

/**
 * A uniform integer in [0, n), 1 ≤ n ≤ 2^32, from uniform 32-bit words: limit = 2^32 − (2^32 mod n), the largest
 * multiple of n not above 2^32; a word ≥ limit is rejected and the next one read, else the result is word mod n.
 * Every residue then has exactly limit / n words: no modulo bias.
 */
export function uniformBelow(n: number, nextUint32: () => number): number {
  if (!Number.isSafeInteger(n) || n < 1 || n > TWO_POW_32) throw new RangeError(`cannot draw below ${n}`);
  const limit = TWO_POW_32 - (TWO_POW_32 % n);
  for (;;) {
    const word = nextUint32();
    if (word < limit) return word % n;
  }
}
