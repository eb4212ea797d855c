import type { TransitionTable } from '../state-machine';

/**
 * One expert draw (ADR 0019): `committed` once the seed's commitment and the frozen pool snapshot are on the record,
 * `drawn` once the host has run it. The seed is fixed before anyone can see the result, so there is no state in
 * which a draw can be repeated or withdrawn: a draw that was committed is drawn from that seed or not at all.
 */
export const DRAW_STATES = ['committed', 'drawn'] as const;
export type DrawState = (typeof DRAW_STATES)[number];

export const DRAW_EVENTS = ['draw'] as const;
export type DrawEvent = (typeof DRAW_EVENTS)[number];

export const DRAW_TRANSITIONS: TransitionTable<DrawState, DrawEvent> = {
  committed: { draw: 'drawn' },
  drawn: {},
} satisfies Record<DrawState, Partial<Record<DrawEvent, DrawState>>>;

/**
 * A drawn expert's place (C11 confirmation): a member is `invited` at once; a reserve waits on `standby` until a
 * seat falls to them (`call`). An invited expert confirms, declines with a reason, or lets the confirmation window
 * pass (`timed_out`, which counts as declining). A confirmation is final here: an expert who can no longer come
 * after confirming tells the host, who records it outside this flow (ADR 0019).
 */
export const SEAT_STATES = ['standby', 'invited', 'confirmed', 'declined', 'timed_out'] as const;
export type SeatState = (typeof SEAT_STATES)[number];

export const SEAT_EVENTS = ['call', 'confirm', 'decline', 'time_out'] as const;
export type SeatEvent = (typeof SEAT_EVENTS)[number];

export const SEAT_TRANSITIONS: TransitionTable<SeatState, SeatEvent> = {
  standby: { call: 'invited' },
  invited: { confirm: 'confirmed', decline: 'declined', time_out: 'timed_out' },
  confirmed: {},
  declined: {},
  timed_out: {},
} satisfies Record<SeatState, Partial<Record<SeatEvent, SeatState>>>;

/** The expert holds a committee seat in these states (answer awaited, or confirmed). */
export const SEAT_HOLDING_STATES: readonly SeatState[] = ['invited', 'confirmed'];
/** The expert is out of this committee (declined, or did not answer in time). */
export const SEAT_DECLINED_STATES: readonly SeatState[] = ['declined', 'timed_out'];
