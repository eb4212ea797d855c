import type { paths } from '../../api/schema';

type Ok<T> = T extends { responses: { 200: { content: { 'application/json': infer R } } } } ? R : never;

/** A lot's evaluation as the caller may see it (GET /api/lots/{lotId}/evaluation). */
export type EvaluationView = Ok<paths['/api/lots/{lotId}/evaluation']['get']>;
export type EvaluationBid = EvaluationView['bids'][number];
export type EvaluationMember = EvaluationView['members'][number];
export type EvaluationCriterion = EvaluationView['criteria'][number];
export type EvaluationScore = EvaluationView['scores'][number];
export type MyEvaluation = Ok<paths['/api/evaluations/mine']['get']>['items'][number];
