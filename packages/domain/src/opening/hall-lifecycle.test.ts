import { describe, expect, it } from 'vitest';
import { nextState } from '../state-machine';
import {
  HALL_EVENTS,
  HALL_STATES,
  HALL_TRANSITIONS,
  OPENING_BID_EVENTS,
  OPENING_BID_STATES,
  OPENING_BID_TRANSITIONS,
} from './hall-lifecycle';

describe('opening hall lifecycle', () => {
  const expected: Record<string, string | null> = {
    'open/start_decryption': 'decrypting',
    'decrypting/close': 'read_out',
    'read_out/host_sign': 'signed',
    'signed/supervisor_sign': 'published',
    'signed/publish': 'published',
  };
  for (const state of HALL_STATES) {
    for (const event of HALL_EVENTS) {
      const key = `${state}/${event}`;
      it(`${key} → ${expected[key] ?? 'refused'}`, () => {
        expect(nextState(HALL_TRANSITIONS, state, event)).toBe(expected[key] ?? null);
      });
    }
  }
});

describe('opening bid lifecycle', () => {
  const expected: Record<string, string | null> = {
    'sealed/decrypt': 'decrypted',
    'sealed/invalidate': 'invalid',
  };
  for (const state of OPENING_BID_STATES) {
    for (const event of OPENING_BID_EVENTS) {
      const key = `${state}/${event}`;
      it(`${key} → ${expected[key] ?? 'refused'}`, () => {
        expect(nextState(OPENING_BID_TRANSITIONS, state, event)).toBe(expected[key] ?? null);
      });
    }
  }
});
