import { describe, expect, it } from 'vitest';
import { drawExperts, drawFromSnapshot, selectInDrawOrder } from './draw-committee';
import { uniformBelow } from './draw-random';
import { baseRequest, eligiblePool, expert, fixedSeed, PURCHASER } from './draw-test-fixtures';
import { buildPoolSnapshot } from './pool-snapshot';

const SEED = fixedSeed(0);

function snapshotOf(...args: Parameters<typeof buildPoolSnapshot>) {
  const pool = buildPoolSnapshot(...args);
  if (!pool.ok) throw new Error(JSON.stringify(pool.problems));
  return pool;
}

describe('determinism', () => {
  it('the same seed and pool give the same committee, every time', () => {
    const first = drawExperts({ seed: SEED, request: baseRequest(), experts: eligiblePool(12) });
    for (let i = 0; i < 5; i++) {
      expect(drawExperts({ seed: SEED, request: baseRequest(), experts: eligiblePool(12) })).toEqual(first);
    }
  });

  it('another seed gives other draws', () => {
    const { snapshot } = snapshotOf(baseRequest(), eligiblePool(12));
    const results = new Set(
      Array.from({ length: 20 }, (_, i) => {
        const r = drawFromSnapshot(fixedSeed(i), snapshot);
        return r.ok ? [...r.committee.members, '|', ...r.committee.reserves].join(',') : 'error';
      }),
    );
    expect(results.size).toBeGreaterThan(15);
  });

  it('members and reserves are distinct eligible experts', () => {
    const experts = [...eligiblePool(7), expert('z-city', { region: '六盘水市' })];
    const result = drawExperts({ seed: SEED, request: baseRequest({ members: 5, reserves: 2 }), experts });
    if (!result.ok) throw new Error(result.error.code);
    const drawn = [...result.draw.members, ...result.draw.reserves];
    expect(new Set(drawn).size).toBe(7);
    expect(drawn).not.toContain('z-city');
  });
});

describe('uniformity over a fixed list of seeds', () => {
  it('each of 10 eligible experts is drawn a fair share, in each position', () => {
    const n = 10;
    const draws = 3000;
    const { snapshot } = snapshotOf(baseRequest({ members: 3, reserves: 1 }), eligiblePool(n));
    const asMember = new Map<string, number>();
    const first = new Map<string, number>();
    const asReserve = new Map<string, number>();
    const bump = (m: Map<string, number>, id: string | undefined) => m.set(id ?? '', (m.get(id ?? '') ?? 0) + 1);
    for (let i = 0; i < draws; i++) {
      const r = drawFromSnapshot(fixedSeed(i), snapshot);
      if (!r.ok) throw new Error(r.error.code);
      r.committee.members.forEach((id) => bump(asMember, id));
      bump(first, r.committee.members[0]);
      bump(asReserve, r.committee.reserves[0]);
    }
    // Pearson's χ² with 9 degrees of freedom: its 99.99th percentile is about 33.7. The seeds are fixed, so the
    // values below never change from run to run; a biased selection (e.g. modulo without rejection over a short
    // word, or an off-by-one in the swap) lands far above the bound.
    const chiSquare = (counts: Map<string, number>, expected: number): number =>
      [...counts.values()].reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    expect(asMember.size).toBe(n);
    expect(chiSquare(asMember, (draws * 3) / n)).toBeLessThan(33.7);
    expect(chiSquare(first, draws / n)).toBeLessThan(33.7);
    expect(chiSquare(asReserve, draws / n)).toBeLessThan(33.7);
  });
});

describe('unbiased integers', () => {
  it('rejects words at or above the largest multiple of n, then takes the next', () => {
    const words = [0xffffffff, 0xfffffffe, 7];
    // n = 3: 2^32 mod 3 = 1, so limit = 2^32 − 1 = 0xffffffff is rejected; 0xfffffffe is accepted: it is 2 mod 3.
    expect(uniformBelow(3, () => words.shift() ?? 0)).toBe(0xfffffffe % 3);
    const more = [0xfffffffd, 5];
    // n = 5: 2^32 mod 5 = 1, limit = 0xffffffff; 0xfffffffd is below it.
    expect(uniformBelow(5, () => more.shift() ?? 0)).toBe(0xfffffffd % 5);
    expect(uniformBelow(1, () => 12345)).toBe(0);
    expect(() => uniformBelow(0, () => 0)).toThrow(RangeError);
    expect(() => uniformBelow(2 ** 32 + 1, () => 0)).toThrow(RangeError);
  });

  it('a partial Fisher–Yates over a scripted stream', () => {
    const picks = [2, 0, 1];
    expect(selectInDrawOrder(['a', 'b', 'c', 'd'], 3, { below: () => picks.shift() ?? 0 })).toEqual(['c', 'b', 'd']);
    expect(() => selectInDrawOrder(['a'], 2, { below: () => 0 })).toThrow(RangeError);
  });
});

describe('refusals', () => {
  it('too few eligible experts: how many, how many needed, and why the others were excluded', () => {
    const experts = [
      ...eligiblePool(4),
      expert('x1', { region: '六盘水市' }),
      expert('x2', { region: '六盘水市', employerName: PURCHASER.name }),
      expert('x3', { recentDrawDates: ['2026-03-20'] }),
      expert('x4', { specialties: ['C16'] }),
    ];
    const result = drawExperts({ seed: SEED, request: baseRequest({ members: 5, reserves: 2 }), experts });
    expect(result.ok).toBe(false);
    if (result.ok || result.error.code !== 'NOT_ENOUGH_ELIGIBLE_EXPERTS') throw new Error('expected NOT_ENOUGH');
    expect(result.error).toMatchObject({
      poolSize: 8,
      eligible: 4,
      needed: 7,
      excludedByReason: { REGION_EXCLUDED: 2, EMPLOYER_IS_PURCHASER: 1, RECENTLY_DRAWN: 1, SPECIALTY_MISMATCH: 1 },
    });
    expect(result.error.message.zh).toBe(
      '符合条件的专家仅4人，需要7人（评审专家5人、备选2人）；专家库8人中4人不符合条件：' +
        '专业不符1人，所在地区被排除2人，任职于采购人1人，近期已被抽取1人。请扩大专业或地区范围，或减少备选人数',
    );
    expect(result.error.message.en).toContain('Only 4 eligible experts; 7 needed');
  });

  it('exactly enough eligible experts is enough', () => {
    const result = drawExperts({
      seed: SEED,
      request: baseRequest({ members: 5, reserves: 2 }),
      experts: eligiblePool(7),
    });
    expect(result.ok).toBe(true);
  });

  it('a malformed seed, a bad request', () => {
    const upper = SEED.toUpperCase();
    const bad = drawExperts({ seed: upper, request: baseRequest(), experts: eligiblePool(6) });
    expect(!bad.ok && bad.error.code).toBe('SEED_MALFORMED');
    const short = drawFromSnapshot(SEED.slice(2), snapshotOf(baseRequest(), eligiblePool(6)).snapshot);
    expect(!short.ok && short.error.code).toBe('SEED_MALFORMED');
    const invalid = drawExperts({ seed: SEED, request: baseRequest({ members: 0 }), experts: eligiblePool(6) });
    expect(!invalid.ok && invalid.error.code === 'INVALID_DRAW_INPUT' && invalid.error.problems[0]?.field).toBe(
      'request.members',
    );
  });
});
