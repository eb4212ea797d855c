import { describe, expect, it } from 'vitest';
import { drawExperts } from './draw-committee';
import { baseRequest, eligiblePool, expert, fixedSeed } from './draw-test-fixtures';
import { parsePoolSnapshot } from './parse-pool-snapshot';
import { hashPoolSnapshot } from './pool-snapshot';
import type { PoolSnapshot } from './pool-snapshot-types';
import { commitSeed } from './seed-commitment';
import { verifyDraw, type DrawToVerify } from './verify-draw';

const seed = fixedSeed(42);
const request = baseRequest({ members: 3, reserves: 2 });
const experts = [...eligiblePool(9), expert('x-city', { region: '六盘水市' })];
const result = drawExperts({ seed, request, experts });
if (!result.ok) throw new Error(result.error.code);
const { draw } = result;

const published: DrawToVerify = {
  seed,
  commitment: commitSeed(seed),
  snapshot: draw.snapshot,
  poolSnapshotHash: draw.poolSnapshotHash,
  request,
  claimedCommittee: { members: draw.members, reserves: draw.reserves },
};
const codes = (input: DrawToVerify): string[] => {
  const v = verifyDraw(input);
  return v.ok ? [] : v.mismatches.map((m) => m.code);
};

describe('verifyDraw', () => {
  it('re-running the draw gives the same committee', () => {
    expect(verifyDraw(published)).toEqual({ ok: true, committee: { members: draw.members, reserves: draw.reserves } });
  });

  it('works on a snapshot read back from JSON', () => {
    const parsed = parsePoolSnapshot(JSON.parse(JSON.stringify(draw.snapshot)));
    if (!parsed.ok) throw new Error(parsed.problems.join());
    expect(verifyDraw({ ...published, snapshot: parsed.snapshot }).ok).toBe(true);
  });

  it('a seed that is not the committed one', () => {
    const v = verifyDraw({ ...published, seed: fixedSeed(43) });
    expect(v.ok ? [] : v.mismatches.map((m) => m.code)).toEqual(['COMMITMENT_MISMATCH', 'COMMITTEE_MISMATCH']);
    expect(codes({ ...published, commitment: commitSeed(fixedSeed(1)) })).toEqual(['COMMITMENT_MISMATCH']);
    expect(codes({ ...published, seed: 'x' })).toEqual(['SEED_MALFORMED']);
  });

  it('a snapshot altered by one expert: removed, added, or moved to another region', () => {
    const removed: PoolSnapshot = { ...draw.snapshot, experts: draw.snapshot.experts.slice(1) };
    expect(codes({ ...published, snapshot: removed })).toContain('SNAPSHOT_HASH_MISMATCH');
    const extra = { ...draw.snapshot.experts[0]!, id: 'e00' };
    const added: PoolSnapshot = { ...draw.snapshot, experts: [extra, ...draw.snapshot.experts] };
    expect(codes({ ...published, snapshot: added })).toContain('SNAPSHOT_HASH_MISMATCH');
    const moved = draw.snapshot.experts.map((e) => (e.id === 'e05' ? { ...e, region: '遵义市' } : e));
    // The hash is also the PRNG's input: a changed snapshot draws another committee.
    expect(codes({ ...published, snapshot: { ...draw.snapshot, experts: moved } })).toEqual([
      'SNAPSHOT_HASH_MISMATCH',
      'COMMITTEE_MISMATCH',
    ]);
  });

  it('an eligible expert recorded as excluded, even with a matching hash', () => {
    const forged = draw.snapshot.experts.map((e) =>
      e.id === draw.members[0] ? { ...e, eligible: false, excludedFor: ['RECENTLY_DRAWN' as const] } : e,
    );
    const snapshot = { ...draw.snapshot, experts: forged };
    const v = verifyDraw({ ...published, snapshot, poolSnapshotHash: hashPoolSnapshot(snapshot) });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.mismatches.map((m) => m.code)).toEqual(['ELIGIBILITY_MISMATCH', 'COMMITTEE_MISMATCH']);
    expect(v.mismatches[0]).toMatchObject({
      experts: [{ expertId: draw.members[0], recorded: ['RECENTLY_DRAWN'], byTheRules: [] }],
    });
  });

  it('a request that is not the one in the snapshot', () => {
    const v = verifyDraw({ ...published, request: { ...request, bidders: [], reserves: 3 } });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.mismatches).toMatchObject([{ code: 'REQUEST_MISMATCH', fields: ['reserves', 'bidders'] }]);
  });

  it('a claimed committee that differs: another member, or reserves in another order', () => {
    const other = eligiblePool(9).find((e) => ![...draw.members, ...draw.reserves].includes(e.id))?.id ?? '';
    const swapped = { members: [other, ...draw.members.slice(1)], reserves: draw.reserves };
    expect(codes({ ...published, claimedCommittee: swapped })).toEqual(['COMMITTEE_MISMATCH']);
    const reordered = { members: draw.members, reserves: [...draw.reserves].reverse() };
    const v = verifyDraw({ ...published, claimedCommittee: reordered });
    expect(v.ok ? null : v.mismatches[0]).toMatchObject({
      code: 'COMMITTEE_MISMATCH',
      expected: { members: draw.members, reserves: draw.reserves },
      claimed: reordered,
    });
  });
});
