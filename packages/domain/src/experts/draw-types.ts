import type { Bilingual } from '../bilingual';
import type { Instant, IsoDate } from '../calendar/civil-date';
import type { Citation } from '../rules/rule-types';

/** An organisation the draw must avoid: the purchaser, the agency or a bidder. */
export interface DrawParty {
  name: string;
  /** 统一社会信用代码 when known; organisations are matched by it when both sides have one, else by name. */
  uscc: string | null;
}

/** A conflict the expert declared (apps/server `expert_conflicts`), kept after withdrawal as evidence. */
export interface DeclaredConflict {
  organisationName: string;
  organisationUscc: string | null;
  /** When the expert withdrew it; a conflict withdrawn after the draw instant still applies. */
  withdrawnAt: Instant | null;
}

/** What the rules read from an expert's profile (apps/server `expert_profiles`) and draw history. */
export interface ExpertForDraw {
  /** The expert's user id; printable ASCII (UUIDs in the platform), unique in the pool. */
  id: string;
  /** Category codes (e.g. "A0201"), at least one. */
  specialties: readonly string[];
  /** Administrative division name as stored (e.g. "六盘水市"). */
  region: string;
  employerName: string;
  employerUscc: string | null;
  conflicts: readonly DeclaredConflict[];
  /** Beijing dates on which the expert was drawn for other committees (only the recent ones are needed). */
  recentDrawDates: readonly IsoDate[];
}

/** One expert draw (C11): what to draw, from where, and whom to avoid. */
export interface ExpertDrawRequest {
  /**
   * Category codes. An expert matches when one of their specialties is a requested code or a more specific code
   * under it (request A02: experts in A02, A0201, A0202 …); an expert declared only in the broader A does not match.
   */
  specialties: readonly string[];
  /** Experts to draw for the committee (the purchaser's representatives are not drawn). */
  members: number;
  /** Reserves, drawn in order after the members. */
  reserves: number;
  regions: {
    /** When not empty, only experts of these regions (e.g. other cities for 远程异地评标). */
    include: readonly string[];
    /** Experts of these regions are excluded (e.g. the project's own city). */
    exclude: readonly string[];
  };
  purchaser: DrawParty;
  agency: DrawParty | null;
  bidders: readonly DrawParty[];
  /** Experts drawn on the draw day or in the N days before it are excluded; 0 turns the rule off. */
  recentDrawDays: number;
  /** Expert ids already drawn for this project (members, reserves, those who declined): a supplementary draw. */
  previouslyDrawn: readonly string[];
  /** The server's instant of the draw. */
  drawAt: Instant;
}

/** Why an expert is not eligible; an expert may have several. The order is the order of `EXCLUSION_CODES`. */
export const EXCLUSION_CODES = [
  'SPECIALTY_MISMATCH',
  'REGION_NOT_INCLUDED',
  'REGION_EXCLUDED',
  'EMPLOYER_IS_PURCHASER',
  'EMPLOYER_IS_AGENCY',
  'EMPLOYER_IS_BIDDER',
  'CONFLICT_WITH_PURCHASER',
  'CONFLICT_WITH_AGENCY',
  'CONFLICT_WITH_BIDDER',
  'RECENTLY_DRAWN',
  'ALREADY_DRAWN_FOR_PROJECT',
] as const;
export type ExclusionCode = (typeof EXCLUSION_CODES)[number];

export interface ExclusionReason {
  code: ExclusionCode;
  /** What matched: the party's name, the region, the last draw date, … */
  detail: string;
  message: Bilingual;
  sources: readonly Citation[];
}

export interface ExcludedExpert {
  expertId: string;
  reasons: readonly ExclusionReason[];
}

/** A problem with the request or the pool, named by field path (`request.members`, `experts.3.region`). */
export interface DrawInputProblem {
  field: string;
  message: Bilingual;
}

/** The drawn experts: `members` are the committee's drawn experts, `reserves` replace decliners in this order. */
export interface DrawnCommittee {
  members: readonly string[];
  reserves: readonly string[];
}
