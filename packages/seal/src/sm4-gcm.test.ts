/// <reference types="node" />
// Tests may use node:crypto and OpenSSL as independent references; browser-safe.test.ts keeps the library free of them.
import { createCipheriv } from 'node:crypto';
import { sm4 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex, randomBytes, toHex } from './bytes';
import { isSealError } from './errors';
import { sm4GcmOpen, sm4GcmSeal } from './sm4-gcm';

// [key, iv, aad, plaintext, ciphertext, tag]
const VECTORS: [string, string, string, string, string, string][] = [
  // RFC 8998 Appendix A.1
  [
    '0123456789abcdeffedcba9876543210',
    '00001234567800000000abcd',
    'feedfacedeadbeeffeedfacedeadbeefabaddad2',
    'aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccddddddddddddddddeeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa',
    '17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d',
    '83de3541e4c2b58177e065a9bf7b62ec',
  ],
  // Wycheproof sm4_gcm_test.json tcId 2–7, 9, 12 (empty, 1, 8, 15, 17 and 20 bytes; AAD of 0, 1 and 24 bytes)
  ['bedcfb5a011ebc84600fcb296c15af0d', '438a547a94ea88dce46c6c85', '', '', '', 'a486a45596cb92cf529de2038583707d'],
  ['384ea416ac3c2f51a76e7d8226346d4e', 'b30c084727ad1c592ac21d12', '', '35', 'a3', 'a06f50a378b116e9dd2363a6e8babd88'],
  [
    'cae31cd9f55526eb038241fc44cac1e5',
    'b5e006ded553110e6dc56529',
    '',
    'd10989f2c52e94ad',
    'ae080aa27f476736',
    '9e649f28d3f52a4bf7e3239a980617fd',
  ],
  [
    'dd6197cd63c963919cf0c273ef6b28bf',
    'ecb0c42f7000ef0e6f95f24d',
    '',
    '4dcc1485365866e25ac3f2ca6aba97',
    '8903a5225332b06e89bc1ad13e4406',
    '41feccc33a5a27fab0883a11e4ba3b71',
  ],
  [
    'ffdf4228361ea1f8165852136b3480f7',
    '0e1666f2dc652f7708fb8f0d',
    '',
    '25b12e28ac0ef6ead0226a3b2288c800',
    'f18ce821bdf23c0e74e84a235ae15926',
    'dd82022d2589c111d2f780965bd4b7ea',
  ],
  [
    'c15ed227dd2e237ecd087eaaaad19ea4',
    '965ff6643116ac1443a2dec7',
    '',
    'fee62fde973fe025ad6b322dcdf3c63fc7',
    'bec3d84d43648a235d8e2db8a61c3d9317',
    '78372866def4d47c141dfa360ee73f8d',
  ],
  [
    '28ff3def08179311e2734c6d1c4e2871',
    '32bcb9b569e3b852d37c766a',
    'c3',
    'dfc61a20df8505b53e3cd59f25770d5018add3d6',
    'cd6419e4b259e55f460f88763ed7229331ed11a0',
    'e156c8364e952357442b9a372ebc2f1f',
  ],
  [
    '6a68671dfe323d419894381f85eb63fd',
    '9f0d85b605711f34cd2a35ba',
    '76eb5f147250fa3c12bff0a6e3934a0b16860cf11646773b',
    '0fc67899c3f1bbe196d90f1eca3797389230aa37',
    'e2ceb4ed26cad57080e1bf3104f3251c486395d6',
    '00468fce2225bfea9b46679889cd1241',
  ],
];

describe('SM4 block cipher and SM4-GCM (sm-crypto-v2 behind our wrapper)', () => {
  it('SM4 matches the GB/T 32907-2016 example', () => {
    const key = '0123456789abcdeffedcba9876543210';
    expect(sm4.encrypt(fromHex(key), fromHex(key), { padding: 'none' })).toBe('681edf34d206965e86b3e94f536e4246');
  });

  it.each(VECTORS)('SM4-GCM known answer (key %s)', (key, iv, aad, plaintext, ciphertext, tag) => {
    const sealed = sm4GcmSeal(fromHex(key), fromHex(iv), fromHex(plaintext), fromHex(aad));
    expect(toHex(sealed)).toBe(ciphertext + tag);
    expect(toHex(sm4GcmOpen(fromHex(key), fromHex(iv), sealed, fromHex(aad)))).toBe(plaintext);
  });

  it('its keystream is SM4-CTR from J0 + 1, as OpenSSL computes it (node:crypto sm4-ctr)', () => {
    for (const length of [1, 15, 16, 17, 100, 4096 + 3]) {
      const key = randomBytes(16);
      const nonce = randomBytes(12);
      const plaintext = randomBytes(length);
      const sealed = sm4GcmSeal(key, nonce, plaintext, new Uint8Array(0));
      const counter = concatBytes(nonce, new Uint8Array([0, 0, 0, 2]));
      const ctr = createCipheriv('sm4-ctr', key, counter);
      const expected = concatBytes(ctr.update(plaintext), ctr.final());
      expect(toHex(sealed.subarray(0, length))).toBe(toHex(expected));
    }
  });

  it('rejects any altered byte, wrong AAD or wrong nonce', () => {
    const key = randomBytes(16);
    const nonce = randomBytes(12);
    const aad = new TextEncoder().encode('context');
    const sealed = sm4GcmSeal(key, nonce, randomBytes(40), aad);
    for (const position of [0, 20, sealed.length - 1]) {
      const altered = sealed.slice();
      altered[position] = (altered[position] ?? 0) ^ 0x01;
      expect(() => sm4GcmOpen(key, nonce, altered, aad)).toThrow(/DECRYPTION_FAILED/);
    }
    expect(() => sm4GcmOpen(key, nonce, sealed, new Uint8Array(0))).toThrow(/DECRYPTION_FAILED/);
    expect(() => sm4GcmOpen(key, randomBytes(12), sealed, aad)).toThrow(/DECRYPTION_FAILED/);
    expect(() => sm4GcmOpen(key, nonce, sealed.subarray(0, 15), aad)).toThrow(/DECRYPTION_FAILED/);
  });

  it('refuses keys and nonces of the wrong length (the library itself would not)', () => {
    const attempt = (key: Uint8Array, nonce: Uint8Array): unknown => {
      try {
        sm4GcmSeal(key, nonce, new Uint8Array(1), new Uint8Array(0));
        return null;
      } catch (error) {
        return isSealError(error) ? error.code : error;
      }
    };
    expect(attempt(randomBytes(15), randomBytes(12))).toBe('INVALID_KEY');
    expect(attempt(randomBytes(32), randomBytes(12))).toBe('INVALID_KEY');
    expect(attempt(randomBytes(16), randomBytes(16))).toBe('INVALID_ARGUMENT');
  });
});
