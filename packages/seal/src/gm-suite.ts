import { hkdf, sm2, sm3 } from 'sm-crypto-v2';
import { openRandomNonce, sealRandomNonce } from './aead';
import { fromHex, isHex, randomBytes } from './bytes';
import { SealError } from './errors';
import { SM4_KEY_LENGTH, sm4GcmOpen, sm4GcmSeal } from './sm4-gcm';
import type { AeadKey, CryptoSuite, KeyPair } from './suite';

/**
 * The 国密 suite, composed from sm-crypto-v2 (SM2 on @noble/curves, SM3, SM4). Node's own "SM2" keys are ECDSA on
 * the SM2 curve, not GB/T 32918 SM2, and are deliberately not used (ENGINEERING.md §1).
 */

/** Default distinguishing identifier for Z_A (GB/T 35276-2017 §10 / GM/T 0009): ASCII "1234567812345678". */
export const SM2_DEFAULT_USER_ID = '1234567812345678';

/** Order n of the SM2 recommended curve (GB/T 32918.5-2017 §3). */
const N = BigInt('0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123');

/** SM2 ciphertext mode: 1 = C1 ‖ C3 ‖ C2, the order of GB/T 32918.4-2016 §6.1 (and GB/T 35276). */
const C1C3C2 = 1;
const SM3_LENGTH = 32;
/** Wrapped key = 04 ‖ x1 ‖ y1 (C1, 65 bytes) ‖ C3 (32 bytes) ‖ C2 (16 bytes, the SM4 key). */
const WRAPPED_LENGTH = 65 + SM3_LENGTH + SM4_KEY_LENGTH;

function scalar(hex: string): bigint {
  return BigInt(`0x${hex}`);
}

/** GB/T 32918.1-2016 §6.1: a private key d is in [1, n − 2] (n − 1 has no (1 + d)⁻¹ in SM2 signing). */
function assertPrivateKey(privateKey: string): void {
  if (!isHex(privateKey, 32)) throw new SealError('INVALID_KEY', 'SM2 private key must be 64 hex digits');
  const d = scalar(privateKey);
  if (d < 1n || d > N - 2n) throw new SealError('INVALID_KEY', 'SM2 private key out of range');
}

function assertPublicKey(publicKey: string): void {
  if (!isHex(publicKey, 65) || !publicKey.startsWith('04')) {
    throw new SealError('INVALID_KEY', 'SM2 public key must be 04 ‖ X ‖ Y in hex');
  }
  let valid = false;
  try {
    valid = sm2.verifyPublicKey(publicKey); // on-curve check by @noble/curves
  } catch {
    valid = false;
  }
  if (!valid) throw new SealError('INVALID_KEY', 'SM2 public key is not a point on the curve');
}

function generateKeyPair(): KeyPair {
  for (;;) {
    const { privateKey, publicKey } = sm2.generateKeyPairHex();
    if (scalar(privateKey) <= N - 2n) return { privateKey, publicKey };
  }
}

function publicKeyOf(privateKey: string): string {
  assertPrivateKey(privateKey);
  return sm2.getPublicKeyFromPrivateKey(privateKey);
}

function prepareAeadKey(key: Uint8Array): AeadKey {
  if (key.length !== SM4_KEY_LENGTH) throw new SealError('INVALID_KEY', 'SM4 key must be 16 bytes');
  const copy = Uint8Array.from(key);
  return {
    seal: async (nonce, plaintext, aad) => sm4GcmSeal(copy, nonce, plaintext, aad),
    open: async (nonce, sealed, aad) => sm4GcmOpen(copy, nonce, sealed, aad),
  };
}

export const gmSuite: CryptoSuite = {
  name: 'gm',
  hashName: 'SM3',
  cipherName: 'SM4-GCM',
  signatureName: 'SM2-with-SM3',
  contentKeyLength: SM4_KEY_LENGTH,

  generateSigningKeyPair: async () => generateKeyPair(),
  generateEncryptionKeyPair: async () => generateKeyPair(),
  publicKeyOf,
  assertPublicKey,

  /**
   * GB/T 32918.2-2016 §6: e = SM3(Z_A ‖ M) with Z_A over the default user id and the signer's public key, then
   * (r, s). `hash: true` is essential: without it sm-crypto-v2 signs M itself as e, which is not SM2.
   */
  async sign(privateKey, message) {
    const publicKey = publicKeyOf(privateKey);
    return sm2.doSignature(message, privateKey, { hash: true, publicKey, userId: SM2_DEFAULT_USER_ID });
  },

  async verify(publicKey, message, signature) {
    if (!isHex(signature, 64)) return false;
    // GB/T 32918.2-2016 §7.1 B1/B2: r′, s′ ∈ [1, n − 1] (sm-crypto-v2 does not check this itself).
    const r = scalar(signature.slice(0, 64));
    const s = scalar(signature.slice(64));
    if (r < 1n || r >= N || s < 1n || s >= N) return false;
    try {
      assertPublicKey(publicKey);
      return sm2.doVerifySignature(message, signature, publicKey, { hash: true, userId: SM2_DEFAULT_USER_ID });
    } catch {
      return false;
    }
  },

  /** SM3, GB/T 32905-2016. */
  hash: async (bytes) => fromHex(sm3(bytes)),

  /** HKDF (RFC 5869) instantiated with SM3, as in RFC 8998 §3.1; sm-crypto-v2 runs @noble/hashes' HKDF over SM3. */
  hkdf: async (ikm, salt, info, length) => Uint8Array.from(hkdf(ikm, salt, info, length)),

  generateContentKey: () => randomBytes(SM4_KEY_LENGTH),

  /** SM2 public-key encryption of the content key, GB/T 32918.4-2016 §6, output C1 ‖ C3 ‖ C2 with C1 = 04 ‖ x1 ‖ y1. */
  async wrapKey(recipientPublicKey, contentKey) {
    assertPublicKey(recipientPublicKey);
    if (contentKey.length !== SM4_KEY_LENGTH) throw new SealError('INVALID_KEY', 'content key must be 16 bytes');
    // sm-crypto-v2 emits C1 without the 04 point-format byte; we store the standard encoding.
    return `04${sm2.doEncrypt(contentKey, recipientPublicKey, C1C3C2)}`;
  },

  async unwrapKey(privateKey, wrapped) {
    assertPrivateKey(privateKey);
    if (!isHex(wrapped, WRAPPED_LENGTH) || !wrapped.startsWith('04')) {
      throw new SealError('KEY_UNWRAP_FAILED', 'wrapped key is not an SM2 ciphertext of a 16-byte key');
    }
    let key: ArrayLike<number>;
    try {
      // Returns an empty array when C3 does not match (wrong key or altered ciphertext); throws when C1 is off-curve.
      key = sm2.doDecrypt(wrapped.slice(2), privateKey, C1C3C2, { output: 'array' });
    } catch {
      throw new SealError('KEY_UNWRAP_FAILED');
    }
    if (key.length !== SM4_KEY_LENGTH) throw new SealError('KEY_UNWRAP_FAILED');
    return Uint8Array.from(key);
  },

  importAeadKey: async (key) => prepareAeadKey(key),
  encrypt: async (key, plaintext, aad) => sealRandomNonce(prepareAeadKey(key), plaintext, aad),
  decrypt: async (key, sealed, aad) => openRandomNonce(prepareAeadKey(key), sealed, aad),
};
