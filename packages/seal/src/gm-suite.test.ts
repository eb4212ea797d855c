/// <reference types="node" />
// Tests may use node:crypto and OpenSSL as independent references; browser-safe.test.ts keeps the library free of them.
import { createPrivateKey, generateKeyPairSync, hkdfSync, sign as nodeSign } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { fromHex, randomBytes, toHex, utf8 } from './bytes';
import { gmSuite, SM2_DEFAULT_USER_ID } from './gm-suite';

/** GB/T 32918.5-2017 Annex A (= GM/T 0003.5-2012), on the recommended curve. */
const ANNEX_A = {
  privateKey: '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8',
  publicKey:
    '0409f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13',
  k: '59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21',
  message: 'message digest',
  signature:
    'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa',
  /** C1 (without 04) ‖ C3 ‖ C2 for "encryption standard", same key pair and k. */
  ciphertext:
    '04ebfc718e8d1798620432268e77feb6415e2ede0e073c0f4f640ecd2e149a73e858f9d81e5430a57b36daab8f950a3c64e6ee6a63094d99283aff767e124df0' +
    '59983c18f809e262923c53aec295d30383b54e39d609d160afcb1908d0bd8766' +
    '21886ca989ca9c7d58087307ca93092d651efa',
};

describe('gm suite: SM3', () => {
  it('matches GB/T 32905-2016 examples 1 and 2', async () => {
    expect(toHex(await gmSuite.hash(utf8('abc')))).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
    expect(toHex(await gmSuite.hash(utf8('abcd'.repeat(16))))).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });

  it('HKDF-SM3 agrees with OpenSSL (node:crypto hkdfSync sm3)', async () => {
    const ikm = randomBytes(16);
    const salt = randomBytes(16);
    const info = utf8('zhengcai test');
    const ours = await gmSuite.hkdf(ikm, salt, info, 40);
    expect(toHex(ours)).toBe(toHex(new Uint8Array(hkdfSync('sm3', ikm, salt, info, 40))));
  });
});

describe('gm suite: SM2 signatures', () => {
  it('derives the Annex A public key and verifies the Annex A signature', async () => {
    expect(gmSuite.publicKeyOf(ANNEX_A.privateKey)).toBe(ANNEX_A.publicKey);
    expect(await gmSuite.verify(ANNEX_A.publicKey, utf8(ANNEX_A.message), ANNEX_A.signature)).toBe(true);
    expect(await gmSuite.verify(ANNEX_A.publicKey, utf8('message digesT'), ANNEX_A.signature)).toBe(false);
  });

  it('reproduces the Annex A signature with its k through the options gmSuite.sign uses', () => {
    const kPoint = sm2.getPublicKeyFromPrivateKey(ANNEX_A.k);
    const signature = sm2.doSignature(utf8(ANNEX_A.message), ANNEX_A.privateKey, {
      hash: true,
      publicKey: ANNEX_A.publicKey,
      userId: SM2_DEFAULT_USER_ID,
      pointPool: [{ k: BigInt(`0x${ANNEX_A.k}`), x1: BigInt(`0x${kPoint.slice(2, 66)}`) }],
    });
    expect(signature).toBe(ANNEX_A.signature);
  });

  it('round-trips and rejects tampering, another key, another user id and out-of-range r, s', async () => {
    const { privateKey, publicKey } = await gmSuite.generateSigningKeyPair();
    const other = await gmSuite.generateSigningKeyPair();
    const message = utf8('投标文件 hash');
    const signature = await gmSuite.sign(privateKey, message);
    expect(signature).toMatch(/^[0-9a-f]{128}$/);
    expect(await gmSuite.verify(publicKey, message, signature)).toBe(true);
    expect(await gmSuite.verify(publicKey, utf8('投标文件 hasH'), signature)).toBe(false);
    expect(await gmSuite.verify(other.publicKey, message, signature)).toBe(false);
    const flipped = signature.slice(0, 127) + (signature.endsWith('0') ? '1' : '0');
    expect(await gmSuite.verify(publicKey, message, flipped)).toBe(false);
    const withOtherId = sm2.doSignature(message, privateKey, { hash: true, publicKey, userId: 'ALICE123@YAHOO.COM' });
    expect(await gmSuite.verify(publicKey, message, withOtherId)).toBe(false);
    const n = 'fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123';
    expect(await gmSuite.verify(publicKey, message, `${'0'.repeat(64)}${signature.slice(64)}`)).toBe(false);
    expect(await gmSuite.verify(publicKey, message, `${signature.slice(0, 64)}${n}`)).toBe(false);
    expect(await gmSuite.verify('04' + '00'.repeat(64), message, signature)).toBe(false);
    expect(await gmSuite.verify(publicKey, message, 'zz')).toBe(false);
  });

  it("does not accept Node's ECDSA-on-the-SM2-curve signatures (the ENGINEERING.md trap)", async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'SM2' });
    const spki = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }));
    const point = toHex(spki.subarray(spki.length - 65));
    const message = utf8('abc');
    const ecdsaOnSm2 = nodeSign('sm3', message, {
      key: createPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' })),
      dsaEncoding: 'ieee-p1363',
    });
    expect(await gmSuite.verify(point, message, toHex(new Uint8Array(ecdsaOnSm2)))).toBe(false);
  });
});

