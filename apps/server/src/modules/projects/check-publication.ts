import { checkProjectForPublication, type PublicationCheck } from '@zhengcai/domain';
import type { lots, projects } from '../../db/schema';
import { bpToPercent } from './project-rows';

type ProjectRow = typeof projects.$inferSelect;
type LotRow = typeof lots.$inferSelect;

/** What publishing the project at `at` would find, by the rules in force on that Beijing date (B4). */
export function checkPublication(
  project: ProjectRow,
  lotRows: readonly LotRow[],
  documentCount: number,
  at: Date,
): PublicationCheck {
  return checkProjectForPublication(
    {
      method: project.method,
      category: project.category,
      intentionPublishedOn: project.intentionPublishedOn,
      intentionExempt: project.intentionExempt,
      documentsAvailableFrom: project.documentsAvailableFrom,
      documentsAvailableUntil: project.documentsAvailableUntil,
      bidDeadline: project.bidDeadline,
      lots: lotRows.map((l) => ({
        evaluationMethod: l.evaluationMethod,
        criteria: l.criteria,
        priceNotScored: l.priceNotScored,
        budgetFen: l.budgetFen,
        depositFen: l.depositFen,
        smeReserved: l.smeReserved,
        smallMicroPercent: bpToPercent(l.smeSmallMicroBp),
        consortiumPercent: bpToPercent(l.smeConsortiumBp),
      })),
      documentCount,
    },
    at,
  );
}

export function presentCheck(check: PublicationCheck) {
  return {
    ok: check.ok,
    publishedAt: check.publishedAt.toISOString(),
    violations: check.violations.map((v) => ({ ...v, fields: [...v.fields] })),
    warnings: check.warnings.map((w) => ({ code: w.code, message: w.message })),
    minimum: {
      intentionPublishedOn: check.minimum.intentionPublishedOn,
      documentsAvailableUntil: check.minimum.documentsAvailableUntil?.toISOString() ?? null,
      bidDeadline: check.minimum.bidDeadline?.toISOString() ?? null,
    },
    rulesApplied: check.rulesApplied,
  };
}
