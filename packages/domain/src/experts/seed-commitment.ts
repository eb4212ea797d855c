import type { Bilingual } from '../bilingual';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Commit–reveal for the draw's seed (C11). The server makes the seed (32 bytes from a CSPRNG: not this package's
 * job), publishes `commitSeed(seed)` before the draw, and reveals the seed afterwards; anyone then checks
 * `verifySeed`. The commitment is SHA-256 over a domain tag, a zero byte and the seed's 32 bytes.
 */
export const SEED_COMMITMENT_TAG = 'ZC-EXPERT-DRAW-SEED-1';

/** A seed is 32 bytes written as 64 lower-case hex digits: one textual form, so one published value. */
const SEED = /^[0-9a-f]{64}$/;
/** A SHA-256 value as published: 64 lower-case hex digits. */
const HASH = SEED;

export type SeedCheck = { ok: true } | { ok: false; code: 'SEED_MALFORMED'; message: Bilingual };

export function checkSeed(seed: string): SeedCheck {
  if (SEED.test(seed)) return { ok: true };
  return {
    ok: false,
    code: 'SEED_MALFORMED',
    message: {
      zh: '随机种子须为32字节，写作64位小写十六进制数字',
      en: 'The seed must be 32 bytes written as 64 lower-case hex digits',
    },
  };
}

export function isSha256Hex(value: string): boolean {
  return HASH.test(value);
}

/** The 32 bytes of a seed or SHA-256 value; throws a RangeError for anything else. */
export function bytesOfHex32(value: string, what: string): Uint8Array {
  if (!SEED.test(value)) throw new RangeError(`${what} must be 64 lower-case hex digits`);
  return hexToBytes(value);
}

/** The commitment published before the draw: lower-case hex SHA-256("ZC-EXPERT-DRAW-SEED-1" ‖ 0x00 ‖ seed). */
export function commitSeed(seed: string): string {
  const tag = utf8ToBytes(SEED_COMMITMENT_TAG);
  return bytesToHex(sha256(concatBytes(tag, new Uint8Array([0]), bytesOfHex32(seed, 'the seed'))));
}

/** True when the revealed seed is well formed and is the one committed to. */
export function verifySeed(seed: string, commitment: string): boolean {
  return checkSeed(seed).ok && commitSeed(seed) === commitment;
}
