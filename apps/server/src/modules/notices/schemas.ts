import { CATEGORY_KINDS, PROCUREMENT_METHOD_CODES } from '@zhengcai/domain';
import { z } from 'zod';
import { NOTICE_KINDS } from '../../db/schema';

export const listNoticesQuery = z.object({
  category: z.enum(CATEGORY_KINDS).optional(),
  kind: z.enum(NOTICE_KINDS).optional(),
  /** Words of the title (any length, Chinese included: matched as a substring). */
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const noticeSummaryView = z.object({
  id: z.string().uuid(),
  kind: z.enum(NOTICE_KINDS),
  title: z.string(),
  publishedAt: z.string(),
  project: z.object({
    id: z.string().uuid(),
    code: z.string(),
    title: z.string(),
    method: z.enum(PROCUREMENT_METHOD_CODES),
    category: z.enum(CATEGORY_KINDS),
    purchaserName: z.string(),
    budgetFen: z.number().int(),
    bidDeadline: z.string().nullable(),
  }),
});

export const noticeLotView = z.object({
  id: z.string().uuid(),
  number: z.number().int(),
  title: z.string(),
  categoryCode: z.string(),
  categoryName: z.object({ zh: z.string(), en: z.string() }),
  budgetFen: z.number().int(),
  ceilingPriceFen: z.number().int().nullable(),
  smeReserved: z.boolean(),
  depositFen: z.number().int().nullable(),
  consortiumAllowed: z.boolean(),
});

export const noticeView = noticeSummaryView.extend({
  body: z.string(),
  lotIds: z.array(z.string().uuid()).nullable(),
  project: noticeSummaryView.shape.project.extend({
    agencyName: z.string().nullable(),
    documentsAvailableFrom: z.string().nullable(),
    documentsAvailableUntil: z.string().nullable(),
    decryptionWindowMinutes: z.number().int(),
  }),
  /** Whether a supplier can obtain the documents now (the project is published and inside its window). */
  documentsObtainable: z.boolean(),
  lots: z.array(noticeLotView),
  /** The published procurement documents: listed with their hashes; obtaining them is a logged-in supplier's act. */
  documents: z.array(
    z.object({ id: z.string().uuid(), fileName: z.string(), sizeBytes: z.number().int(), sha256: z.string() }),
  ),
});
