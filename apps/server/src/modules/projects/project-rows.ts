import type { lots, projects } from '../../db/schema';
import type { ProjectBody } from './schemas';

/** A percentage with at most two decimals (validated in schemas.ts) as basis points, and back. */
export const percentToBp = (percent: number | null): number | null =>
  percent === null ? null : Math.round(percent * 100);
export const bpToPercent = (bp: number | null): number | null => (bp === null ? null : bp / 100);

/** The columns of `projects` a body sets (the same for a new draft and an edit). */
export function projectColumns(body: ProjectBody) {
  return {
    title: body.title,
    method: body.method,
    category: body.category,
    qualificationRequirements: body.qualificationRequirements,
    noticeDetails: body.noticeDetails,
    intentionPublishedOn: body.intentionPublishedOn,
    intentionExempt: body.intentionExempt,
    documentsAvailableFrom: body.documentsAvailableFrom ? new Date(body.documentsAvailableFrom) : null,
    documentsAvailableUntil: body.documentsAvailableUntil ? new Date(body.documentsAvailableUntil) : null,
    bidDeadline: body.bidDeadline ? new Date(body.bidDeadline) : null,
    decryptionWindowMinutes: body.decryptionWindowMinutes,
  } satisfies Partial<typeof projects.$inferInsert>;
}

/** The lot rows of a body, numbered 1, 2, 3… in the order given. */
export function lotRows(projectId: string, body: ProjectBody): (typeof lots.$inferInsert)[] {
  return body.lots.map((lot, i) => ({
    projectId,
    number: i + 1,
    title: lot.title,
    categoryCode: lot.categoryCode,
    budgetFen: lot.budgetFen,
    ceilingPriceFen: lot.ceilingPriceFen,
    evaluationMethod: lot.evaluationMethod,
    criteria: lot.criteria,
    priceNotScored: lot.priceNotScored,
    smeReserved: lot.smeReserved,
    smeSmallMicroBp: percentToBp(lot.smallMicroPercent),
    smeConsortiumBp: percentToBp(lot.consortiumPercent),
    depositFen: lot.depositFen,
    consortiumAllowed: lot.consortiumAllowed,
    priceSheetFields: lot.priceSheetFields,
  }));
}
