import { describe, expect, it } from 'vitest';
import { concatBytes, randomBytes, toHex, u64be } from './bytes';
import { createFileHasher, fileHash, SEGMENT_SIZE } from './file-hash';
import { getSuite, SUITES } from './suite';

describe.each(SUITES)('ZC-SEGHASH-1 (%s)', (suiteName) => {
  const suite = getSuite(suiteName);

  it('is H(0x01 ‖ u64(len) ‖ H(0x00 ‖ segment)…) as documented', async () => {
    const data = randomBytes(1000);
    const leaf = await suite.hash(concatBytes(new Uint8Array([0]), data));
    const root = await suite.hash(concatBytes(new Uint8Array([1]), u64be(1000), leaf));
    expect(await fileHash(suiteName, data)).toBe(toHex(root));
    const empty = await suite.hash(concatBytes(new Uint8Array([1]), u64be(0)));
    expect(await fileHash(suiteName, new Uint8Array(0))).toBe(toHex(empty));
  });

  it('does not depend on how the bytes are split, and spans segments', async () => {
    const data = randomBytes(SEGMENT_SIZE * 2 + 12345);
    const whole = await fileHash(suiteName, data);
    const hasher = createFileHasher(suiteName);
    for (let offset = 0; offset < data.length; offset += 777_777)
      await hasher.update(data.subarray(offset, offset + 777_777));
    expect(await hasher.digest()).toEqual({ hash: whole, length: data.length });
    const leaves = [];
    for (let offset = 0; offset < data.length; offset += SEGMENT_SIZE) {
      leaves.push(await suite.hash(concatBytes(new Uint8Array([0]), data.subarray(offset, offset + SEGMENT_SIZE))));
    }
    expect(leaves).toHaveLength(3);
    expect(whole).toBe(toHex(await suite.hash(concatBytes(new Uint8Array([1]), u64be(data.length), ...leaves))));
  });

  it('changes with any flipped bit or appended byte', async () => {
    const data = randomBytes(5000);
    const base = await fileHash(suiteName, data);
    const flipped = data.slice();
    flipped[4321] = (flipped[4321] ?? 0) ^ 0x80;
    expect(await fileHash(suiteName, flipped)).not.toBe(base);
    expect(await fileHash(suiteName, concatBytes(data, new Uint8Array(1)))).not.toBe(base);
  });
});
