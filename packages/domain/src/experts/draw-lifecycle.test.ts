import { describe, expect, it } from 'vitest';
import { nextState } from '../state-machine';
import {
  DRAW_EVENTS,
  DRAW_STATES,
  DRAW_TRANSITIONS,
  SEAT_EVENTS,
  SEAT_STATES,
  SEAT_TRANSITIONS,
} from './draw-lifecycle';

describe('expert draw lifecycle', () => {
  const expected: Record<string, string | null> = { 'committed/draw': 'drawn' };
  for (const state of DRAW_STATES) {
    for (const event of DRAW_EVENTS) {
      const key = `${state}/${event}`;
      it(`${key} → ${expected[key] ?? 'refused'}`, () => {
        expect(nextState(DRAW_TRANSITIONS, state, event)).toBe(expected[key] ?? null);
      });
    }
  }
});

describe('drawn expert (seat) lifecycle', () => {
  const expected: Record<string, string | null> = {
    'standby/call': 'invited',
    'invited/confirm': 'confirmed',
    'invited/decline': 'declined',
    'invited/time_out': 'timed_out',
  };
  for (const state of SEAT_STATES) {
    for (const event of SEAT_EVENTS) {
      const key = `${state}/${event}`;
      it(`${key} → ${expected[key] ?? 'refused'}`, () => {
        expect(nextState(SEAT_TRANSITIONS, state, event)).toBe(expected[key] ?? null);
      });
    }
  }
});
