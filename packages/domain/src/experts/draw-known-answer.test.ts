import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sortedUnique } from './canonical-json';
import { drawFromSnapshot, drawExperts } from './draw-committee';
import { drawRandom } from './draw-random';
import type { ExpertDrawRequest, ExpertForDraw } from './draw-types';
import { buildPoolSnapshot } from './pool-snapshot';
import { checkSeed, commitSeed, verifySeed } from './seed-commitment';

/**
 * Known-answer vector of ADR 0018. Every value below was computed once by this code AND by an independent Python
 * re-implementation written from the ADR's text (hashlib, hmac, json.dumps(sort_keys=True, separators=(',', ':'),
 * ensure_ascii=False)); the two agreed byte for byte. A change to any of them is a change of algorithm: it needs a
 * new version tag, not a new expected value.
 */
const SEED = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const COMMITMENT = 'ccb56274dc4c821590970f51690fb14bc039d112e7c065f9c45e1aa7e6b5e98e';
const SNAPSHOT_HASH = 'e877f5f1c36a160bc32df0a9b7ed4fcc396364f03e25a5a95019b3699791190c';
const BLOCK_0 = '6e150dcad54f23b0e7a72d2fdee7e47dc3624e20a870ada88c5b8f1d7b6131d8';

const request: ExpertDrawRequest = {
  specialties: ['A0201'],
  members: 3,
  reserves: 2,
  regions: { include: [], exclude: ['六盘水市'] },
  purchaser: { name: '六盘水市第一人民医院', uscc: '12520200000000019R' },
  agency: { name: '贵州黔信招标代理有限公司', uscc: '91520100000000027A' },
  bidders: [
    { name: '六盘水凉都信息技术有限公司', uscc: '91520201000000035Q' },
    { name: '贵州乌蒙数据服务有限公司', uscc: '91520201000000043K' },
    { name: '水城（贵州）软件有限公司', uscc: null },
  ],
  recentDrawDays: 30,
  previouslyDrawn: [],
  drawAt: '2026-03-31T09:00:00+08:00',
};
const person = (id: string, region = '贵阳市', employerName = `贵州大学（${id}）`): ExpertForDraw => ({
  id,
  specialties: ['A0201'],
  region,
  employerName,
  employerUscc: null,
  conflicts: [],
  recentDrawDates: [],
});
/** e01 … e08 eligible; x-bidder works for a bidder (matched by name), x-city lives in the excluded city. */
const experts = [
  ...['e01', 'e02', 'e03', 'e04', 'e05', 'e06', 'e07', 'e08'].map((id) => person(id)),
  person('x-bidder', '贵阳市', '六盘水凉都信息技术有限公司'),
  person('x-city', '六盘水市'),
];

