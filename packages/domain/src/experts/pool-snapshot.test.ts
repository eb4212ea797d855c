import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { BIDDERS, baseRequest, eligiblePool, expert, USCC } from './draw-test-fixtures';
import { parsePoolSnapshot } from './parse-pool-snapshot';
import { buildPoolSnapshot, hashPoolSnapshot } from './pool-snapshot';
import type { ExpertForDraw } from './draw-types';

function hashOf(experts: readonly ExpertForDraw[], request = baseRequest()): string {
  const pool = buildPoolSnapshot(request, experts);
  if (!pool.ok) throw new Error(JSON.stringify(pool.problems));
  return pool.poolSnapshotHash;
}

const pool = [
  ...eligiblePool(5),
  expert('x1', {
    specialties: ['A0202', 'A0201'],
    conflicts: [
      { organisationName: '乙', organisationUscc: null, withdrawnAt: null },
      { organisationName: '甲', organisationUscc: USCC.other, withdrawnAt: '2026-01-01T08:00:00+08:00' },
    ],
    recentDrawDates: ['2026-03-20', '2026-01-02'],
  }),
];

describe('pool snapshot', () => {
  it('does not depend on the order of the pool or of any list', () => {
    const shuffled = [...pool].reverse().map((e) => ({
      ...e,
      specialties: [...e.specialties].reverse(),
      conflicts: [...e.conflicts].reverse(),
      recentDrawDates: [...e.recentDrawDates].reverse(),
    }));
    const request = baseRequest({ bidders: [...BIDDERS].reverse(), specialties: ['a0201 ', 'A0201'] });
    expect(hashOf(shuffled, request)).toBe(hashOf(pool));
  });

  it('changes when one expert is added, removed or changed', () => {
    const base = hashOf(pool);
    expect(hashOf([...pool, expert('e99')])).not.toBe(base);
    expect(hashOf(pool.slice(1))).not.toBe(base);
    expect(hashOf([expert('e01', { region: '遵义市' }), ...pool.slice(1)])).not.toBe(base);
    expect(hashOf(pool, baseRequest({ reserves: 3 }))).not.toBe(base);
  });

  it('holds normalised values and the outcome of every expert', () => {
    const built = buildPoolSnapshot(baseRequest(), [
      expert('b', { employerName: 'ＡＢＣ 科技（贵州）', employerUscc: ` ${USCC.other.toLowerCase()} ` }),
      expert('a', { region: '六盘水市' }),
    ]);
    if (!built.ok) throw new Error('invalid');
    expect(built.snapshot.experts.map((e) => [e.id, e.eligible, e.excludedFor])).toEqual([
      ['a', false, ['REGION_EXCLUDED']],
      ['b', true, []],
    ]);
    expect(built.snapshot.experts[1]?.employer).toEqual({ name: 'abc科技(贵州)', uscc: USCC.other });
    expect(built.snapshot.request.drawAt).toBe('2026-03-31T01:00:00.000Z');
    expect(built.snapshot.request.drawDate).toBe('2026-03-31');
  });

  it('survives a JSON round trip and parses back', () => {
    const built = buildPoolSnapshot(baseRequest(), pool);
    if (!built.ok) throw new Error('invalid');
    const parsed = parsePoolSnapshot(JSON.parse(JSON.stringify(built.snapshot)));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(hashPoolSnapshot(parsed.snapshot)).toBe(built.poolSnapshotHash);
  });

  it('parsing names what is wrong', () => {
    const built = buildPoolSnapshot(baseRequest(), eligiblePool(2));
    if (!built.ok) throw new Error('invalid');
    const json = JSON.parse(canonicalJson(built.snapshot)) as Record<string, unknown>;
    expect(parsePoolSnapshot({ ...json, version: 'v0' })).toEqual({
      ok: false,
      problems: ['snapshot.version: not ZC-EXPERT-POOL-1'],
    });
    expect(parsePoolSnapshot({ ...json, extra: 1 })).toEqual({ ok: false, problems: ['snapshot.extra: unexpected'] });
    const twice = { ...json, experts: [...built.snapshot.experts, built.snapshot.experts[0]] };
    expect(parsePoolSnapshot(twice)).toEqual({ ok: false, problems: ['snapshot.experts.2.id: e01 appears twice'] });
    const badExpert = { ...built.snapshot.experts[0], excludedFor: ['NOPE'], recentDrawDates: ['2026-13-01'] };
    const bad = parsePoolSnapshot({ ...json, experts: [badExpert] });
    expect(bad).toEqual({
      ok: false,
      problems: [
        'snapshot.experts.0.recentDrawDates.0: not a date',
        'snapshot.experts.0.excludedFor.0: not an exclusion code',
      ],
    });
    expect(parsePoolSnapshot(null)).toEqual({ ok: false, problems: ['snapshot: not an object'] });
  });
});
