/**
 * How the committee decides together (财政部令第87号 第五十七条: a matter the committee must decide jointly is
 * decided by the majority — 少数服从多数; a member who disagrees signs the report with their dissent).
 */

/** Whether more than half of the committee said yes. A tie (even committees are not allowed) is not a majority. */
export function majorityOf(yes: number, committeeSize: number): boolean {
  if (
    !Number.isInteger(yes) ||
    !Number.isInteger(committeeSize) ||
    yes < 0 ||
    committeeSize <= 0 ||
    yes > committeeSize
  ) {
    throw new RangeError('majorityOf: counts must be integers with 0 ≤ yes ≤ committeeSize and committeeSize > 0');
  }
  return yes * 2 > committeeSize;
}

/**
 * A bid's standing after the reviews: it takes part in scoring and ranking only if the host passed its
 * qualification (资格审查) and a majority of the committee passed its compliance (符合性审查).
 */
export function bidStandsAfterReviews(input: {
  qualificationPassed: boolean;
  /** One entry per member who reviewed: true = passed. */
  complianceVotes: readonly boolean[];
  committeeSize: number;
}): boolean {
  if (!input.qualificationPassed) return false;
  return majorityOf(input.complianceVotes.filter(Boolean).length, input.committeeSize);
}

/**
 * The elected leader (评审组长): the candidate a majority of the committee voted for, or null while none has one.
 * Votes are (voter, candidate) pairs; each voter counts once (their latest vote is the one given).
 */
export function electedLeader(
  votes: readonly { voter: string; candidate: string }[],
  committeeSize: number,
): string | null {
  const latest = new Map(votes.map((v) => [v.voter, v.candidate]));
  const counts = new Map<string, number>();
  for (const candidate of latest.values()) counts.set(candidate, (counts.get(candidate) ?? 0) + 1);
  for (const [candidate, n] of counts) if (majorityOf(n, committeeSize)) return candidate;
  return null;
}