describe('known-answer vector', () => {
  const pool = buildPoolSnapshot(request, experts);
  if (!pool.ok) throw new Error('the vector is invalid');

  it('commitment and snapshot hash', () => {
    expect(commitSeed(SEED)).toBe(COMMITMENT);
    expect(pool.poolSnapshotHash).toBe(SNAPSHOT_HASH);
    expect(canonicalJson(pool.snapshot)).toMatch(
      /^\{"experts":\[\{"conflicts":\[\],"eligible":true,"employer":\{"name":"贵州大学\(e01\)"/,
    );
    expect(pool.eligibleIds).toEqual(['e01', 'e02', 'e03', 'e04', 'e05', 'e06', 'e07', 'e08']);
  });

  it('block 0 of the stream is HMAC-SHA-256(seed, tag ‖ 0x00 ‖ snapshot hash ‖ 00000000)', () => {
    const message = concatBytes(
      utf8ToBytes('ZC-EXPERT-DRAW-1'),
      new Uint8Array([0]),
      hexToBytes(SNAPSHOT_HASH),
      new Uint8Array(4),
    );
    expect(bytesToHex(hmac(sha256, hexToBytes(SEED), message))).toBe(BLOCK_0);
    const random = drawRandom(SEED, SNAPSHOT_HASH);
    expect([random.nextUint32(), random.nextUint32()]).toEqual([0x6e150dca, 0xd54f23b0]);
  });

  it('committee and reserves', () => {
    // The words of block 0 are 6e150dca d54f23b0 e7a72d2f dee7e47d c3624e20 …; no word is rejected (each limit is
    // 2^32 − (2^32 mod n) ≥ 2^32 − 7, far above these words). Over [e01 … e08]:
    //   j=0, n=8: 0x6e150dca = 1846873546, mod 8 = 2 → swap 0↔2: e03 e02 e01 e04 e05 e06 e07 e08
    //   j=1, n=7: 0xd54f23b0 = 3578733488, mod 7 = 1 → swap 1↔2: e03 e01 e02 e04 …
    //   j=2, n=6: 0xe7a72d2f = 3886492975, mod 6 = 1 → swap 2↔3: e03 e01 e04 e02 e05 …
    //   j=3, n=5: 0xdee7e47d = 3739739261, mod 5 = 1 → swap 3↔4: e03 e01 e04 e05 e02 …
    //   j=4, n=4: 0xc3624e20 = 3277999648, mod 4 = 0 → e02 stays
    // Members e03 e01 e04; reserves e05 then e02.
    const result = drawFromSnapshot(SEED, pool.snapshot);
    expect(result).toEqual({
      ok: true,
      committee: { members: ['e03', 'e01', 'e04'], reserves: ['e05', 'e02'] },
      poolSnapshotHash: SNAPSHOT_HASH,
    });
  });

  it('the whole draw in one call gives the same, whatever order the pool comes in', () => {
    const result = drawExperts({ seed: SEED, request, experts: [...experts].reverse() });
    if (!result.ok) throw new Error(result.error.code);
    expect(result.draw.members).toEqual(['e03', 'e01', 'e04']);
    expect(result.draw.reserves).toEqual(['e05', 'e02']);
    expect(result.draw.seedCommitment).toBe(COMMITMENT);
    expect(result.draw.excluded.map((e) => [e.expertId, e.reasons.map((r) => r.code)])).toEqual([
      ['x-bidder', ['EMPLOYER_IS_BIDDER']],
      ['x-city', ['REGION_EXCLUDED']],
    ]);
  });
});

describe('canonical JSON (RFC 8785 for strings, integers, booleans, null)', () => {
  it('sorts keys, drops whitespace, keeps non-ASCII as UTF-8', () => {
    expect(canonicalJson({ b: [1, true, null], a: '贵阳 "市"\n', c: { z: 0, y: -3 } })).toBe(
      '{"a":"贵阳 \\"市\\"\\n","b":[1,true,null],"c":{"y":-3,"z":0}}',
    );
  });

  it('refuses what has no single canonical form here', () => {
    expect(() => canonicalJson(1.5)).toThrow(RangeError);
    expect(() => canonicalJson('\ud800')).toThrow(RangeError);
    expect(() => canonicalJson('a\udc00')).toThrow(RangeError);
    expect(() => canonicalJson('\ud83dx')).toThrow(RangeError);
    expect(canonicalJson('𠀀😀')).toBe('"𠀀😀"');
  });
});

describe('code point order', () => {
  it('sorts as UTF-8 bytes do, not as UTF-16 units', () => {
    // U+FF5E (～, UTF-8 EF BD 9E) comes before U+20000 (𠀀, F0 A0 80 80); UTF-16 units would put 𠀀 (D840) first.
    expect(sortedUnique(['𠀀', '～', 'b', 'a', 'b'])).toEqual(['a', 'b', '～', '𠀀']);
  });
});

describe('seed commitment', () => {
  it('verifies the committed seed only', () => {
    expect(checkSeed(SEED)).toEqual({ ok: true });
    expect(verifySeed(SEED, COMMITMENT)).toBe(true);
    expect(verifySeed(SEED.replace(/^00/, '01'), COMMITMENT)).toBe(false);
    expect(verifySeed(SEED.toUpperCase(), commitSeed(SEED))).toBe(false);
    expect(checkSeed(SEED.slice(1))).toMatchObject({ ok: false, code: 'SEED_MALFORMED' });
    expect(() => commitSeed('zz')).toThrow(RangeError);
  });

  it('is SHA-256 of the tag, a zero byte and the seed bytes', () => {
    const bytes = concatBytes(utf8ToBytes('ZC-EXPERT-DRAW-SEED-1'), new Uint8Array([0]), hexToBytes(SEED));
    expect(bytesToHex(sha256(bytes))).toBe(COMMITMENT);
  });
});
