import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawExperts } from './draw-committee';
import { baseRequest, expert, PURCHASER } from './draw-test-fixtures';
import type { ExpertForDraw } from './draw-types';
import { commitSeed } from './seed-commitment';
import { verifyDraw } from './verify-draw';

const seed = fc
  .uint8Array({ minLength: 32, maxLength: 32 })
  .map((b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(''));

/** Experts with a random mix of the traits the rules look at. */
const anExpert = (id: string): fc.Arbitrary<ExpertForDraw> =>
  fc
    .record({
      specialty: fc.constantFrom('A0201', 'A0202', 'A02', 'C16'),
      region: fc.constantFrom('贵阳市', '遵义市', '安顺市', '六盘水市'),
      worksForPurchaser: fc.integer({ min: 0, max: 5 }).map((x) => x === 0),
      recent: fc.constantFrom([], [], ['2026-03-30'], ['2025-12-01']),
    })
    .map((t) =>
      expert(id, {
        specialties: [t.specialty],
        region: t.region,
        employerName: t.worksForPurchaser ? PURCHASER.name : `单位${id}`,
        recentDrawDates: t.recent,
      }),
    );
const aPool = fc
  .integer({ min: 0, max: 30 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => anExpert(`p${String(i).padStart(2, '0')}`))));

describe('draw properties', () => {
  it('members and reserves are distinct, eligible, of the requested numbers, and verify', () => {
    let drawsMade = 0;
    fc.assert(
      fc.property(
        seed,
        aPool,
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 3 }),
        (s, pool, members, reserves) => {
          const request = baseRequest({ specialties: ['A02'], members, reserves });
          const result = drawExperts({ seed: s, request, experts: pool });
          if (!result.ok) {
            expect(result.error.code).toBe('NOT_ENOUGH_ELIGIBLE_EXPERTS');
            return;
          }
          const { draw } = result;
          drawsMade += 1;
          const drawn = [...draw.members, ...draw.reserves];
          expect(draw.members).toHaveLength(members);
          expect(draw.reserves).toHaveLength(reserves);
          expect(new Set(drawn).size).toBe(drawn.length);
          const excluded = new Set(draw.excluded.map((e) => e.expertId));
          expect(drawn.every((id) => draw.eligibleIds.includes(id) && !excluded.has(id))).toBe(true);
          expect(draw.eligibleIds.length + draw.excluded.length).toBe(pool.length);
          const check = verifyDraw({
            seed: s,
            commitment: commitSeed(s),
            snapshot: draw.snapshot,
            poolSnapshotHash: draw.poolSnapshotHash,
            request,
            claimedCommittee: { members: draw.members, reserves: draw.reserves },
          });
          expect(check.ok).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
    // About half the generated pools are large enough (~90 of 200 runs): the property is not checked on refusals alone.
    expect(drawsMade).toBeGreaterThan(40);
  });

  it('too few eligible experts is refused exactly when the eligible count is below members + reserves', () => {
    fc.assert(
      fc.property(seed, aPool, fc.integer({ min: 1, max: 9 }), (s, pool, members) => {
        const result = drawExperts({
          seed: s,
          request: baseRequest({ specialties: ['A02'], members, reserves: 1 }),
          experts: pool,
        });
        if (result.ok) expect(result.draw.eligibleIds.length).toBeGreaterThanOrEqual(members + 1);
        else if (result.error.code === 'NOT_ENOUGH_ELIGIBLE_EXPERTS') {
          expect(result.error.eligible).toBeLessThan(members + 1);
          const counted = Object.values(result.error.excludedByReason).reduce((a, b) => a + b, 0);
          expect(counted).toBeGreaterThanOrEqual(pool.length - result.error.eligible);
        } else throw new Error(result.error.code);
      }),
      { numRuns: 100 },
    );
  });
});
