import type { EvaluationOutcome, RankedBid } from '../evaluation/evaluation-outcome';

/**
 * Which bid the purchaser may confirm as the winner (财政部令第87号第六十八条 — check): the first-ranked candidate of
 * the report. When several bids share the first rank, the purchaser picks one of them by the documents' tie-break
 * rule and records why; it may not pick any other bid.
 */
export type AwardChoice =
  | { ok: true; winner: RankedBid; tied: boolean }
  | { ok: false; problem: 'no-candidate' | 'tie-choice-required' | 'not-first-ranked' | 'tie-reason-required' };

export interface AwardChoiceInput {
  /** The chosen bid (its submission id); needed only when the first rank is a tie. */
  submissionId?: string | null;
  /** The documents' tie-break reason, needed with a tie. */
  tieBreakReason?: string | null;
}

/** The bids of the first rank, as the outcome lists them. */
export function firstRanked(outcome: Pick<EvaluationOutcome, 'ranking'>): RankedBid[] {
  const best = Math.min(...outcome.ranking.map((b) => b.rank));
  return outcome.ranking.filter((b) => b.rank === best);
}

export function chooseWinner(outcome: Pick<EvaluationOutcome, 'ranking'>, input: AwardChoiceInput): AwardChoice {
  if (outcome.ranking.length === 0) return { ok: false, problem: 'no-candidate' };
  const first = firstRanked(outcome);
  const chosenId = input.submissionId ?? null;
  if (first.length === 1) {
    const [only] = first;
    if (!only) return { ok: false, problem: 'no-candidate' };
    if (chosenId !== null && chosenId !== only.submissionId) return { ok: false, problem: 'not-first-ranked' };
    return { ok: true, winner: only, tied: false };
  }
  if (chosenId === null) return { ok: false, problem: 'tie-choice-required' };
  const chosen = first.find((b) => b.submissionId === chosenId);
  if (!chosen) return { ok: false, problem: 'not-first-ranked' };
  if (!input.tieBreakReason?.trim()) return { ok: false, problem: 'tie-reason-required' };
  return { ok: true, winner: chosen, tied: true };
}
