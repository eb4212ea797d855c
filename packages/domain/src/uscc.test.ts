import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { USCC_ALPHABET, buildUscc, checkUscc, usccCheckCharacter } from './uscc';

describe('unified social credit code (GB 32100-2015)', () => {
  it.each([
    // Published codes of well-known enterprises (on their business licences).
    ['91110000100005220B'], // 中国石油化工集团有限公司
    ['91440300708461136T'], // 腾讯科技（深圳）有限公司
    ['91330100799655058B'], // 阿里巴巴（中国）有限公司
  ])('accepts the real code %s', (code) => {
    expect(checkUscc(code)).toEqual({ ok: true, code });
  });

  it('normalises spaces and lower case', () => {
    expect(checkUscc(' 91440300708461136t ')).toEqual({ ok: true, code: '91440300708461136T' });
  });

  it('names the length problem', () => {
    expect(checkUscc('9144030070846113')).toEqual({ ok: false, problem: { code: 'USCC_LENGTH', length: 16 } });
  });

  it('names the first character outside the alphabet, with its position', () => {
    expect(checkUscc('91440300708461I36T')).toEqual({
      ok: false,
      problem: { code: 'USCC_CHARACTER', position: 15, character: 'I' },
    });
  });

  it('names the expected check character', () => {
    expect(checkUscc('91440300708461136X')).toEqual({
      ok: false,
      problem: { code: 'USCC_CHECK_CHARACTER', expected: 'T', actual: 'X' },
    });
  });

  it('rejects a division code that is not six digits', () => {
    const first17 = '91A40300708461136';
    const code = first17 + usccCheckCharacter(first17);
    expect(checkUscc(code)).toMatchObject({ ok: false, problem: { code: 'USCC_DIVISION' } });
  });

  it('built codes always pass, and any single-character change is caught', () => {
    const char = fc.constantFrom(...USCC_ALPHABET.split(''));
    const digit = fc.constantFrom(...'0123456789'.split(''));
    const body = fc.array(fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY'.split('')), {
      minLength: 8,
      maxLength: 8,
    });
    fc.assert(
      fc.property(
        fc.array(digit, { minLength: 6, maxLength: 6 }),
        body,
        fc.nat(17),
        char,
        (div, b, pos, replacement) => {
          const code = buildUscc('91', div.join(''), b.join(''));
          expect(checkUscc(code).ok).toBe(true);
          if (code.charAt(pos) === replacement) return;
          const altered = code.slice(0, pos) + replacement + code.slice(pos + 1);
          const result = checkUscc(altered);
          // A change in the division digits to a letter is caught as a division problem; any other as a check failure.
          expect(result.ok).toBe(false);
        },
      ),
    );
  });
});
