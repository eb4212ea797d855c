import type { HashFunction } from './file-hash';
import type { AeadKey } from './suite';

/**
 * Faster implementations of a suite's primitives that compute the same bytes — the server passes node:crypto's
 * (OpenSSL) SM3/SHA-256 and an SM4-GCM built on OpenSSL's SM4-CTR, tested equal to this package's. The browser
 * passes nothing and gets the suite's own. Used by the stream and bid-package readers, where a 20 MB bid is hashed
 * twice and decrypted once at the opening.
 */
export interface NativePrimitives {
  /** The suite's hash (SM3 for gm, SHA-256 for intl). */
  hash?: HashFunction;
  /** The suite's AEAD (SM4-GCM for gm, AES-256-GCM for intl) for one key. */
  importAeadKey?: (key: Uint8Array) => Promise<AeadKey>;
}
