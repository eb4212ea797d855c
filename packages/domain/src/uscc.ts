/**
 * Unified social credit code (统一社会信用代码) per GB 32100-2015.
 *
 * 18 characters: 1 registration authority, 2 organisation category, 3–8 administrative division code (GB/T 2260),
 * 9–17 organisation code (GB 11714), 18 check character. The alphabet excludes I, O, S, V and Z.
 */

/** The 31 characters of GB 32100-2015 §4.1, in value order (value = index). */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights W_i = 3^(i-1) mod 31 for positions 1..17 (GB 32100-2015 §5.2). */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Weights of the GB 11714 organisation-code check (positions 9..16 of the USCC). */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

export type UsccProblem =
  | { code: 'USCC_LENGTH'; length: number }
  | { code: 'USCC_CHARACTER'; position: number; character: string }
  | { code: 'USCC_DIVISION'; division: string }
  | { code: 'USCC_CHECK_CHARACTER'; expected: string; actual: string };

export type UsccResult = { ok: true; code: string } | { ok: false; problem: UsccProblem };

/** Upper-cases and removes spaces people type when copying codes from certificates. */
export function normaliseUscc(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** The check character for the first 17 characters, or null if one of them is outside the alphabet. */
export function usccCheckCharacter(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) return null;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET.charAt(check);
}

/** Checks a code and says exactly what is wrong with it. */
export function checkUscc(input: string): UsccResult {
  const code = normaliseUscc(input);
  if (code.length !== 18) return { ok: false, problem: { code: 'USCC_LENGTH', length: code.length } };
  for (let i = 0; i < 18; i++) {
    const ch = code.charAt(i);
    if (!USCC_ALPHABET.includes(ch)) {
      return { ok: false, problem: { code: 'USCC_CHARACTER', position: i + 1, character: ch } };
    }
  }
  const division = code.slice(2, 8);
  if (!/^\d{6}$/.test(division)) return { ok: false, problem: { code: 'USCC_DIVISION', division } };
  const expected = usccCheckCharacter(code.slice(0, 17));
  const actual = code.charAt(17);
  if (expected !== actual) {
    return { ok: false, problem: { code: 'USCC_CHECK_CHARACTER', expected: expected ?? '?', actual } };
  }
  return { ok: true, code };
}

/** GB 11714 check character for an 8-character organisation-code body (digits and capital letters). */
export function organisationCodeCheck(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8.charAt(i);
    const value = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += value * (ORG_WEIGHTS[i] ?? 0);
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * Builds a valid code from its parts: used by the demo seed and by tests. `authority` + `category` are e.g. "91"
 * for an enterprise registered with market regulation; `division` is a GB/T 2260 code such as "520200" (六盘水市).
 */
export function buildUscc(authorityAndCategory: string, division: string, orgBody8: string): string {
  const first17 = `${authorityAndCategory}${division}${orgBody8}${organisationCodeCheck(orgBody8)}`;
  const check = usccCheckCharacter(first17);
  if (check === null || first17.length !== 17) throw new Error(`cannot build a code from ${first17}`);
  return first17 + check;
}
