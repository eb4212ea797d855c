import type { EvaluationOutcome } from '@zhengcai/domain';
import { z } from 'zod';

const text = z.object({ zh: z.string(), en: z.string() });

/** The summary at the top of a stored evaluation result (packages/domain EvaluationOutcome): what the award reads. */
const outcomeSchema = z.object({
  method: z.enum(['comprehensive-scoring', 'lowest-evaluated-price']),
  ranking: z.array(
    z.object({
      submissionId: z.string(),
      organisationId: z.string(),
      rank: z.number().int(),
      bidPriceFen: z.number().int(),
      evaluationPriceFen: z.number().int(),
      total: z.string().nullable(),
      tie: z.boolean(),
    }),
  ),
  excluded: z.array(z.object({ submissionId: z.string(), organisationId: z.string(), reason: text })),
}) satisfies z.ZodType<EvaluationOutcome>;

/** The outcome of a stored result; a result without one is a broken invariant of the evaluation module. */
export function outcomeOf(result: Record<string, unknown> | null): EvaluationOutcome {
  const parsed = outcomeSchema.safeParse(result);
  if (!parsed.success) throw new Error('the evaluation result carries no valid EvaluationOutcome');
  return parsed.data;
}
