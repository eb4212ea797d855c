import { checkUscc, type UsccProblem } from '../uscc';

export type UsccAdmission =
  | { ok: true; code: string; needsOverride: false }
  | { ok: true; code: string; needsOverride: true; problem: Extract<UsccProblem, { code: 'USCC_CHECK_CHARACTER' }> }
  | { ok: false; problem: UsccProblem };

/**
 * Early pilot codes (issued before GB 32100-2015 settled the check) can fail the check character while being real.
 * The supplier may then submit anyway by saying so, and the centre decides with a reason. Only a wrong check
 * character can be overridden: a wrong length, a character outside the alphabet or a division that is not six
 * digits is never a real code.
 */
export function admitUscc(input: string, pilotClaimed: boolean): UsccAdmission {
  const result = checkUscc(input);
  if (result.ok) return { ok: true, code: result.code, needsOverride: false };
  const { problem } = result;
  if (pilotClaimed && problem.code === 'USCC_CHECK_CHARACTER') {
    return { ok: true, code: input.replace(/\s+/g, '').toUpperCase(), needsOverride: true, problem };
  }
  return { ok: false, problem };
}
