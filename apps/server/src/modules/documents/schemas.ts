import { z } from 'zod';

const bilingual = z.object({ zh: z.string(), en: z.string() });

/** Clarification attachments travel base64-encoded in the JSON body (see ADR 0010), up to 10 MB of file. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const CLARIFICATION_BODY_LIMIT = Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 256 * 1024;

export const tenderParams = z.object({ id: z.string().uuid() });
export const documentParams = z.object({ id: z.string().uuid(), documentId: z.string().uuid() });

export const questionBody = z.object({ text: z.string().trim().min(5).max(2000) });

const fileName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((n) => !/[\\/]/.test(n), {
    params: { zh: '文件名不能含有路径分隔符', en: 'A file name cannot contain a path' },
  });

export const clarificationBody = z.object({
  text: z.string().trim().min(5).max(20_000),
  /** May it affect the preparation of bids (可能影响投标文件编制)? Then the 15-day rule applies. */
  affectsPreparation: z.boolean(),
  /** Questions this clarification answers (marked answered; the askers are never named). */
  answersQuestionIds: z.array(z.string().uuid()).max(100).default([]),
  /** Move the deadline to this instant explicitly (later than the current one; never earlier than the rule asks). */
  newDeadline: z.iso.datetime({ offset: true }).optional(),
  attachment: z
    .object({
      fileName,
      contentType: z.string().trim().min(3).max(100),
      contentBase64: z
        .string()
        .max(CLARIFICATION_BODY_LIMIT)
        .refine((v) => /^[A-Za-z0-9+/]*={0,2}$/.test(v) && v.length % 4 === 0 && v.length > 0, {
          params: { zh: '附件内容不是有效的 Base64 编码', en: 'The attachment is not valid base64' },
        }),
    })
    .optional(),
});

export const fileView = z.object({
  id: z.string().uuid(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
});

export const deadlineChange = z.object({
  cause: z.enum(['none', 'rule', 'explicit']),
  previous: z.string(),
  deadline: z.string(),
  ruleId: z.string().nullable(),
});

/** A clarification as every supplier that obtained the documents sees it: never who asked. */
export const clarificationView = z.object({
  id: z.string().uuid(),
  text: z.string(),
  affectsPreparation: z.boolean(),
  attachment: z
    .object({ fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), sha256: z.string() })
    .nullable(),
  publishedAt: z.string(),
  deadline: deadlineChange,
});

export const projectSummaryView = z.object({
  id: z.string().uuid(),
  code: z.string(),
  title: z.string(),
  method: z.string(),
  category: z.string(),
  status: z.string(),
  purchaserName: z.string(),
  agencyName: z.string().nullable(),
  lots: z.array(z.object({ number: z.number().int(), title: z.string(), budgetFen: z.number().int() })),
  documentsAvailableFrom: z.string().nullable(),
  documentsAvailableUntil: z.string().nullable(),
  bidDeadline: z.string().nullable(),
  /** Every move of the deadline, oldest first (by rule or explicitly), with the clarification that made it. */
  deadlineMoves: z.array(deadlineChange.extend({ clarificationId: z.string().uuid(), at: z.string() })),
});

export const myQuestionView = z.object({
  id: z.string().uuid(),
  text: z.string(),
  askedAt: z.string(),
  answeredBy: z.string().uuid().nullable(),
});

export const tenderView = z.object({
  project: projectSummaryView,
  obtaining: z.object({ obtainedAt: z.string() }).nullable(),
  /** Files: only once obtained. */
  documents: z.array(fileView),
  clarifications: z.array(clarificationView),
  myQuestions: z.array(myQuestionView),
  abilities: z.object({ obtain: z.boolean(), download: z.boolean(), ask: z.boolean() }),
  /** Why obtaining is refused now (barred, outside the window, organisation not active), in both languages. */
  refusal: z.object({ code: z.string(), message: bilingual }).nullable(),
});

export const tenderListView = z.object({
  items: z.array(
    z.object({
      id: z.string().uuid(),
      code: z.string(),
      title: z.string(),
      status: z.string(),
      bidDeadline: z.string().nullable(),
      obtainedAt: z.string(),
    }),
  ),
});

export const obtainingView = z.object({
  organisationId: z.string().uuid(),
  organisationName: z.string(),
  uscc: z.string().nullable(),
  obtainedBy: z.string(),
  obtainedAt: z.string(),
});

export const staffQuestionView = myQuestionView.extend({
  organisationId: z.string().uuid(),
  organisationName: z.string(),
});

export const deskView = z.object({
  project: projectSummaryView,
  questions: z.array(staffQuestionView),
  clarifications: z.array(clarificationView),
  obtainedCount: z.number().int(),
  abilities: z.object({ clarify: z.boolean() }),
});

export const publishedClarificationView = clarificationView.extend({
  recipients: z.number().int(),
  message: bilingual.nullable(),
});
