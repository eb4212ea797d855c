import { randomBytes } from 'node:crypto';
import { getSuite, isSealError } from '@zhengcai/seal';
import { afterAll, describe, expect, it } from 'vitest';
import { ServerCrypto } from './aead-pool';

const crypto = new ServerCrypto(2);
afterAll(() => crypto.close());

describe('the server crypto pool (SM4-GCM on worker threads)', () => {
  it('seals the same bytes as seal, opens what seal sealed, and refuses a forgery with DECRYPTION_FAILED', async () => {
    const open = crypto.primitives('gm').importAeadKey;
    if (!open) throw new Error('gm has a pooled AEAD');
    const key = randomBytes(16);
    const pooled = await open(key);
    const seal = await getSuite('gm').importAeadKey(key);
    const chunks = await Promise.all(
      [0, 17, 1 << 20].map(async (size) => {
        const nonce = randomBytes(12);
        const plaintext = randomBytes(size);
        const aad = randomBytes(31);
        const sealed = await pooled.seal(nonce, plaintext, aad);
        expect(Buffer.from(sealed)).toEqual(Buffer.from(await seal.seal(nonce, plaintext, aad)));
        expect(Buffer.from(await pooled.open(nonce, sealed, aad))).toEqual(plaintext);
        return { nonce, sealed, aad };
      }),
    );
    const { nonce, sealed, aad } = chunks[1] ?? {
      nonce: randomBytes(12),
      sealed: randomBytes(40),
      aad: randomBytes(2),
    };
    const forged = Uint8Array.from(sealed);
    forged[0] = (forged[0] ?? 0) ^ 0x80;
    const failure = await pooled.open(nonce, forged, aad).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isSealError(failure, 'DECRYPTION_FAILED')).toBe(true);
  });

  it('keeps intl on WebCrypto and hashes natively for both suites', () => {
    expect(crypto.primitives('intl').importAeadKey).toBeUndefined();
    expect(crypto.primitives('intl').hash).toBeDefined();
    expect(crypto.primitives('gm').hash).toBeDefined();
  });
});
