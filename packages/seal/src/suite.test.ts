import { p256 } from '@noble/curves/nist.js';
import { describe, expect, it } from 'vitest';
import { toHex, utf8 } from './bytes';
import { DEFAULT_SUITE, getSuite, SUITES } from './suite';

describe('suite selection and cross-suite separation', () => {
  it('defaults to 国密 and resolves both suites', () => {
    expect(DEFAULT_SUITE).toBe('gm');
    expect(SUITES.map((s) => getSuite(s).name)).toEqual(['gm', 'intl']);
    expect(getSuite('gm').contentKeyLength).toBe(16);
    expect(getSuite('intl').contentKeyLength).toBe(32);
    expect(() => getSuite('rsa' as never)).toThrow(/INVALID_ARGUMENT/);
  });

  it('a signature made in one suite never verifies in the other, even for the same private scalar', async () => {
    const gm = getSuite('gm');
    const intl = getSuite('intl');
    const message = utf8('statement');
    const gmKeys = await gm.generateSigningKeyPair();
    const intlKeys = await intl.generateSigningKeyPair();
    const gmSignature = await gm.sign(gmKeys.privateKey, message);
    const intlSignature = await intl.sign(intlKeys.privateKey, message);
    // Keys of one suite are not points of the other curve: both checks fail.
    expect(await intl.verify(gmKeys.publicKey, message, gmSignature)).toBe(false);
    expect(await gm.verify(intlKeys.publicKey, message, intlSignature)).toBe(false);
    // Same scalar d on both curves: still no cross-verification.
    const d = gmKeys.privateKey;
    const p256Public = toHex(p256.getPublicKey(d, false));
    expect(await intl.verify(p256Public, message, gmSignature)).toBe(false);
    const intlSignatureSameD = await intl.sign(d, message);
    expect(await gm.verify(gmKeys.publicKey, message, intlSignatureSameD)).toBe(false);
  });

  it('a key wrapped in one suite cannot be unwrapped in the other', async () => {
    const gm = getSuite('gm');
    const intl = getSuite('intl');
    const gmKeys = await gm.generateEncryptionKeyPair();
    const intlKeys = await intl.generateEncryptionKeyPair();
    await expect(intl.wrapKey(gmKeys.publicKey, intl.generateContentKey())).rejects.toThrow(/INVALID_KEY/);
    const wrapped = await gm.wrapKey(gmKeys.publicKey, gm.generateContentKey());
    await expect(intl.unwrapKey(intlKeys.privateKey, wrapped)).rejects.toThrow(/KEY_UNWRAP_FAILED/);
  });
});
