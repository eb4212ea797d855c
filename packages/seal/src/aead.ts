import { concatBytes, randomBytes } from './bytes';
import { SealError } from './errors';
import type { AeadKey } from './suite';

/** GCM nonce and tag sizes (NIST SP 800-38D §5.2.1.1 recommends 96-bit IVs; full 128-bit tags). */
export const NONCE_LENGTH = 12;
export const TAG_LENGTH = 16;

/**
 * One-shot AEAD with a random 96-bit nonce, output nonce ‖ ciphertext ‖ tag. Random nonces are safe here because
 * every caller uses a fresh key per message or encrypts far fewer than 2^32 messages per key (SP 800-38D §8.3).
 */
export async function sealRandomNonce(key: AeadKey, plaintext: Uint8Array, aad: Uint8Array): Promise<Uint8Array> {
  const nonce = randomBytes(NONCE_LENGTH);
  return concatBytes(nonce, await key.seal(nonce, plaintext, aad));
}

export async function openRandomNonce(key: AeadKey, sealed: Uint8Array, aad: Uint8Array): Promise<Uint8Array> {
  if (sealed.length < NONCE_LENGTH + TAG_LENGTH) throw new SealError('DECRYPTION_FAILED', 'ciphertext too short');
  return key.open(sealed.subarray(0, NONCE_LENGTH), sealed.subarray(NONCE_LENGTH), aad);
}

export function assertAeadInputs(key: Uint8Array, keyLength: number, nonce: Uint8Array): void {
  if (key.length !== keyLength) throw new SealError('INVALID_KEY', `content key must be ${keyLength} bytes`);
  if (nonce.length !== NONCE_LENGTH) throw new SealError('INVALID_ARGUMENT', `nonce must be ${NONCE_LENGTH} bytes`);
}
