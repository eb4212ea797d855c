import { describe, expect, it } from 'vitest';
import { GENESIS_CHAIN_HASH, canonicalBytes, chainHash, leafHash, nodeHash, sm3Hex } from './ledger-hash';

describe('ledger hashing', () => {
  it('SM3 matches the GB/T 32905-2016 example "abc"', () => {
    expect(sm3Hex(new TextEncoder().encode('abc'))).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
  });

  it('canonical JSON ignores key order', () => {
    expect(new TextDecoder().decode(canonicalBytes({ b: 1, a: [2, { d: 1, c: 'x' }] }))).toBe(
      '{"a":[2,{"c":"x","d":1}],"b":1}',
    );
    expect(leafHash({ a: 1, b: 2 })).toBe(leafHash({ b: 2, a: 1 }));
  });

  it('leaf, node and chain hashes are domain-separated and change with any input', () => {
    const a = leafHash({ seq: 1 });
    const b = leafHash({ seq: 2 });
    expect(a).not.toBe(b);
    expect(nodeHash(a, b)).not.toBe(nodeHash(b, a));
    expect(chainHash(GENESIS_CHAIN_HASH, a)).not.toBe(chainHash(GENESIS_CHAIN_HASH, b));
    expect(chainHash(GENESIS_CHAIN_HASH, a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses malformed hex', () => {
    expect(() => chainHash('zz', 'aa')).toThrow(/hex/);
  });
});
