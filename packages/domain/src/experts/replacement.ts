import type { Bilingual } from '../bilingual';
import type { Instant } from '../calendar/civil-date';
import { sortedUnique } from './canonical-json';
import type { DrawnCommittee, ExpertDrawRequest } from './draw-types';

/** Where a drawn committee stands while the experts confirm (C11 confirmation). */
export interface CommitteeState {
  /** The drawn experts now on the committee, in seat order; a declined seat goes to the reserve who replaces them. */
  members: readonly string[];
  /** Reserves not yet called, in draw order. */
  reserves: readonly string[];
  /** Experts who declined or did not confirm in time, in the order they did. */
  declined: readonly string[];
}

export type Replacement =
  | { ok: true; state: CommitteeState; replaced: string | null; steppedIn: string | null }
  | {
      ok: false;
      code: 'RESERVES_EXHAUSTED';
      /** The state with the decliner's seat empty: record it, then run a supplementary draw. */
      state: CommitteeState;
      message: Bilingual;
    }
  | { ok: false; code: 'NOT_IN_DRAW' | 'ALREADY_DECLINED'; message: Bilingual };

export function committeeStateOf(draw: DrawnCommittee): CommitteeState {
  return { members: [...draw.members], reserves: [...draw.reserves], declined: [] };
}

/**
 * An expert declines or fails to confirm. A member's seat goes to the first reserve in draw order (87号令 and the
 * draw record: reserves are called in the order drawn, never chosen); a reserve who declines before being called
 * is struck off the list. With no reserve left the seat stays empty and a supplementary draw is needed.
 */
export function replaceDeclined(state: CommitteeState, expertId: string): Replacement {
  if (state.declined.includes(expertId)) {
    return {
      ok: false,
      code: 'ALREADY_DECLINED',
      message: { zh: '该专家已记录为拒绝', en: 'This expert has already declined' },
    };
  }
  const declined = [...state.declined, expertId];
  if (state.reserves.includes(expertId)) {
    const reserves = state.reserves.filter((id) => id !== expertId);
    return { ok: true, state: { members: state.members, reserves, declined }, replaced: null, steppedIn: null };
  }
  const seat = state.members.indexOf(expertId);
  if (seat < 0) {
    return {
      ok: false,
      code: 'NOT_IN_DRAW',
      message: {
        zh: '该专家不在本次抽取的专家或备选名单中',
        en: 'This expert is neither a member nor a reserve of this draw',
      },
    };
  }
  const [next, ...rest] = state.reserves;
  if (next === undefined) {
    const members = state.members.filter((id) => id !== expertId);
    return {
      ok: false,
      code: 'RESERVES_EXHAUSTED',
      state: { members, reserves: [], declined },
      message: {
        zh: '备选专家已用完，须以新的随机种子从剩余专家中补充抽取',
        en: 'No reserves left: draw again from the remaining pool with a fresh seed',
      },
    };
  }
  const members = state.members.map((id, i) => (i === seat ? next : id));
  return { ok: true, state: { members, reserves: rest, declined }, replaced: expertId, steppedIn: next };
}

/**
 * The request of a supplementary draw: as many members as there are empty seats, over the same pool with everyone
 * already drawn for the project excluded (`ALREADY_DRAWN_FOR_PROJECT`), at a new instant, to run with a fresh seed
 * and its own commitment.
 */
export function supplementaryDrawRequest(
  original: ExpertDrawRequest,
  state: CommitteeState,
  options: { reserves: number; drawAt: Instant },
): ExpertDrawRequest {
  const vacancies = original.members - state.members.length;
  if (vacancies < 1) throw new RangeError('the committee has no empty seat');
  const drawn = [...original.previouslyDrawn, ...state.members, ...state.reserves, ...state.declined];
  return {
    ...original,
    members: vacancies,
    reserves: options.reserves,
    previouslyDrawn: sortedUnique(drawn),
    drawAt: options.drawAt,
  };
}

/** The state after a supplementary draw: its members fill the empty seats, its reserves follow the old ones. */
export function withSupplementaryDraw(state: CommitteeState, draw: DrawnCommittee): CommitteeState {
  return {
    members: [...state.members, ...draw.members],
    reserves: [...state.reserves, ...draw.reserves],
    declined: state.declined,
  };
}
