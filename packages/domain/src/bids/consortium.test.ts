import { describe, expect, it } from 'vitest';
import { buildUscc } from '../uscc';
import {
  FULL_SHARE,
  formatShare,
  percentToBasisPoints,
  smallMicroShare,
  validateConsortium,
  type ConsortiumMemberInput,
} from './consortium';

const A = buildUscc('91', '520201', 'MA000001');
const B = buildUscc('91', '520201', 'MA000002');
const C = buildUscc('91', '520201', 'MA000003');
const lead = (share: number, uscc = A): ConsortiumMemberInput => ({ uscc, role: 'lead', shareBasisPoints: share });
const member = (uscc: string, share: number): ConsortiumMemberInput => ({
  uscc,
  role: 'member',
  shareBasisPoints: share,
});
const codes = (members: ConsortiumMemberInput[], leadUscc = A) =>
  validateConsortium(members, leadUscc).map((p) => p.code);

describe('validateConsortium (政府采购法第二十四条)', () => {
  it.each([
    ['two members, 60/40', [lead(6000), member(B, 4000)]],
    ['three members, 33.34/33.33/33.33', [lead(3334), member(B, 3333), member(C, 3333)]],
    ['lead code in lower case', [lead(5000, A.toLowerCase()), member(B, 5000)]],
  ])('accepts %s', (_, members) => {
    expect(codes(members)).toEqual([]);
  });

  it.each([
    ['one member only', [lead(FULL_SHARE)], ['TOO_FEW_MEMBERS', 'SHARE_OUT_OF_RANGE']],
    ['no lead', [member(A, 5000), member(B, 5000)], ['LEAD_COUNT']],
    ['two leads', [lead(5000), lead(5000, B)], ['LEAD_COUNT']],
    ['a lead that is not the caller', [lead(5000, B), member(A, 5000)], ['LEAD_NOT_CALLER']],
    ['the same organisation twice', [lead(5000), member(A, 5000)], ['DUPLICATE_MEMBER']],
    ['shares summing to 90%', [lead(5000), member(B, 4000)], ['SHARES_NOT_FULL']],
    ['shares summing to 110%', [lead(6000), member(B, 5000)], ['SHARES_NOT_FULL']],
    ['a zero share', [lead(FULL_SHARE), member(B, 0)], ['SHARE_OUT_OF_RANGE', 'SHARE_OUT_OF_RANGE']],
    [
      'a fractional basis point',
      [lead(5000.5), member(B, 4999.5)],
      ['SHARE_OUT_OF_RANGE', 'SHARE_OUT_OF_RANGE', 'SHARES_NOT_FULL'],
    ],
    ['a negative share', [lead(11000), member(B, -1000)], ['SHARE_OUT_OF_RANGE', 'SHARE_OUT_OF_RANGE']],
  ])('refuses %s', (_, members, expected) => {
    expect(codes(members)).toEqual(expected);
  });

  it('refuses more than ten members', () => {
    const many = Array.from({ length: 11 }, (_, i) =>
      member(buildUscc('91', '520201', `MA1${String(i).padStart(5, '0')}`), i === 0 ? 1000 : 900),
    );
    many[0] = lead(1000);
    expect(codes(many)).toContain('TOO_MANY_MEMBERS');
  });

  it('says what is wrong in Chinese and English, with the sum found', () => {
    const [p] = validateConsortium([lead(5000), member(B, 4000)], A);
    expect(p?.message.zh).toContain('90%');
    expect(p?.message.en).toContain('90%');
  });
});

describe('shares', () => {
  it.each([
    ['50', 5000],
    ['33.33', 3333],
    ['0.5', 50],
    ['100', 10000],
    [' 12.3 ', 1230],
  ])('reads %s%% as %i basis points', (text, bp) => {
    expect(percentToBasisPoints(text)).toBe(bp);
  });
  it.each(['', 'abc', '1.234', '-5', '1e2', '1000'])('refuses %j', (text) => {
    expect(percentToBasisPoints(text)).toBeNull();
  });
  it('formats basis points', () => {
    expect(formatShare(5000)).toBe('50%');
    expect(formatShare(3333)).toBe('33.33%');
    expect(formatShare(1230)).toBe('12.3%');
  });
  it('adds up the small and micro members (财库〔2020〕46号 第九条)', () => {
    expect(
      smallMicroShare([
        { scale: 'medium', shareBasisPoints: 6000 },
        { scale: 'small', shareBasisPoints: 2500 },
        { scale: 'micro', shareBasisPoints: 1500 },
      ]),
    ).toBe(4000);
  });
});
