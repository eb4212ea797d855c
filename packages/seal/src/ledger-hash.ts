import canonicalize from 'canonicalize';
import { sm3 } from 'sm-crypto-v2';
import { concatBytes as concat, fromHex, utf8 } from './bytes';

/**
 * Hashing of the event log (PRODUCT.md C4), shared by the server, the command-line verifier and the browser.
 * Leaves and interior nodes follow RFC 9162 §2.1.1 with SM3 in place of SHA-256, so a Merkle tree (inclusion and
 * consistency proofs) can be built over the same leaf hashes later; the chain hash links each entry to all before it.
 */

/** The chain hash "before" the first event. */
export const GENESIS_CHAIN_HASH = '0'.repeat(64);

/** RFC 8785 (JSON Canonicalization Scheme) bytes of a JSON value: the same value always hashes the same. */
export function canonicalBytes(value: unknown): Uint8Array {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value cannot be canonicalised');
  return utf8(text);
}

export function sm3Hex(bytes: Uint8Array): string {
  return sm3(bytes);
}

/** MTH({d}) = SM3(0x00 ‖ d) */
export function leafHash(entry: unknown): string {
  return sm3(concat(new Uint8Array([0]), canonicalBytes(entry)));
}

/** MTH(D[n]) interior node = SM3(0x01 ‖ left ‖ right) (used by Merkle proofs). */
export function nodeHash(leftHex: string, rightHex: string): string {
  return sm3(concat(new Uint8Array([1]), fromHex(leftHex), fromHex(rightHex)));
}

/** chain_n = SM3(chain_{n-1} ‖ leaf_n) */
export function chainHash(previousChainHex: string, leafHex: string): string {
  return sm3(concat(fromHex(previousChainHex), fromHex(leafHex)));
}
