import { describe, expect, it } from 'vitest';
import { REGISTRATION_EVENTS, REGISTRATION_STATES, REGISTRATION_TRANSITIONS } from './registration-lifecycle';
import { nextState } from './state-machine';

describe('registration lifecycle', () => {
  const expected: Record<string, string | null> = {
    'pending/approve': 'active',
    'pending/reject': 'rejected',
    'active/suspend': 'suspended',
    'suspended/reinstate': 'active',
  };
  for (const state of REGISTRATION_STATES) {
    for (const event of REGISTRATION_EVENTS) {
      const key = `${state}/${event}`;
      it(`${key} → ${expected[key] ?? 'refused'}`, () => {
        expect(nextState(REGISTRATION_TRANSITIONS, state, event)).toBe(expected[key] ?? null);
      });
    }
  }
});
