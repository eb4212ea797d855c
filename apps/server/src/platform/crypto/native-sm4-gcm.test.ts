import { randomBytes } from 'node:crypto';
import { getSuite, isSealError } from '@zhengcai/seal';
import { describe, expect, it } from 'vitest';
import { importNativeSm4GcmKey } from './native-sm4-gcm';

const gm = getSuite('gm');
const SIZES = [0, 1, 15, 16, 17, 4096, (1 << 20) + 5];

async function refuses(open: () => Promise<Uint8Array>): Promise<boolean> {
  return open().then(
    () => false,
    (error: unknown) => isSealError(error, 'DECRYPTION_FAILED'),
  );
}

describe('native SM4-GCM (the opening decrypts with it)', () => {
  it.each(SIZES)('seals the same bytes as seal for a %i-byte message, and each opens the other', async (size) => {
    const key = randomBytes(16);
    const nonce = randomBytes(12);
    const plaintext = randomBytes(size);
    const aad = randomBytes(size % 3 === 0 ? 0 : 37);
    const native = await importNativeSm4GcmKey(key);
    const seal = await gm.importAeadKey(key);
    const sealed = await native.seal(nonce, plaintext, aad);
    expect(Buffer.from(sealed)).toEqual(Buffer.from(await seal.seal(nonce, plaintext, aad)));
    expect(Buffer.from(await native.open(nonce, sealed, aad))).toEqual(plaintext);
    expect(Buffer.from(await seal.open(nonce, sealed, aad))).toEqual(plaintext);
  });

  it('refuses what seal refuses: a flipped bit in the ciphertext, the tag, the AAD or the nonce, a short input', async () => {
    const key = randomBytes(16);
    const nonce = randomBytes(12);
    const aad = randomBytes(20);
    const native = await importNativeSm4GcmKey(key);
    const seal = await gm.importAeadKey(key);
    const sealed = await native.seal(nonce, randomBytes(1000), aad);
    const flip = (bytes: Uint8Array, at: number) => {
      const copy = Uint8Array.from(bytes);
      copy[at] = (copy[at] ?? 0) ^ 1;
      return copy;
    };
    const forgeries: Array<[Uint8Array, Uint8Array, Uint8Array]> = [
      [nonce, flip(sealed, 3), aad],
      [nonce, flip(sealed, sealed.length - 1), aad],
      [nonce, sealed, flip(aad, 0)],
      [flip(nonce, 11), sealed, aad],
      [nonce, sealed.subarray(0, 15), aad],
    ];
    for (const [n, s, a] of forgeries) {
      expect(await refuses(() => native.open(n, s, a))).toBe(true);
      expect(await refuses(() => seal.open(n, s, a))).toBe(true);
    }
  });

  it('takes only 16-byte keys and 12-byte nonces', async () => {
    await expect(importNativeSm4GcmKey(randomBytes(32))).rejects.toMatchObject({ code: 'INVALID_KEY' });
    const native = await importNativeSm4GcmKey(randomBytes(16));
    await expect(native.seal(randomBytes(16), randomBytes(4), new Uint8Array(0))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});
