import { sm4 } from 'sm-crypto-v2';
import { NONCE_LENGTH, TAG_LENGTH, assertAeadInputs } from './aead';
import { concatBytes } from './bytes';
import { SealError } from './errors';

/**
 * SM4-GCM: the GCM mode of NIST SP 800-38D instantiated with the SM4 block cipher (GB/T 32907-2016), as specified
 * for TLS 1.3 by RFC 8998 §3.2 (AEAD_SM4_GCM: 128-bit key, 96-bit nonce, 128-bit tag).
 *
 * Implementation: sm-crypto-v2's `sm4` in `mode: 'gcm'` (SM4 + @noble/ciphers' GHASH). Reviewed before adoption:
 * it passes RFC 8998 Appendix A.1 and the Wycheproof SM4-GCM vectors (sm4-gcm.test.ts), builds J0 = IV ‖ 0^31 ‖ 1
 * for 96-bit IVs, and on decryption checks the tag in constant time BEFORE producing any plaintext. It does NOT
 * check key, IV or tag lengths, and it silently skips authentication when no tag is passed — so this wrapper is the
 * only door to it: exactly 16-byte keys, 12-byte nonces and 16-byte tags, always. (Its counter increments all 128
 * bits instead of the low 32 as SP 800-38D's inc32 does; the two agree for any message under 2^32 blocks, and our
 * messages are at most 16 MiB.)
 */
export const SM4_KEY_LENGTH = 16;

export function sm4GcmSeal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Uint8Array {
  assertAeadInputs(key, SM4_KEY_LENGTH, nonce);
  const { output, tag } = sm4.encrypt(plaintext, key, {
    mode: 'gcm',
    iv: nonce,
    associatedData: aad,
    output: 'array',
    outputTag: true,
  });
  if (!tag || tag.length !== TAG_LENGTH) throw new Error('SM4-GCM produced no tag');
  return concatBytes(output, tag);
}

export function sm4GcmOpen(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Uint8Array {
  assertAeadInputs(key, SM4_KEY_LENGTH, nonce);
  if (sealed.length < TAG_LENGTH) throw new SealError('DECRYPTION_FAILED', 'ciphertext shorter than the tag');
  const ciphertext = sealed.subarray(0, sealed.length - TAG_LENGTH);
  const tag = sealed.slice(sealed.length - TAG_LENGTH);
  try {
    return sm4.decrypt(ciphertext, key, { mode: 'gcm', iv: nonce, associatedData: aad, tag, output: 'array' });
  } catch {
    throw new SealError('DECRYPTION_FAILED');
  }
}

export { NONCE_LENGTH as SM4_GCM_NONCE_LENGTH };
