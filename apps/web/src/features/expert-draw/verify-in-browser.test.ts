import { drawExperts, type ExpertDrawRequest, type ExpertForDraw } from '@zhengcai/domain';
import { describe, expect, it } from 'vitest';
import type { Verification } from './types';
import { verifyInBrowser } from './verify-in-browser';

const request: ExpertDrawRequest = {
  specialties: ['A0201'],
  members: 5,
  reserves: 2,
  regions: { include: [], exclude: [] },
  purchaser: { name: '六盘水市教育局', uscc: null },
  agency: { name: '贵州黔诚工程项目管理咨询有限公司', uscc: null },
  bidders: [],
  recentDrawDays: 30,
  previouslyDrawn: [],
  drawAt: '2026-03-31T01:00:00.000Z',
};
const experts: ExpertForDraw[] = Array.from({ length: 9 }, (_, i) => ({
  id: `00000000-0000-4000-8000-00000000000${i}`,
  specialties: ['A0201'],
  region: '贵阳市',
  employerName: `贵州大学${i}`,
  employerUscc: null,
  conflicts: [],
  recentDrawDates: [],
}));
const seed = '0f'.repeat(32);

/** The material as GET /api/expert-draws/{id}/verification sends it, after a JSON round trip. */
function material(): Verification {
  const result = drawExperts({ seed, request, experts });
  if (!result.ok) throw new Error('fixture draw failed');
  const { draw } = result;
  const body = {
    draw: { seedCommitment: draw.seedCommitment, poolSnapshotHash: draw.poolSnapshotHash },
    seed,
    request,
    poolSnapshot: draw.snapshot,
    committee: { members: draw.members, reserves: draw.reserves },
  };
  return JSON.parse(JSON.stringify(body)) as Verification;
}

describe('verifying a draw in the browser', () => {
  it('is consistent for the material as published, and computes the snapshot hash itself', () => {
    const m = material();
    expect(verifyInBrowser(m)).toEqual({ ok: true, mismatches: [], snapshotHash: m.draw.poolSnapshotHash });
  });

  it('catches one expert removed from the snapshot', () => {
    const m = material();
    const snapshot = m.poolSnapshot as { experts: unknown[] };
    snapshot.experts = snapshot.experts.slice(1);
    const check = verifyInBrowser(m);
    expect(check.ok).toBe(false);
    expect(check.mismatches.map((x) => x.code)).toContain('SNAPSHOT_HASH_MISMATCH');
    expect(check.snapshotHash).not.toBe(m.draw.poolSnapshotHash);
  });

  it('catches another committee than the seed gives, and a seed that is not the committed one', () => {
    const reordered = material();
    reordered.committee = {
      members: [...(reordered.committee?.members ?? [])].reverse(),
      reserves: reordered.committee?.reserves ?? [],
    };
    expect(verifyInBrowser(reordered).mismatches.map((x) => x.code)).toEqual(['COMMITTEE_MISMATCH']);
    const otherSeed = material();
    otherSeed.seed = 'ab'.repeat(32);
    expect(verifyInBrowser(otherSeed).mismatches.map((x) => x.code)).toContain('COMMITMENT_MISMATCH');
  });

  it('says the snapshot is malformed rather than failing, and waits for the seed before a draw', () => {
    const broken = material();
    broken.poolSnapshot = { version: 'something else' };
    expect(verifyInBrowser(broken)).toMatchObject({ ok: false, snapshotHash: null });
    expect(verifyInBrowser(broken).mismatches[0]?.message.zh).toContain('专家库快照格式不正确');
    const early = material();
    early.seed = null;
    early.committee = null;
    expect(verifyInBrowser(early).ok).toBeNull();
  });
});
