import { describe, expect, it } from 'vitest';
import {
  MIN_VALID_BIDS_FOR_OPENING,
  decryptionEndsAt,
  decryptionWindowPosition,
  isInDecryptionWindow,
  openingOutcome,
} from './opening-rules';

describe('opening outcome', () => {
  it('fails the lot (流标) below three valid bids', () => {
    expect(MIN_VALID_BIDS_FOR_OPENING).toBe(3);
    for (const n of [0, 1, 2]) {
      const outcome = openingOutcome(n);
      expect(outcome.outcome).toBe('failed');
      if (outcome.outcome === 'failed') {
        expect(outcome.reason).toBe('FEWER_THAN_THREE_VALID_BIDS');
        expect(outcome.message.zh).toContain('流标');
      }
    }
  });
  it('is valid with three or more', () => {
    expect(openingOutcome(3)).toEqual({ outcome: 'valid' });
    expect(openingOutcome(12)).toEqual({ outcome: 'valid' });
  });
});

describe('decryption window', () => {
  const startedAt = new Date('2026-12-01T02:00:00Z');
  const endsAt = decryptionEndsAt(startedAt, 15);
  it('ends the window minutes after the start', () => {
    expect(endsAt.toISOString()).toBe('2026-12-01T02:15:00.000Z');
  });
  it('is half-open: the start is in, the end is out', () => {
    expect(decryptionWindowPosition({ startedAt, endsAt }, new Date(startedAt.getTime() - 1))).toBe('not_started');
    expect(decryptionWindowPosition({ startedAt, endsAt }, startedAt)).toBe('open');
    expect(decryptionWindowPosition({ startedAt, endsAt }, new Date(endsAt.getTime() - 1))).toBe('open');
    expect(decryptionWindowPosition({ startedAt, endsAt }, endsAt)).toBe('ended');
    expect(isInDecryptionWindow({ startedAt, endsAt }, endsAt)).toBe(false);
  });
  it('has not started before the host starts it', () => {
    expect(decryptionWindowPosition({ startedAt: null, endsAt: null }, startedAt)).toBe('not_started');
  });
});
