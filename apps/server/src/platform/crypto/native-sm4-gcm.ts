import { createCipheriv, timingSafeEqual } from 'node:crypto';
import { ghash } from '@noble/ciphers/_polyval.js';
import { SealError, type AeadKey } from '@zhengcai/seal';

const KEY_LENGTH = 16;
const NONCE_LENGTH = 12;
const TAG_LENGTH = 16;

/** SM4 of one block (ECB, no padding): the hash subkey H and the tag mask E_K(J0). */
function sm4Block(key: Uint8Array, block: Uint8Array): Uint8Array {
  const cipher = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
  return Buffer.concat([cipher.update(block), cipher.final()]);
}

/** J0 ‖ counter for a 96-bit nonce (SP 800-38D §7.1): nonce ‖ u32be(counter). */
function counterBlock(nonce: Uint8Array, counter: number): Buffer {
  const block = Buffer.alloc(16);
  block.set(nonce, 0);
  block.writeUInt32BE(counter, 12);
  return block;
}

/**
 * GCTR from inc32(J0): OpenSSL's SM4-CTR increments the whole 128-bit block, which equals inc32 for any message
 * under 2^32 blocks (the stream's chunks are at most 16 MiB).
 */
function ctr(key: Uint8Array, nonce: Uint8Array, input: Uint8Array): Buffer {
  const cipher = createCipheriv('sm4-ctr', key, counterBlock(nonce, 2));
  return Buffer.concat([cipher.update(input), cipher.final()]);
}

/** GHASH_H(A ‖ 0* ‖ C ‖ 0* ‖ [len(A)]64 ‖ [len(C)]64) XOR E_K(J0). @noble/ciphers' GHASH pads each update. */
function tagOf(key: Uint8Array, h: Uint8Array, nonce: Uint8Array, ciphertext: Uint8Array, aad: Uint8Array): Buffer {
  const mac = ghash.create(h, ciphertext.length + aad.length);
  if (aad.length > 0) mac.update(aad);
  if (ciphertext.length > 0) mac.update(ciphertext);
  const lengths = Buffer.alloc(16);
  lengths.writeBigUInt64BE(BigInt(aad.length) * 8n, 0);
  lengths.writeBigUInt64BE(BigInt(ciphertext.length) * 8n, 8);
  mac.update(lengths);
  const s = mac.digest();
  const mask = sm4Block(key, counterBlock(nonce, 1));
  for (let i = 0; i < TAG_LENGTH; i += 1) mask[i] = (mask[i] ?? 0) ^ (s[i] ?? 0);
  return Buffer.from(mask);
}

/**
 * SM4-GCM (RFC 8998 §3.2) on OpenSSL's native SM4 — Node's OpenSSL 3.0 has SM4-CTR but no SM4-GCM — with
 * @noble/ciphers' GHASH (the same GHASH sm-crypto-v2 uses inside seal's SM4-GCM). About 1.4× seal's all-JavaScript
 * SM4-GCM; native-sm4-gcm.test.ts shows both give the same bytes and refuse the same forgeries. The tag is checked
 * (in constant time) before any plaintext is produced.
 */
export async function importNativeSm4GcmKey(key: Uint8Array): Promise<AeadKey> {
  if (key.length !== KEY_LENGTH) throw new SealError('INVALID_KEY', 'SM4 key must be 16 bytes');
  const ownKey = Uint8Array.from(key);
  const h = sm4Block(ownKey, new Uint8Array(16));
  const assertNonce = (nonce: Uint8Array) => {
    if (nonce.length !== NONCE_LENGTH) throw new SealError('INVALID_ARGUMENT', 'nonce must be 12 bytes');
  };
  return {
    async seal(nonce, plaintext, aad) {
      assertNonce(nonce);
      const ciphertext = ctr(ownKey, nonce, plaintext);
      return Buffer.concat([ciphertext, tagOf(ownKey, h, nonce, ciphertext, aad)]);
    },
    async open(nonce, sealed, aad) {
      assertNonce(nonce);
      if (sealed.length < TAG_LENGTH) throw new SealError('DECRYPTION_FAILED', 'ciphertext shorter than the tag');
      const ciphertext = sealed.subarray(0, sealed.length - TAG_LENGTH);
      const tag = sealed.subarray(sealed.length - TAG_LENGTH);
      if (!timingSafeEqual(tagOf(ownKey, h, nonce, ciphertext, aad), tag)) throw new SealError('DECRYPTION_FAILED');
      return ctr(ownKey, nonce, ciphertext);
    },
  };
}
