import { canonicalJson, compareCodePoints, sha256HexOfText } from './canonical-json';
import { SEAT_DECLINED_STATES, SEAT_HOLDING_STATES, type SeatState } from './draw-lifecycle';
import type { DrawnCommittee } from './draw-types';
import type { CommitteeState } from './replacement';

/** One drawn expert as the server records them (apps/server `expert_draw_seats`), in the terms the rules need. */
export interface SeatRecord {
  expertId: string;
  /** 0 for the lot's first draw, then 1, 2 … for its supplementary draws in the order they were drawn. */
  drawIndex: number;
  role: 'member' | 'reserve';
  /** 1-based place in its draw's order, per role (members 1…m, reserves 1…r). */
  position: number;
  status: SeatState;
  /** The committee seat (1…N) held or last held; null for a reserve never called. */
  seat: number | null;
  /** When the expert declined or timed out (UTC ISO); orders the decliners. */
  respondedAt: string | null;
}

export const COMMITTEE_STATUSES = ['confirming', 'complete', 'vacant'] as const;
export type CommitteeStatus = (typeof COMMITTEE_STATUSES)[number];

export interface CommitteeProgress {
  /** Seats the committee's drawn experts fill (the first draw's members). */
  seats: number;
  /** Seats with an expert (invited or confirmed). */
  held: number;
  confirmed: number;
  /** Seat numbers without an expert, ascending: what a supplementary draw fills. */
  vacantSeats: number[];
  /** Reserves not yet called. */
  reservesLeft: number;
  /** `vacant`: a seat is empty and no reserve is left; `complete`: every seat confirmed; else `confirming`. */
  status: CommitteeStatus;
}

const holds = (s: SeatRecord) => SEAT_HOLDING_STATES.includes(s.status) && s.seat !== null;

/**
 * The committee as `replaceDeclined` reads it, from the recorded seats of a lot's draws: members in seat order,
 * reserves not yet called in draw order (the first draw's, then each supplementary draw's), decliners in the order
 * they declined.
 */
export function committeeStateOfSeats(seats: readonly SeatRecord[]): CommitteeState {
  const members = seats.filter(holds).sort((a, b) => (a.seat ?? 0) - (b.seat ?? 0));
  const reserves = seats
    .filter((s) => s.status === 'standby')
    .sort((a, b) => a.drawIndex - b.drawIndex || a.position - b.position);
  const declined = seats
    .filter((s) => SEAT_DECLINED_STATES.includes(s.status))
    .sort(
      (a, b) =>
        compareCodePoints(a.respondedAt ?? '', b.respondedAt ?? '') || compareCodePoints(a.expertId, b.expertId),
    );
  return {
    members: members.map((s) => s.expertId),
    reserves: reserves.map((s) => s.expertId),
    declined: declined.map((s) => s.expertId),
  };
}

/** Where the committee of `seats` seats stands. */
export function committeeProgress(seats: number, records: readonly SeatRecord[]): CommitteeProgress {
  const taken = new Set(records.filter(holds).map((s) => s.seat));
  const vacantSeats = Array.from({ length: seats }, (_, i) => i + 1).filter((n) => !taken.has(n));
  const confirmed = records.filter((s) => s.status === 'confirmed' && s.seat !== null).length;
  const reservesLeft = records.filter((s) => s.status === 'standby').length;
  const status: CommitteeStatus =
    vacantSeats.length > 0 && reservesLeft === 0 ? 'vacant' : confirmed === seats ? 'complete' : 'confirming';
  return { seats, held: seats - vacantSeats.length, confirmed, vacantSeats, reservesLeft, status };
}

/**
 * SHA-256 (lower-case hex) of the drawn committee `{ members, reserves }` (ids in draw order) as RFC 8785 JSON: the
 * ledger records it when the draw runs, so the result is fixed on the record without naming anyone.
 */
export function committeeHash(committee: DrawnCommittee): string {
  return sha256HexOfText(canonicalJson({ members: [...committee.members], reserves: [...committee.reserves] }));
}
