/// <reference types="node" />
// Tests may use node:crypto and OpenSSL as independent references; browser-safe.test.ts keeps the library free of them.
import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  createPrivateKey,
  hkdfSync,
  sign as nodeSign,
  verify as nodeVerify,
  type KeyObject,
} from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex, randomBytes, toBase64Url, toHex, utf8 } from './bytes';
import { ECIES_INFO, intlSuite } from './intl-suite';

/** node:crypto KeyObjects for our hex key formats (tests only: the library never imports node:). */
function nodePublicKey(publicKey: string): KeyObject {
  const point = fromHex(publicKey);
  return createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: toBase64Url(point.subarray(1, 33)), y: toBase64Url(point.subarray(33)) },
    format: 'jwk',
  });
}

function nodePrivateKey(privateKey: string, publicKey: string): KeyObject {
  const point = fromHex(publicKey);
  return createPrivateKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      d: toBase64Url(fromHex(privateKey)),
      x: toBase64Url(point.subarray(1, 33)),
      y: toBase64Url(point.subarray(33)),
    },
    format: 'jwk',
  });
}

describe('intl suite: hashes and HKDF', () => {
  it('SHA-256 of "abc" (FIPS 180-4 example)', async () => {
    expect(toHex(await intlSuite.hash(utf8('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('HKDF-SHA-256 matches RFC 5869 test case 1', async () => {
    const okm = await intlSuite.hkdf(
      fromHex('0b'.repeat(22)),
      fromHex('000102030405060708090a0b0c'),
      fromHex('f0f1f2f3f4f5f6f7f8f9'),
      42,
    );
    expect(toHex(okm)).toBe('3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865');
  });
});

describe('intl suite: ECDSA P-256', () => {
  it('round-trips and rejects tampering or another key', async () => {
    const { privateKey, publicKey } = await intlSuite.generateSigningKeyPair();
    const other = await intlSuite.generateSigningKeyPair();
    expect(intlSuite.publicKeyOf(privateKey)).toBe(publicKey);
    const message = utf8('price sheet');
    const signature = await intlSuite.sign(privateKey, message);
    expect(signature).toMatch(/^[0-9a-f]{128}$/);
    expect(await intlSuite.verify(publicKey, message, signature)).toBe(true);
    expect(await intlSuite.verify(publicKey, utf8('price sheeT'), signature)).toBe(false);
    expect(await intlSuite.verify(other.publicKey, message, signature)).toBe(false);
    expect(await intlSuite.verify(publicKey, message, '00'.repeat(64))).toBe(false);
    expect(await intlSuite.verify('04' + '11'.repeat(64), message, signature)).toBe(false);
  });

  it('cross-checks with node:crypto in both directions (IEEE P1363 r ‖ s)', async () => {
    const { privateKey, publicKey } = await intlSuite.generateSigningKeyPair();
    const message = randomBytes(300);
    const ours = fromHex(await intlSuite.sign(privateKey, message));
    expect(nodeVerify('sha256', message, { key: nodePublicKey(publicKey), dsaEncoding: 'ieee-p1363' }, ours)).toBe(
      true,
    );
    const theirs = nodeSign('sha256', message, {
      key: nodePrivateKey(privateKey, publicKey),
      dsaEncoding: 'ieee-p1363',
    });
    expect(await intlSuite.verify(publicKey, message, toHex(new Uint8Array(theirs)))).toBe(true);
  });
});

describe('intl suite: AES-256-GCM and ECIES', () => {
  it('AES-256-GCM output decrypts with node:crypto', async () => {
    const key = intlSuite.generateContentKey();
    const aad = utf8('aad');
    const plaintext = randomBytes(1000);
    const sealed = await intlSuite.encrypt(key, plaintext, aad);
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    const out = concatBytes(decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final());
    expect(toHex(out)).toBe(toHex(plaintext));
    expect(toHex(await intlSuite.decrypt(key, sealed, aad))).toBe(toHex(plaintext));
    await expect(intlSuite.decrypt(key, sealed, utf8('other'))).rejects.toThrow(/DECRYPTION_FAILED/);
  });

  it('ECIES wrapping follows the documented construction (unwrapped independently with node:crypto)', async () => {
    const { privateKey, publicKey } = await intlSuite.generateEncryptionKeyPair();
    const contentKey = intlSuite.generateContentKey();
    const wrapped = fromHex(await intlSuite.wrapKey(publicKey, contentKey));
    expect(wrapped.length).toBe(65 + 32 + 16);
    const ephemeral = wrapped.subarray(0, 65);
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(fromHex(privateKey));
    const z = ecdh.computeSecret(ephemeral);
    const info = concatBytes(utf8(ECIES_INFO), ephemeral, fromHex(publicKey));
    const okm = new Uint8Array(hkdfSync('sha256', z, new Uint8Array(0), info, 44));
    const decipher = createDecipheriv('aes-256-gcm', okm.subarray(0, 32), okm.subarray(32, 44));
    decipher.setAuthTag(wrapped.subarray(65 + 32));
    const key = concatBytes(decipher.update(wrapped.subarray(65, 65 + 32)), decipher.final());
    expect(toHex(key)).toBe(toHex(contentKey));
    expect(toHex(await intlSuite.unwrapKey(privateKey, toHex(wrapped)))).toBe(toHex(contentKey));
  });

  it('unwrapping fails with another key or an altered wrapped key', async () => {
    const { privateKey, publicKey } = await intlSuite.generateEncryptionKeyPair();
    const other = await intlSuite.generateEncryptionKeyPair();
    const wrapped = await intlSuite.wrapKey(publicKey, intlSuite.generateContentKey());
    await expect(intlSuite.unwrapKey(other.privateKey, wrapped)).rejects.toThrow(/KEY_UNWRAP_FAILED/);
    for (const position of [20, 140, 200, 225]) {
      const digit = wrapped[position] === '0' ? '1' : '0';
      const altered = wrapped.slice(0, position) + digit + wrapped.slice(position + 1);
      await expect(intlSuite.unwrapKey(privateKey, altered)).rejects.toThrow(/KEY_UNWRAP_FAILED/);
    }
    await expect(intlSuite.wrapKey(publicKey, randomBytes(16))).rejects.toThrow(/INVALID_KEY/);
  });
});
