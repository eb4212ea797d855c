import { beijingDateOf, epochMillis, type Instant } from '../calendar/civil-date';
import { exclusionsOf } from './avoidance';
import { canonicalJson, compareCodePoints, sha256HexOfText, sortedUnique } from './canonical-json';
import type { DrawInputProblem, ExcludedExpert, ExpertDrawRequest, ExpertForDraw } from './draw-types';
import { normaliseRegion, organisationKey, type OrganisationKey } from './organisation-matching';
import {
  POOL_SNAPSHOT_VERSION,
  type PoolSnapshot,
  type SnapshotConflict,
  type SnapshotExpert,
  type SnapshotExpertFacts,
  type SnapshotRequest,
} from './pool-snapshot-types';
import { normaliseCategoryCode, validateDrawInput } from './validate-draw-input';

export interface PoolAssessment {
  snapshot: PoolSnapshot;
  /** Lower-case hex SHA-256 of the snapshot's RFC 8785 bytes. */
  poolSnapshotHash: string;
  /** Eligible expert ids in canonical (code point) order: the list the draw shuffles. */
  eligibleIds: readonly string[];
  /** Every expert not eligible, with each reason in both languages: why they were not drawn. */
  excluded: readonly ExcludedExpert[];
}

export type PoolAssessmentResult = ({ ok: true } & PoolAssessment) | { ok: false; problems: DrawInputProblem[] };

const utc = (instant: Instant): string => new Date(epochMillis(instant)).toISOString();
const keyOrder = (a: OrganisationKey, b: OrganisationKey): number =>
  compareCodePoints(a.uscc ?? '', b.uscc ?? '') || compareCodePoints(a.name, b.name);
const conflictOrder = (a: SnapshotConflict, b: SnapshotConflict): number =>
  keyOrder(a, b) || compareCodePoints(a.withdrawnAt ?? '', b.withdrawnAt ?? '');

/** The request in canonical form (call `validateDrawInput` first: this assumes it is well formed). */
export function snapshotRequestOf(request: ExpertDrawRequest): SnapshotRequest {
  const bidders = request.bidders.map((b) => organisationKey(b.name, b.uscc)).sort(keyOrder);
  return {
    specialties: sortedUnique(request.specialties.map(normaliseCategoryCode)),
    members: request.members,
    reserves: request.reserves,
    includeRegions: sortedUnique(request.regions.include.map(normaliseRegion)),
    excludeRegions: sortedUnique(request.regions.exclude.map(normaliseRegion)),
    purchaser: organisationKey(request.purchaser.name, request.purchaser.uscc),
    agency: request.agency === null ? null : organisationKey(request.agency.name, request.agency.uscc),
    bidders: bidders.filter((b, i) => i === 0 || keyOrder(b, bidders[i - 1] ?? b) !== 0),
    recentDrawDays: request.recentDrawDays,
    previouslyDrawn: sortedUnique(request.previouslyDrawn),
    drawAt: utc(request.drawAt),
    drawDate: beijingDateOf(request.drawAt),
  };
}

function factsOf(expert: ExpertForDraw): SnapshotExpertFacts {
  const conflicts = expert.conflicts.map((c) => ({
    ...organisationKey(c.organisationName, c.organisationUscc),
    withdrawnAt: c.withdrawnAt === null ? null : utc(c.withdrawnAt),
  }));
  return {
    id: expert.id,
    specialties: sortedUnique(expert.specialties.map(normaliseCategoryCode)),
    region: normaliseRegion(expert.region),
    employer: organisationKey(expert.employerName, expert.employerUscc),
    conflicts: conflicts.sort(conflictOrder),
    recentDrawDates: sortedUnique(expert.recentDrawDates),
  };
}

/** The facts with the outcome the rules give; the order of the keys does not matter (canonical JSON sorts them). */
export function withOutcome(facts: SnapshotExpertFacts, request: SnapshotRequest): SnapshotExpert {
  const reasons = exclusionsOf(facts, request);
  return { ...facts, eligible: reasons.length === 0, excludedFor: reasons.map((r) => r.code) };
}

/** SHA-256 (lower-case hex) of the snapshot's canonical bytes: `poolSnapshotHash`. */
export function hashPoolSnapshot(snapshot: PoolSnapshot): string {
  return sha256HexOfText(canonicalJson(snapshot));
}

/** Eligible ids of a snapshot in canonical (code point) order, whatever order the snapshot lists them in. */
export function eligibleIdsOf(snapshot: PoolSnapshot): string[] {
  return sortedUnique(snapshot.experts.filter((e) => e.eligible).map((e) => e.id));
}

/** Why each expert of a snapshot is not eligible, in both languages (re-derived from the recorded facts). */
export function excludedExpertsOf(snapshot: PoolSnapshot): ExcludedExpert[] {
  return snapshot.experts
    .filter((e) => !e.eligible)
    .map((e) => ({ expertId: e.id, reasons: exclusionsOf(e, snapshot.request) }));
}

/**
 * Applies the avoidance rules to the whole pool and fixes it as a snapshot: every expert passed in appears, eligible
 * or excluded with the codes of the rules that excluded them. Pass the whole active pool, not a pre-filtered one,
 * so that the record shows why each expert was not drawn.
 */
export function buildPoolSnapshot(request: ExpertDrawRequest, experts: readonly ExpertForDraw[]): PoolAssessmentResult {
  const problems = validateDrawInput(request, experts);
  if (problems.length > 0) return { ok: false, problems };
  const canonicalRequest = snapshotRequestOf(request);
  const entries = experts
    .map((e) => withOutcome(factsOf(e), canonicalRequest))
    .sort((a, b) => compareCodePoints(a.id, b.id));
  const snapshot: PoolSnapshot = { version: POOL_SNAPSHOT_VERSION, request: canonicalRequest, experts: entries };
  return {
    ok: true,
    snapshot,
    poolSnapshotHash: hashPoolSnapshot(snapshot),
    eligibleIds: eligibleIdsOf(snapshot),
    excluded: excludedExpertsOf(snapshot),
  };
}
