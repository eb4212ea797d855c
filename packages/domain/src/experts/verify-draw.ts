import type { Bilingual } from '../bilingual';
import { canonicalJson } from './canonical-json';
import { drawFromSnapshot } from './draw-committee';
import type { DrawnCommittee, ExclusionCode, ExpertDrawRequest } from './draw-types';
import { hashPoolSnapshot, snapshotRequestOf, withOutcome } from './pool-snapshot';
import type { PoolSnapshot } from './pool-snapshot-types';
import { checkSeed, commitSeed } from './seed-commitment';
import { validateDrawInput } from './validate-draw-input';

export type DrawMismatch =
  | { code: 'SEED_MALFORMED'; message: Bilingual }
  | { code: 'COMMITMENT_MISMATCH'; published: string; ofSeed: string; message: Bilingual }
  | { code: 'SNAPSHOT_HASH_MISMATCH'; published: string; ofSnapshot: string; message: Bilingual }
  | { code: 'REQUEST_MISMATCH'; fields: string[]; message: Bilingual }
  | {
      code: 'ELIGIBILITY_MISMATCH';
      experts: { expertId: string; recorded: readonly ExclusionCode[]; byTheRules: readonly ExclusionCode[] }[];
      message: Bilingual;
    }
  | { code: 'COMMITTEE_MISMATCH'; expected: DrawnCommittee | null; claimed: DrawnCommittee; message: Bilingual };

export type DrawVerification = { ok: true; committee: DrawnCommittee } | { ok: false; mismatches: DrawMismatch[] };

export interface DrawToVerify {
  /** The revealed seed. */
  seed: string;
  /** The commitment published before the draw. */
  commitment: string;
  /** The pool snapshot as disclosed (see `parsePoolSnapshot` for one read from JSON). */
  snapshot: PoolSnapshot;
  /** The snapshot hash recorded at the draw. */
  poolSnapshotHash: string;
  /** The draw request as the project records it. */
  request: ExpertDrawRequest;
  /** The committee and reserves the platform announced, in draw order. */
  claimedCommittee: DrawnCommittee;
}

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Re-runs a draw as a supervisor or the public verification page does, and names every check that fails: the seed
 * against its commitment, the snapshot against its hash, the snapshot's request against the project's, each
 * recorded outcome against the rules, and the committee against a fresh draw.
 */
export function verifyDraw(input: DrawToVerify): DrawVerification {
  const mismatches: DrawMismatch[] = [];
  const { seed, snapshot } = input;
  const seedCheck = checkSeed(seed);
  if (!seedCheck.ok) mismatches.push({ code: 'SEED_MALFORMED', message: seedCheck.message });
  else if (commitSeed(seed) !== input.commitment) {
    mismatches.push({
      code: 'COMMITMENT_MISMATCH',
      published: input.commitment,
      ofSeed: commitSeed(seed),
      message: { zh: '公布的种子与抽取前的承诺值不符', en: 'The revealed seed does not match the prior commitment' },
    });
  }

  const ofSnapshot = hashPoolSnapshot(snapshot);
  if (ofSnapshot !== input.poolSnapshotHash) {
    mismatches.push({
      code: 'SNAPSHOT_HASH_MISMATCH',
      published: input.poolSnapshotHash,
      ofSnapshot,
      message: { zh: '专家库快照与抽取时记录的哈希值不符', en: 'The pool snapshot does not match the recorded hash' },
    });
  }

  const requestFields = requestMismatches(input.request, snapshot);
  if (requestFields.length > 0) {
    mismatches.push({
      code: 'REQUEST_MISMATCH',
      fields: requestFields,
      message: {
        zh: `快照中的抽取条件与项目记录不符：${requestFields.join('、')}`,
        en: `The snapshot's draw request differs from the project's: ${requestFields.join(', ')}`,
      },
    });
  }

  const outcomes = snapshot.experts.flatMap((e) => {
    const byTheRules = withOutcome(e, snapshot.request).excludedFor;
    const agrees = sameList(byTheRules, e.excludedFor) && e.eligible === (byTheRules.length === 0);
    return agrees ? [] : [{ expertId: e.id, recorded: e.excludedFor, byTheRules }];
  });
  if (outcomes.length > 0) {
    const ids = outcomes.map((o) => o.expertId).join(', ');
    mismatches.push({
      code: 'ELIGIBILITY_MISMATCH',
      experts: outcomes,
      message: {
        zh: `快照记录的专家资格与回避规则的结果不符：${ids}`,
        en: `Recorded eligibility differs from what the rules give for: ${ids}`,
      },
    });
  }

  const claimed = input.claimedCommittee;
  const rerun = checkSeed(seed).ok ? drawFromSnapshot(seed, snapshot) : null;
  const expected = rerun?.ok ? rerun.committee : null;
  if (
    rerun !== null &&
    (expected === null ||
      !sameList(expected.members, claimed.members) ||
      !sameList(expected.reserves, claimed.reserves))
  ) {
    mismatches.push({
      code: 'COMMITTEE_MISMATCH',
      expected,
      claimed,
      message: {
        zh: '按种子和快照重新抽取的评审专家或备选顺序与公布结果不符',
        en: 'Re-running the draw from the seed and snapshot gives other members or another reserve order',
      },
    });
  }
  return mismatches.length === 0 && expected !== null ? { ok: true, committee: expected } : { ok: false, mismatches };
}

/** The request fields (keys of the snapshot's request) whose canonical form differs. */
function requestMismatches(request: ExpertDrawRequest, snapshot: PoolSnapshot): string[] {
  if (validateDrawInput(request, []).length > 0) return ['request'];
  const ours = snapshotRequestOf(request);
  const keys = Object.keys(ours) as (keyof typeof ours)[];
  return keys.filter((k) => canonicalJson(ours[k]) !== canonicalJson(snapshot.request[k]));
}
