import { randomBytes } from 'node:crypto';
import { createFileHasher, getSuite, SEGMENT_SIZE, type Suite } from '@zhengcai/seal';
import { describe, expect, it } from 'vitest';
import { nativeHash } from './native-hash';

describe('the native hash the upload store uses', () => {
  it.each<Suite>(['gm', 'intl'])('gives the same ZC-SEGHASH-1 digest as seal for %s', async (suite) => {
    const bytes = randomBytes(2 * SEGMENT_SIZE + 12_345);
    const seal = createFileHasher(suite);
    const native = createFileHasher(suite, nativeHash(suite));
    for (let i = 0; i < bytes.length; i += 300_000) {
      const piece = bytes.subarray(i, i + 300_000);
      await seal.update(piece);
      await native.update(piece);
    }
    expect(await native.digest()).toEqual(await seal.digest());
    const one = new TextEncoder().encode('abc');
    expect(Buffer.from(await nativeHash(suite)(one))).toEqual(Buffer.from(await getSuite(suite).hash(one)));
  });
});
