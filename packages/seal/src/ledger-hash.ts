import canonicalize from 'canonicalize';
import { sm3 } from 'sm-crypto-v2';

/**
 * Hashing of the event log (PRODUCT.md C4), shared by the server, the command-line verifier and the browser.
 * Leaves and interior nodes follow RFC 9162 §2.1.1 with SM3 in place of SHA-256, so a Merkle tree (inclusion and
 * consistency proofs) can be built over the same leaf hashes later; the chain hash links each entry to all before it.
 */

/** The chain hash "before" the first event. */
export const GENESIS_CHAIN_HASH = '0'.repeat(64);

const encoder = new TextEncoder();

function hexToBytes(hex: string): Uint8Array {
  if (!/^[0-9a-f]*$/.test(hex) || hex.length % 2 !== 0) throw new Error(`not a lower-case hex string: ${hex}`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** RFC 8785 (JSON Canonicalization Scheme) bytes of a JSON value: the same value always hashes the same. */
export function canonicalBytes(value: unknown): Uint8Array {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value cannot be canonicalised');
  return encoder.encode(text);
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
  return sm3(concat(new Uint8Array([1]), hexToBytes(leftHex), hexToBytes(rightHex)));
}

/** chain_n = SM3(chain_{n-1} ‖ leaf_n) */
export function chainHash(previousChainHex: string, leafHex: string): string {
  return sm3(concat(hexToBytes(previousChainHex), hexToBytes(leafHex)));
}
