import type { Bilingual } from '../bilingual';
import { drawRandom } from './draw-random';
import type { DrawInputProblem, DrawnCommittee, ExpertDrawRequest, ExpertForDraw } from './draw-types';
import { notEnoughEligible, type NotEnoughEligible } from './exclusion-summary';
import { buildPoolSnapshot, eligibleIdsOf, hashPoolSnapshot, type PoolAssessment } from './pool-snapshot';
import type { PoolSnapshot } from './pool-snapshot-types';
import { checkSeed, commitSeed } from './seed-commitment';

export type DrawError =
  | { code: 'INVALID_DRAW_INPUT'; problems: DrawInputProblem[]; message: Bilingual }
  | { code: 'SEED_MALFORMED'; message: Bilingual }
  | NotEnoughEligible;

export type CommitteeFromSnapshot =
  { ok: true; committee: DrawnCommittee; poolSnapshotHash: string } | { ok: false; error: DrawError };

/**
 * Partial Fisher–Yates: for j = 0 … k−1, r = below(n − j), swap positions j and j + r; the first k positions are
 * the result, in draw order. Every ordered choice of k distinct ids has probability (n−k)!/n!.
 */
export function selectInDrawOrder(ids: readonly string[], k: number, random: { below(n: number): number }): string[] {
  const order = [...ids];
  if (!Number.isSafeInteger(k) || k < 0 || k > order.length)
    throw new RangeError(`cannot select ${k} of ${order.length}`);
  for (let j = 0; j < k; j++) {
    const r = j + random.below(order.length - j);
    const picked = order[r] ?? '';
    order[r] = order[j] ?? '';
    order[j] = picked;
  }
  return order.slice(0, k);
}

/**
 * The draw from a fixed snapshot: the eligible ids in canonical order, shuffled by the stream of (seed, snapshot
 * hash); the first `members` are the committee's experts, the next `reserves` the reserves in order. The same seed
 * and snapshot give the same result on any machine, in any language that follows ADR 0018.
 */
export function drawFromSnapshot(seed: string, snapshot: PoolSnapshot): CommitteeFromSnapshot {
  const seedCheck = checkSeed(seed);
  if (!seedCheck.ok) return { ok: false, error: { code: seedCheck.code, message: seedCheck.message } };
  const poolSnapshotHash = hashPoolSnapshot(snapshot);
  const eligible = eligibleIdsOf(snapshot);
  const { members, reserves } = snapshot.request;
  if (eligible.length < members + reserves) return { ok: false, error: notEnoughEligible(snapshot, eligible.length) };
  const drawn = selectInDrawOrder(eligible, members + reserves, drawRandom(seed, poolSnapshotHash));
  return {
    ok: true,
    committee: { members: drawn.slice(0, members), reserves: drawn.slice(members) },
    poolSnapshotHash,
  };
}

export interface ExpertDraw extends PoolAssessment, DrawnCommittee {
  /** `commitSeed(seed)`: the value published before the draw, for the record. */
  seedCommitment: string;
}

export type ExpertDrawResult = { ok: true; draw: ExpertDraw } | { ok: false; error: DrawError };

/** Assesses the pool, fixes the snapshot and draws: the whole draw in one call. */
export function drawExperts(input: {
  seed: string;
  request: ExpertDrawRequest;
  experts: readonly ExpertForDraw[];
}): ExpertDrawResult {
  const seedCheck = checkSeed(input.seed);
  if (!seedCheck.ok) return { ok: false, error: { code: seedCheck.code, message: seedCheck.message } };
  const pool = buildPoolSnapshot(input.request, input.experts);
  if (!pool.ok) {
    const message = { zh: '抽取条件或专家库数据有误', en: 'The draw request or the pool has errors' };
    return { ok: false, error: { code: 'INVALID_DRAW_INPUT', problems: pool.problems, message } };
  }
  const result = drawFromSnapshot(input.seed, pool.snapshot);
  if (!result.ok) return result;
  const { ok: _ok, ...assessment } = pool;
  return { ok: true, draw: { ...assessment, ...result.committee, seedCommitment: commitSeed(input.seed) } };
}
