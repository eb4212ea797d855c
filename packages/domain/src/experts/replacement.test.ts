import { describe, expect, it } from 'vitest';
import { drawExperts } from './draw-committee';
import { baseRequest, eligiblePool, fixedSeed } from './draw-test-fixtures';
import { committeeStateOf, replaceDeclined, supplementaryDrawRequest, withSupplementaryDraw } from './replacement';

const drawn = { members: ['m1', 'm2', 'm3'], reserves: ['r1', 'r2'] };

describe('replacing an expert who declines', () => {
  it('the next reserve in draw order takes the seat', () => {
    const first = replaceDeclined(committeeStateOf(drawn), 'm2');
    expect(first).toEqual({
      ok: true,
      state: { members: ['m1', 'r1', 'm3'], reserves: ['r2'], declined: ['m2'] },
      replaced: 'm2',
      steppedIn: 'r1',
    });
    if (!first.ok) return;
    // The reserve who stepped in can decline too: the next reserve replaces them.
    const second = replaceDeclined(first.state, 'r1');
    expect(second).toMatchObject({ ok: true, state: { members: ['m1', 'r2', 'm3'], reserves: [] }, steppedIn: 'r2' });
  });

  it('a reserve who declines before being called is struck off', () => {
    const result = replaceDeclined(committeeStateOf(drawn), 'r1');
    expect(result).toEqual({
      ok: true,
      state: { members: ['m1', 'm2', 'm3'], reserves: ['r2'], declined: ['r1'] },
      replaced: null,
      steppedIn: null,
    });
    if (!result.ok) return;
    expect(replaceDeclined(result.state, 'm3')).toMatchObject({ ok: true, steppedIn: 'r2' });
  });

  it('reserves exhausted: the seat stays empty and a supplementary draw is needed', () => {
    const state = { members: ['m1', 'm2', 'm3'], reserves: [], declined: ['r1'] };
    const result = replaceDeclined(state, 'm1');
    expect(result).toMatchObject({
      ok: false,
      code: 'RESERVES_EXHAUSTED',
      state: { members: ['m2', 'm3'], reserves: [], declined: ['r1', 'm1'] },
    });
  });

  it('refuses someone outside the draw and a second decline', () => {
    expect(replaceDeclined(committeeStateOf(drawn), 'zz')).toMatchObject({ ok: false, code: 'NOT_IN_DRAW' });
    const state = { ...committeeStateOf(drawn), declined: ['x'] };
    expect(replaceDeclined(state, 'x')).toMatchObject({ ok: false, code: 'ALREADY_DECLINED' });
  });
});

describe('supplementary draw', () => {
  it('draws the empty seats with a fresh seed from those not drawn yet, by the same algorithm', () => {
    const request = baseRequest({ members: 3, reserves: 1 });
    const pool = eligiblePool(8);
    const first = drawExperts({ seed: fixedSeed(7), request, experts: pool });
    if (!first.ok) throw new Error(first.error.code);
    let state = committeeStateOf(first.draw);
    const [m0, m1] = first.draw.members;
    const step1 = replaceDeclined(state, m0 ?? '');
    if (!step1.ok) throw new Error(step1.code);
    const step2 = replaceDeclined(step1.state, m1 ?? '');
    expect(step2.ok).toBe(false);
    if (step2.ok || step2.code !== 'RESERVES_EXHAUSTED') throw new Error('expected exhaustion');
    state = step2.state;

    const again = supplementaryDrawRequest(request, state, { reserves: 1, drawAt: '2026-03-31T10:00:00+08:00' });
    expect(again.members).toBe(1);
    expect([...again.previouslyDrawn].sort()).toEqual([...first.draw.members, ...first.draw.reserves].sort());
    const second = drawExperts({ seed: fixedSeed(8), request: again, experts: pool });
    if (!second.ok) throw new Error(second.error.code);
    const excludedAsDrawn = second.draw.excluded.filter((e) =>
      e.reasons.some((r) => r.code === 'ALREADY_DRAWN_FOR_PROJECT'),
    );
    expect(excludedAsDrawn).toHaveLength(4);
    const merged = withSupplementaryDraw(state, second.draw);
    expect(merged.members).toHaveLength(3);
    expect(new Set([...merged.members, ...merged.declined, ...merged.reserves]).size).toBe(6);
    expect(() => supplementaryDrawRequest(request, merged, { reserves: 0, drawAt: again.drawAt })).toThrow(RangeError);
  });
});
