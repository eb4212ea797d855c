import {
  ENTERPRISE_SCALES,
  INDUSTRY_CODES,
  QUALIFICATION_KIND_CODES,
  classifyEnterpriseScale,
  isIsoDate,
} from '@zhengcai/domain';
import { z } from 'zod';

const FIELD_OF = { employees: 'employees', revenue: 'revenueFen', assets: 'assetsFen' } as const;

/**
 * The figures of 工信部联企业〔2011〕300号 a supplier gives: amounts in integer fen. The figures the industry's
 * standard uses are required (the error names them); the scale itself is never taken from the client.
 */
export const profileInput = z
  .object({
    industry: z.enum(INDUSTRY_CODES),
    employees: z.number().int().min(0).max(10_000_000).nullable().optional(),
    revenueFen: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().optional(),
    assetsFen: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().optional(),
  })
  .superRefine((p, ctx) => {
    const result = classifyEnterpriseScale(p);
    if (result.ok) return;
    for (const indicator of result.indicators) {
      ctx.addIssue({ code: 'custom', path: [FIELD_OF[indicator]], message: result.message.en, params: result.message });
    }
  });

export type ProfileInput = z.infer<typeof profileInput>;

/** The supplier's confirmation of its SME declaration: which scale it declares, and that it read the text. */
export const declarationInput = z.object({
  declaredScale: z.enum(ENTERPRISE_SCALES),
  confirmed: z.boolean().refine((v) => v, {
    params: { zh: '请阅读并勾选确认中小企业声明函', en: 'Read the SME declaration and tick to confirm it' },
  }),
});
export type DeclarationInput = z.infer<typeof declarationInput>;

export const profileBody = z.object({ profile: profileInput, declaration: declarationInput });

const bilingual = z.object({ zh: z.string(), en: z.string() });

export const declarationView = z.object({
  id: z.string().uuid(),
  declaredScale: z.enum(ENTERPRISE_SCALES),
  text: z.string(),
  declaredAt: z.string(),
  declaredBy: z.object({ id: z.string().uuid(), displayName: z.string() }),
});

export const qualificationView = z.object({
  id: z.string().uuid(),
  kind: z.enum(QUALIFICATION_KIND_CODES as [string, ...string[]]),
  title: z.string(),
  number: z.string(),
  issuer: z.string(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  /** Computed from the server clock on the Beijing date. */
  validity: z.enum(['permanent', 'valid', 'not-yet-valid', 'expired']),
  file: z.object({ name: z.string(), type: z.string(), size: z.number().int(), sha256: z.string() }),
  addedAt: z.string(),
  withdrawnAt: z.string().nullable(),
});

export const supplierFileView = z.object({
  organisationId: z.string().uuid(),
  name: z.string(),
  uscc: z.string().nullable(),
  status: z.enum(['pending', 'active', 'rejected', 'suspended']),
  profile: z
    .object({
      industry: z.enum(INDUSTRY_CODES),
      employees: z.number().int().nullable(),
      revenueFen: z.number().int().nullable(),
      assetsFen: z.number().int().nullable(),
      derivedScale: z.enum(ENTERPRISE_SCALES),
      working: bilingual,
      usccPilot: z.boolean(),
      usccOverrideReason: z.string().nullable(),
      changedAfterApprovalAt: z.string().nullable(),
      updatedAt: z.string(),
    })
    .nullable(),
  declaration: declarationView.nullable(),
  qualifications: z.array(qualificationView),
  abilities: z.object({ edit: z.boolean(), approveNeedsOverrideReason: z.boolean() }),
});

const isoDate = z
  .string()
  .trim()
  .refine(isIsoDate, { params: { zh: '日期格式应为 YYYY-MM-DD', en: 'Dates are written YYYY-MM-DD' } });

/** The text fields of a qualification upload (multipart fields, before the file). */
export const qualificationFields = z
  .object({
    kind: z.enum(QUALIFICATION_KIND_CODES as [string, ...string[]]),
    title: z.string().trim().min(2).max(100),
    number: z.string().trim().min(1).max(100),
    issuer: z.string().trim().min(2).max(100),
    validFrom: isoDate.optional(),
    validUntil: isoDate.optional(),
  })
  .refine((q) => !q.validFrom || !q.validUntil || q.validFrom <= q.validUntil, {
    path: ['validUntil'],
    params: { zh: '有效期截止日不能早于起始日', en: 'The expiry date cannot be before the start date' },
  });
export type QualificationFields = z.infer<typeof qualificationFields>;

export const organisationIdParams = z.object({ organisationId: z.string().uuid() });
export const qualificationParams = z.object({ organisationId: z.string().uuid(), id: z.string().uuid() });
