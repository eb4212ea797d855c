import { describe, expect, it } from 'vitest';
import { AGENCY, BIDDERS, PURCHASER, USCC, baseRequest, expert } from './draw-test-fixtures';
import type { ExclusionCode, ExpertDrawRequest, ExpertForDraw } from './draw-types';
import { buildPoolSnapshot } from './pool-snapshot';

/** The exclusion codes of one expert under a request (an empty list: eligible). */
function codesOf(e: ExpertForDraw, request: ExpertDrawRequest = baseRequest()): readonly ExclusionCode[] {
  const pool = buildPoolSnapshot(request, [e]);
  if (!pool.ok) throw new Error(JSON.stringify(pool.problems));
  return pool.snapshot.experts[0]?.excludedFor ?? [];
}

describe('specialty matching: a requested code or a more specific code under it', () => {
  it.each([
    [['A0201'], ['A0201'], true],
    [['A02'], ['A0201'], true],
    [['A02'], ['A0202'], true],
    [['A0201'], ['A02'], false],
    [['A02'], ['A'], false],
    [['A02'], ['A0320'], false],
    [['C16', 'A05'], ['B01', 'a05'], true],
  ])('request %j, expert %j → %s', (requested, specialties, ok) => {
    const codes = codesOf(expert('x', { specialties }), baseRequest({ specialties: requested }));
    expect(codes.includes('SPECIALTY_MISMATCH')).toBe(!ok);
  });
});

describe('region filters', () => {
  it('excludes the project city and, with an include list, anything outside it', () => {
    expect(codesOf(expert('x', { region: '六盘水市' }))).toEqual(['REGION_EXCLUDED']);
    expect(codesOf(expert('x', { region: ' 六盘水市 ' }))).toEqual(['REGION_EXCLUDED']);
    const remote = baseRequest({ regions: { include: ['贵阳市', '遵义市'], exclude: [] } });
    expect(codesOf(expert('x', { region: '遵义市' }), remote)).toEqual([]);
    expect(codesOf(expert('x', { region: '安顺市' }), remote)).toEqual(['REGION_NOT_INCLUDED']);
    const both = baseRequest({ regions: { include: ['贵阳市'], exclude: ['贵阳市'] } });
    expect(codesOf(expert('x'), both)).toEqual(['REGION_EXCLUDED']);
  });
});

describe('employer avoidance (87号令 第四十七条, 实施条例 第九条)', () => {
  it.each([
    ['purchaser by USCC', PURCHASER.name + '分院', USCC.purchaser, 'EMPLOYER_IS_PURCHASER'],
    ['purchaser by name', '六盘水市第一人民医院', null, 'EMPLOYER_IS_PURCHASER'],
    ['agency', AGENCY.name, USCC.agency, 'EMPLOYER_IS_AGENCY'],
    ['bidder by USCC', '凉都信息', USCC.bidderA, 'EMPLOYER_IS_BIDDER'],
    ['bidder by name, full-width brackets and spaces', '水城(贵州) 软件有限公司', USCC.other, 'EMPLOYER_IS_BIDDER'],
  ])('%s', (_label, employerName, employerUscc, code) => {
    expect(codesOf(expert('x', { employerName, employerUscc }))).toEqual([code]);
  });

  it('trusts the USCC over the name when both sides have one', () => {
    expect(codesOf(expert('x', { employerName: PURCHASER.name, employerUscc: USCC.other }))).toEqual([]);
  });

  it('says which bidder matched, in both languages', () => {
    const pool = buildPoolSnapshot(baseRequest(), [expert('x', { employerName: 'x', employerUscc: USCC.bidderB })]);
    if (!pool.ok) throw new Error('invalid');
    const reason = pool.excluded[0]?.reasons[0];
    expect(reason?.detail).toBe(BIDDERS[1]?.name);
    expect(reason?.message.zh).toContain('贵州乌蒙数据服务有限公司');
    expect(reason?.message.en).toContain('Works for a bidder');
    expect(reason?.sources.map((s) => s.zh)).toContain('《政府采购法实施条例》第九条');
  });
});

