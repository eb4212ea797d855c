import type { IsoDate } from '../calendar/civil-date';
import type { ExclusionCode } from './draw-types';
import type { OrganisationKey } from './organisation-matching';

/** The version tag that opens every snapshot; a change to the form or the rules gets a new one. */
export const POOL_SNAPSHOT_VERSION = 'ZC-EXPERT-POOL-1';

/**
 * The request as the record holds it: every value normalised (names, USCCs, regions, codes), every list sorted by
 * code point and without duplicates, instants as UTC `YYYY-MM-DDTHH:mm:ss.sssZ`. (Type aliases, not interfaces,
 * so they are canonical JSON objects.)
 */
export type SnapshotRequest = {
  specialties: readonly string[];
  members: number;
  reserves: number;
  includeRegions: readonly string[];
  excludeRegions: readonly string[];
  purchaser: OrganisationKey;
  agency: OrganisationKey | null;
  /** Sorted by (uscc or "", name). */
  bidders: readonly OrganisationKey[];
  recentDrawDays: number;
  previouslyDrawn: readonly string[];
  drawAt: string;
  /** The Beijing date of `drawAt`: the day the recent-draw period counts from. */
  drawDate: IsoDate;
};

export type SnapshotConflict = {
  name: string;
  uscc: string | null;
  withdrawnAt: string | null;
};

/** One expert of the pool: the fields the rules read, then the outcome they gave. */
export type SnapshotExpert = {
  id: string;
  specialties: readonly string[];
  region: string;
  employer: OrganisationKey;
  /** Sorted by (uscc or "", name, withdrawnAt or ""). */
  conflicts: readonly SnapshotConflict[];
  recentDrawDates: readonly IsoDate[];
  eligible: boolean;
  /** Empty for an eligible expert; in the order of `EXCLUSION_CODES`. */
  excludedFor: readonly ExclusionCode[];
};

/** The whole input of a draw except the seed; its SHA-256 is `poolSnapshotHash`. Experts sorted by id. */
export type PoolSnapshot = {
  version: typeof POOL_SNAPSHOT_VERSION;
  request: SnapshotRequest;
  experts: readonly SnapshotExpert[];
};

/** An expert's rule inputs, before the outcome is added. */
export type SnapshotExpertFacts = Omit<SnapshotExpert, 'eligible' | 'excludedFor'>;
