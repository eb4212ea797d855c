import type { TransitionTable } from '../state-machine';

/**
 * One evaluation per lot (ADR 0021), begun once the opening record is published with at least 3 valid bids and the
 * committee's seats are confirmed:
 * - `qualification`: the host reviews each decrypted bid's qualification (资格审查);
 * - `compliance`: each committee member reviews each qualified bid's compliance (符合性审查), and the committee elects
 *   its leader (评审组长);
 * - `scoring`: each member scores each compliant bid per criterion (a lowest-price lot has nothing to score: compute at once);
 * - `computed`: the platform has computed the result from the rows (canonical JSON + hash); bidders may be asked
 *   to explain an abnormally low price or confirm an arithmetic correction, after which it is computed again;
 * - `signing`: the report is fixed; every member signs it (with a dissent when they disagree);
 * - `reported`: all signed, sent to the purchaser; `confirmed`: the purchaser confirmed the winner in the period;
 * - `published`: the result notice, notification letters and transaction certificate are out;
 * - `failed`: fewer than 3 bids remained qualified/compliant (废标).
 */
export const EVALUATION_STATES = [
  'qualification',
  'compliance',
  'scoring',
  'computed',
  'signing',
  'reported',
  'confirmed',
  'published',
  'failed',
] as const;
export type EvaluationState = (typeof EVALUATION_STATES)[number];

export const EVALUATION_EVENTS = [
  'finish_qualification',
  'finish_compliance',
  'compute',
  'recompute',
  'fix_report',
  'all_signed',
  'confirm',
  'publish',
  'fail',
] as const;
export type EvaluationEvent = (typeof EVALUATION_EVENTS)[number];

export const EVALUATION_TRANSITIONS: TransitionTable<EvaluationState, EvaluationEvent> = {
  qualification: { finish_qualification: 'compliance', fail: 'failed' },
  compliance: { finish_compliance: 'scoring', fail: 'failed' },
  scoring: { compute: 'computed' },
  computed: { recompute: 'computed', fix_report: 'signing', fail: 'failed' },
  signing: { all_signed: 'reported' },
  reported: { confirm: 'confirmed' },
  confirmed: { publish: 'published' },
  published: {},
  failed: {},
} satisfies Record<EvaluationState, Partial<Record<EvaluationEvent, EvaluationState>>>;

/** Fewer valid bids than this after a review and the lot fails (政府采购法 第三十六条：废标). */
export const MIN_BIDS_FOR_EVALUATION = 3;

/** What a bidder is asked during the evaluation, answered online. */
export const BIDDER_QUERY_KINDS = ['abnormal_price', 'arithmetic_correction'] as const;
export type BidderQueryKind = (typeof BIDDER_QUERY_KINDS)[number];

/**
 * A query's course: `open` until the bidder answers (`answered`, or for a correction `confirmed` / `refused`) or
 * the deadline passes (`lapsed`); an abnormal-price explanation is then `accepted` or `rejected` by the committee.
 * A refused correction, a lapsed query and a rejected explanation make the bid invalid (87号令 第五十九条、第六十条).
 */
export const BIDDER_QUERY_STATES = [
  'open',
  'answered',
  'confirmed',
  'refused',
  'lapsed',
  'accepted',
  'rejected',
] as const;
export type BidderQueryState = (typeof BIDDER_QUERY_STATES)[number];
