import { describe, expect, it } from 'vitest';
import { committeeHash, committeeProgress, committeeStateOfSeats, type SeatRecord } from './committee-seats';
import { replaceDeclined } from './replacement';

const seat = (expertId: string, over: Partial<SeatRecord>): SeatRecord => ({
  expertId,
  drawIndex: 0,
  role: 'member',
  position: 1,
  status: 'invited',
  seat: null,
  respondedAt: null,
  ...over,
});

/** Three seats: m2 declined and r1 stepped into seat 2; r2 still waits; a supplementary draw added reserve s1. */
const records: SeatRecord[] = [
  seat('m1', { position: 1, seat: 1, status: 'confirmed' }),
  seat('m2', { position: 2, seat: 2, status: 'declined', respondedAt: '2026-03-31T02:00:00.000Z' }),
  seat('m3', { position: 3, seat: 3 }),
  seat('r1', { role: 'reserve', position: 1, seat: 2 }),
  seat('s1', { role: 'reserve', position: 1, drawIndex: 1, status: 'standby' }),
  seat('r2', { role: 'reserve', position: 2, status: 'standby' }),
];

describe('the committee from its recorded seats', () => {
  it('members in seat order, reserves in draw order across draws, decliners in the order they answered', () => {
    expect(committeeStateOfSeats(records)).toEqual({
      members: ['m1', 'r1', 'm3'],
      reserves: ['r2', 's1'],
      declined: ['m2'],
    });
  });

  it('feeds replaceDeclined: the next reserve of the first draw comes before a supplementary draw’s', () => {
    const next = replaceDeclined(committeeStateOfSeats(records), 'm3');
    expect(next).toMatchObject({ ok: true, steppedIn: 'r2', replaced: 'm3' });
  });

  it('orders decliners who answered at the same instant by id, so every reader gets the same list', () => {
    const at = '2026-03-31T02:00:00.000Z';
    const state = committeeStateOfSeats([
      seat('b', { status: 'timed_out', respondedAt: at, seat: 1 }),
      seat('a', { status: 'declined', respondedAt: at, seat: 2 }),
    ]);
    expect(state.declined).toEqual(['a', 'b']);
  });
});

describe('committee progress', () => {
  it('is confirming while seats wait for answers', () => {
    expect(committeeProgress(3, records)).toEqual({
      seats: 3,
      held: 3,
      confirmed: 1,
      vacantSeats: [],
      reservesLeft: 2,
      status: 'confirming',
    });
  });

  it('is complete when every seat is confirmed', () => {
    const all = records.map((r) => (r.status === 'invited' ? { ...r, status: 'confirmed' as const } : r));
    expect(committeeProgress(3, all).status).toBe('complete');
  });

  it('is vacant when a seat is empty and no reserve is left, naming the empty seats', () => {
    const noReserves = records
      .filter((r) => r.status !== 'standby')
      .map((r) => (r.expertId === 'm3' ? { ...r, status: 'declined' as const } : r));
    expect(committeeProgress(3, noReserves)).toMatchObject({ held: 2, vacantSeats: [3], status: 'vacant' });
  });

  it('an empty seat with reserves left is still confirming (the reserve is being called)', () => {
    const gap = records.map((r) => (r.expertId === 'm3' ? { ...r, status: 'declined' as const } : r));
    expect(committeeProgress(3, gap)).toMatchObject({ vacantSeats: [3], status: 'confirming' });
  });
});

describe('committee hash', () => {
  it('is the SHA-256 of the canonical JSON of the ids in draw order, and changes with the order', () => {
    const a = committeeHash({ members: ['x', 'y'], reserves: ['z'] });
    // sha256sum of the RFC 8785 text {"members":["x","y"],"reserves":["z"]} (keys sorted, no white space).
    expect(a).toBe('b4138489c89079d758429570afed6e7ed6d06da235052eb7ecebe3999c859ce3');
    expect(committeeHash({ members: ['y', 'x'], reserves: ['z'] })).not.toBe(a);
    expect(committeeHash({ members: ['x'], reserves: ['y', 'z'] })).not.toBe(a);
  });
});
