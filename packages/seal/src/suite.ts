import { SealError } from './errors';
import { gmSuite } from './gm-suite';
import { intlSuite } from './intl-suite';

/**
 * The two algorithm suites of PRODUCT.md C2, chosen by platform configuration:
 *
 * | suite  | signature                                   | key wrapping                        | hash    | cipher       |
 * |--------|---------------------------------------------|-------------------------------------|---------|--------------|
 * | `gm`   | SM2 (GB/T 32918.2) with SM3, default user id | SM2 encryption (GB/T 32918.4), C1C3C2 | SM3     | SM4-GCM      |
 * |        | 1234567812345678 (GB/T 35276)               |                                     |         |              |
 * | `intl` | ECDSA P-256 with SHA-256 (FIPS 186-5)        | ECIES: ECDH P-256 + HKDF + AES-GCM   | SHA-256 | AES-256-GCM  |
 *
 * Key and signature formats (all lower-case hex, identical shapes in both suites):
 * - public key: the uncompressed point 04 ‖ X ‖ Y (65 bytes, 130 hex digits) — SEC 1 §2.3.3, GB/T 32918.1 §4.2.9;
 * - private key: the scalar d, big-endian, 32 bytes (64 hex digits);
 * - signature: r ‖ s, each 32 bytes big-endian (64 bytes, 128 hex digits) — the IEEE P1363 form WebCrypto uses.
 *   X.509 certificates carry the DER form (certificate.ts converts).
 *
 * Key pairs per user: TWO — one for signing, one for key wrapping. This mirrors the dual-certificate system of
 * Chinese PKI (签名证书 + 加密证书, GM/T 0015 / GB/T 20518) and NIST SP 800-57 Part 1 §5.2 ("a key shall be used
 * for only one purpose"): the encryption key can be backed up or escrowed for emergency recovery without ever
 * exposing the key whose signatures are non-repudiable, and for `intl` an ECDSA key must not double as an ECDH key.
 * Both private keys live in the one password-protected key file (key-file.ts), so a bidder who can sign can also
 * unwrap.
 */
export type Suite = 'gm' | 'intl';

export const SUITES: readonly Suite[] = ['gm', 'intl'];

/** 国密 is the default (PRODUCT.md C2). */
export const DEFAULT_SUITE: Suite = 'gm';

export function isSuite(value: unknown): value is Suite {
  return value === 'gm' || value === 'intl';
}

export interface KeyPair {
  /** 04 ‖ X ‖ Y, lower-case hex (130 digits). */
  readonly publicKey: string;
  /** d, lower-case hex (64 digits). */
  readonly privateKey: string;
}

/** A symmetric key prepared for repeated AEAD use (e.g. one per stream rather than one import per chunk). */
export interface AeadKey {
  /** Returns ciphertext ‖ 16-byte tag. `nonce` must be 12 bytes and never repeat under one key. */
  seal(nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Promise<Uint8Array>;
  /** Throws SealError DECRYPTION_FAILED when the tag does not verify; never returns unauthenticated bytes. */
  open(nonce: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Promise<Uint8Array>;
}

export interface CryptoSuite {
  readonly name: Suite;
  readonly hashName: 'SM3' | 'SHA-256';
  readonly cipherName: 'SM4-GCM' | 'AES-256-GCM';
  readonly signatureName: 'SM2-with-SM3' | 'ECDSA-P256-SHA256';
  /** Content (data-encryption) key length in bytes: 16 for SM4, 32 for AES-256. */
  readonly contentKeyLength: number;

  generateSigningKeyPair(): Promise<KeyPair>;
  generateEncryptionKeyPair(): Promise<KeyPair>;
  /** The public key of a private key (used to check that a key file's halves belong together). */
  publicKeyOf(privateKey: string): string;
  /** Throws SealError INVALID_KEY unless `publicKey` is a valid point on the suite's curve in the documented format. */
  assertPublicKey(publicKey: string): void;

  sign(privateKey: string, message: Uint8Array): Promise<string>;
  /** False for a wrong or malformed signature or key; never throws for bad input from the outside. */
  verify(publicKey: string, message: Uint8Array, signature: string): Promise<boolean>;
  hash(bytes: Uint8Array): Promise<Uint8Array>;
  /** HKDF (RFC 5869) over the suite's hash: HKDF-SM3 (as in RFC 8998) or HKDF-SHA-256. */
  hkdf(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Promise<Uint8Array>;

  generateContentKey(): Uint8Array;
  /** Wraps a content key for a recipient's encryption public key; the result is lower-case hex. */
  wrapKey(recipientPublicKey: string, contentKey: Uint8Array): Promise<string>;
  /** Throws SealError KEY_UNWRAP_FAILED for a wrong key or an altered wrapped key. */
  unwrapKey(privateKey: string, wrapped: string): Promise<Uint8Array>;

  importAeadKey(key: Uint8Array): Promise<AeadKey>;
  /** One-shot AEAD with a fresh random 96-bit nonce: returns nonce(12) ‖ ciphertext ‖ tag(16). */
  encrypt(contentKey: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Promise<Uint8Array>;
  decrypt(contentKey: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Promise<Uint8Array>;
}

export function getSuite(name: Suite): CryptoSuite {
  switch (name) {
    case 'gm':
      return gmSuite;
    case 'intl':
      return intlSuite;
    default:
      throw new SealError('INVALID_ARGUMENT', `unknown suite ${String(name)}`);
  }
}