describe('declared conflicts', () => {
  const conflict = (organisationName: string, organisationUscc: string | null, withdrawnAt: string | null = null) => ({
    organisationName,
    organisationUscc,
    withdrawnAt,
  });

  it('with the purchaser, the agency or a bidder', () => {
    const e = expert('x', {
      conflicts: [
        conflict('某医院', USCC.purchaser),
        conflict(AGENCY.name, null),
        conflict('水城（贵州）软件有限公司', null),
        conflict('无关单位', USCC.other),
      ],
    });
    expect(codesOf(e)).toEqual(['CONFLICT_WITH_PURCHASER', 'CONFLICT_WITH_AGENCY', 'CONFLICT_WITH_BIDDER']);
  });

  it('a conflict withdrawn before the draw instant no longer applies; one withdrawn after it still does', () => {
    const before = conflict(BIDDERS[0]?.name ?? '', USCC.bidderA, '2026-03-31T08:59:59+08:00');
    const atInstant = conflict(BIDDERS[0]?.name ?? '', USCC.bidderA, '2026-03-31T01:00:00Z');
    const after = conflict(BIDDERS[0]?.name ?? '', USCC.bidderA, '2026-03-31T09:00:01+08:00');
    expect(codesOf(expert('x', { conflicts: [before] }))).toEqual([]);
    expect(codesOf(expert('x', { conflicts: [atInstant] }))).toEqual([]);
    expect(codesOf(expert('x', { conflicts: [after] }))).toEqual(['CONFLICT_WITH_BIDDER']);
  });
});

describe('recent draws: the draw day and the N days before it', () => {
  // Draw on 2026-03-31 (Beijing), N = 30: 2026-03-01 is day D − 30 (excluded), 2026-02-28 is D − 31 (eligible).
  it.each([
    ['2026-03-01', true],
    ['2026-02-28', false],
    ['2026-03-31', true],
    ['2026-04-02', true],
  ])('drawn on %s → excluded: %s', (date, excluded) => {
    expect(codesOf(expert('x', { recentDrawDates: [date] })).includes('RECENTLY_DRAWN')).toBe(excluded);
  });

  it('counts from the Beijing date of the draw instant, not the UTC one', () => {
    // 2026-03-31T00:30+08:00 is 2026-03-30 in UTC, but the day in Beijing is the 31st.
    const request = baseRequest({ drawAt: '2026-03-30T16:30:00Z' });
    expect(codesOf(expert('x', { recentDrawDates: ['2026-03-01'] }), request)).toEqual(['RECENTLY_DRAWN']);
  });

  it('is configurable and 0 turns it off', () => {
    const e = expert('x', { recentDrawDates: ['2026-03-31', '2026-03-24'] });
    expect(codesOf(e, baseRequest({ recentDrawDays: 0 }))).toEqual([]);
    expect(codesOf(expert('x', { recentDrawDates: ['2026-03-24'] }), baseRequest({ recentDrawDays: 7 }))).toEqual([
      'RECENTLY_DRAWN',
    ]);
    expect(codesOf(expert('x', { recentDrawDates: ['2026-03-23'] }), baseRequest({ recentDrawDays: 7 }))).toEqual([]);
  });

  it('names the latest recent draw', () => {
    const pool = buildPoolSnapshot(baseRequest(), [expert('x', { recentDrawDates: ['2026-03-10', '2026-03-20'] })]);
    if (!pool.ok) throw new Error('invalid');
    expect(pool.excluded[0]?.reasons[0]?.detail).toBe('2026-03-20');
  });
});

describe('several reasons and supplementary draws', () => {
  it('lists every reason, in the fixed order', () => {
    const e = expert('x', {
      region: '六盘水市',
      employerName: PURCHASER.name,
      employerUscc: null,
      recentDrawDates: ['2026-03-30'],
    });
    expect(codesOf(e, baseRequest({ previouslyDrawn: ['x'] }))).toEqual([
      'REGION_EXCLUDED',
      'EMPLOYER_IS_PURCHASER',
      'RECENTLY_DRAWN',
      'ALREADY_DRAWN_FOR_PROJECT',
    ]);
  });

  it('works without an agency', () => {
    expect(codesOf(expert('x', { employerName: AGENCY.name }), baseRequest({ agency: null }))).toEqual([]);
  });
});

describe('bad input', () => {
  it('names each bad field', () => {
    const request = baseRequest({
      specialties: ['X99'],
      members: 0,
      reserves: -1,
      recentDrawDays: 1.5,
      drawAt: '2026-03-31T09:00',
      purchaser: { name: ' ', uscc: null },
    });
    const experts = [
      expert('a', { recentDrawDates: ['2026-02-30'] }),
      expert('a'),
      expert('中文', { specialties: [], region: '', employerName: '' }),
    ];
    const pool = buildPoolSnapshot(request, experts);
    expect(pool.ok).toBe(false);
    if (pool.ok) return;
    expect(pool.problems.map((p) => p.field)).toEqual([
      'request.specialties.0',
      'request.members',
      'request.reserves',
      'request.recentDrawDays',
      'request.drawAt',
      'request.purchaser.name',
      'experts.0.recentDrawDates.0',
      'experts.1.id',
      'experts.2.id',
      'experts.2.specialties',
      'experts.2.region',
      'experts.2.employerName',
    ]);
    expect(pool.problems.every((p) => p.message.zh !== '' && p.message.en !== '')).toBe(true);
  });
});
