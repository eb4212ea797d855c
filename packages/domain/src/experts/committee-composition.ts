import type { Bilingual } from '../bilingual';
import type { Citation } from '../rules/rule-types';
import { EXPERT_CITE as CITE } from './expert-citations';

/** 87号令 第四十七条: five or more members, an odd number. */
export const MIN_COMMITTEE_MEMBERS = 5;
/** 87号令 第四十七条: seven or more for a budget of 10 million yuan and above, or a complex or high-impact project. */
export const MIN_COMMITTEE_MEMBERS_LARGE = 7;
/** 1000万元 in fen; "以上" includes the amount itself (《民法典》第一千二百五十九条). */
export const LARGE_PROJECT_BUDGET_FEN = 1_000_000_000;

export interface CommitteeProject {
  budgetFen: number;
  /** 技术复杂 */
  technicallyComplex: boolean;
  /** 社会影响较大 */
  highSocialImpact: boolean;
}

/** 5, or 7 for the projects 87号令 第四十七条第二款 names. */
export function minimumCommitteeSize(project: CommitteeProject): number {
  const large = project.budgetFen >= LARGE_PROJECT_BUDGET_FEN || project.technicallyComplex || project.highSocialImpact;
  return large ? MIN_COMMITTEE_MEMBERS_LARGE : MIN_COMMITTEE_MEMBERS;
}

export interface CommitteeComposition {
  /** Experts drawn at random from the library (including reserves who stepped in). */
  drawnExperts: number;
  /** The purchaser's representatives (采购人代表), who may sit. */
  purchaserRepresentatives: number;
  project: CommitteeProject;
}

export type CompositionProblemCode = 'COMMITTEE_TOO_SMALL' | 'COMMITTEE_SIZE_EVEN' | 'DRAWN_EXPERTS_BELOW_TWO_THIRDS';

export interface CompositionProblem {
  code: CompositionProblemCode;
  required: number;
  actual: number;
  message: Bilingual;
  sources: readonly Citation[];
}

export type CompositionCheck =
  { ok: true; members: number } | { ok: false; members: number; problems: CompositionProblem[] };

/**
 * The committee's composition (PRODUCT.md §3.4, 87号令 第四十七条, 实施条例 第三十九条): at least 5 (or 7)
 * members, an odd number, and the randomly drawn experts at least two thirds of the members.
 */
export function checkCommitteeComposition(input: CommitteeComposition): CompositionCheck {
  const { drawnExperts, purchaserRepresentatives } = input;
  for (const n of [drawnExperts, purchaserRepresentatives]) {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a number of people: ${n}`);
  }
  const members = drawnExperts + purchaserRepresentatives;
  const minimum = minimumCommitteeSize(input.project);
  const sources = [CITE.mof87Art47];
  const problems: CompositionProblem[] = [];
  if (members < minimum) {
    problems.push({
      code: 'COMMITTEE_TOO_SMALL',
      required: minimum,
      actual: members,
      message: {
        zh: `评标委员会成员应为${minimum}人以上单数，现为${members}人`,
        en: `The committee needs ${minimum} or more members (an odd number); it has ${members}`,
      },
      sources,
    });
  }
  if (members % 2 === 0) {
    problems.push({
      code: 'COMMITTEE_SIZE_EVEN',
      required: members + 1,
      actual: members,
      message: {
        zh: `评标委员会成员人数应为单数，现为${members}人`,
        en: `The committee must have an odd number of members; it has ${members}`,
      },
      sources,
    });
  }
  // drawn ≥ ⅔ × members, in integers: 3 × drawn ≥ 2 × members.
  if (3 * drawnExperts < 2 * members) {
    const required = Math.ceil((2 * members) / 3);
    problems.push({
      code: 'DRAWN_EXPERTS_BELOW_TWO_THIRDS',
      required,
      actual: drawnExperts,
      message: {
        zh: `随机抽取的评审专家不得少于成员总数的三分之二（${members}人中至少${required}人），现为${drawnExperts}人`,
        en: `Randomly drawn experts must be at least two thirds of the members (${required} of ${members}); there are ${drawnExperts}`,
      },
      sources: [CITE.mof87Art47, CITE.regArt39],
    });
  }
  return problems.length === 0 ? { ok: true, members } : { ok: false, members, problems };
}