describe('gm suite: SM2 encryption (key wrapping)', () => {
  it('decrypts the Annex A ciphertext in C1C3C2 order', () => {
    const plaintext = sm2.doDecrypt(ANNEX_A.ciphertext, ANNEX_A.privateKey, 1, { output: 'array' });
    expect(new TextDecoder().decode(plaintext)).toBe('encryption standard');
  });

  it('wraps a 16-byte SM4 key as 04 ‖ x1 ‖ y1 ‖ C3 ‖ C2 and unwraps it', async () => {
    const { privateKey, publicKey } = await gmSuite.generateEncryptionKeyPair();
    const key = gmSuite.generateContentKey();
    const wrapped = await gmSuite.wrapKey(publicKey, key);
    expect(wrapped).toMatch(/^04[0-9a-f]{224}$/);
    expect(toHex(await gmSuite.unwrapKey(privateKey, wrapped))).toBe(toHex(key));
    // The standard form decrypts with the library too once the 04 is removed: nothing home-made in the layout.
    expect(toHex(sm2.doDecrypt(wrapped.slice(2), privateKey, 1, { output: 'array' }))).toBe(toHex(key));
  });

  it('fails with another key or any altered part (C1, C3, C2)', async () => {
    const { privateKey, publicKey } = await gmSuite.generateEncryptionKeyPair();
    const other = await gmSuite.generateEncryptionKeyPair();
    const wrapped = await gmSuite.wrapKey(publicKey, gmSuite.generateContentKey());
    await expect(gmSuite.unwrapKey(other.privateKey, wrapped)).rejects.toThrow(/KEY_UNWRAP_FAILED/);
    for (const position of [10, 140, 200, 225]) {
      const digit = wrapped[position] === '0' ? '1' : '0';
      const altered = wrapped.slice(0, position) + digit + wrapped.slice(position + 1);
      await expect(gmSuite.unwrapKey(privateKey, altered)).rejects.toThrow(/KEY_UNWRAP_FAILED/);
    }
    await expect(gmSuite.unwrapKey(privateKey, wrapped.slice(0, -2))).rejects.toThrow(/KEY_UNWRAP_FAILED/);
    await expect(gmSuite.wrapKey(publicKey, randomBytes(32))).rejects.toThrow(/INVALID_KEY/);
  });

  it('rejects private keys outside [1, n − 2]', () => {
    expect(() => gmSuite.publicKeyOf('00'.repeat(32))).toThrow(/INVALID_KEY/);
    expect(() => gmSuite.publicKeyOf('fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54122')).toThrow(
      /INVALID_KEY/,
    );
    expect(() => gmSuite.publicKeyOf(toHex(fromHex('01'.padStart(64, '0'))))).not.toThrow();
  });
});
