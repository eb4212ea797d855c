import type { TransitionTable } from './state-machine';

/** An organisation's registration (C1): suppliers sign up as `pending`; the centre approves or rejects. */
export const REGISTRATION_STATES = ['pending', 'active', 'rejected', 'suspended'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

export const REGISTRATION_EVENTS = ['approve', 'reject', 'suspend', 'reinstate'] as const;
export type RegistrationEvent = (typeof REGISTRATION_EVENTS)[number];

export const REGISTRATION_TRANSITIONS: TransitionTable<RegistrationState, RegistrationEvent> = {
  pending: { approve: 'active', reject: 'rejected' },
  active: { suspend: 'suspended' },
  suspended: { reinstate: 'active' },
  // A rejected applicant registers again with corrected data; the rejected record stays as evidence.
  rejected: {},
};
