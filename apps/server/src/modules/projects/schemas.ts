import {
  CATEGORY_KINDS,
  CRITERION_KINDS,
  EVALUATION_METHODS,
  MAX_FEN,
  PROCUREMENT_METHOD_CODES,
  categoryKind,
  findCategory,
  isIsoDate,
} from '@zhengcai/domain';
import { z } from 'zod';
import { PROJECT_STATES } from '../../db/schema';

/** The methods this platform runs so far; the others are configured in the domain and come with later issues (C6). */
export const METHODS_AVAILABLE = ['open-tender'] as const;

const text = (max: number) => z.string().trim().max(max);
const fen = z.number().int().min(0).max(MAX_FEN);
const instant = z.iso.datetime({ offset: true });

const criterion = z.object({
  key: z.string().trim().min(1).max(40),
  label: text(100).min(1),
  kind: z.enum(CRITERION_KINDS),
  weight: z.number().min(0).max(100),
  maxScore: z.number().min(0).max(1000),
});

const priceSheetField = z.object({
  key: z
    .string()
    .max(40)
    .refine((k) => /^[a-zA-Z][a-zA-Z0-9_]*$/.test(k), {
      params: {
        zh: '字段键须以字母开头，只含字母、数字和下划线',
        en: 'A key starts with a letter: letters, digits, _',
      },
    }),
  label: text(100).min(1),
  kind: z.enum(['text', 'number', 'days']),
  required: z.boolean(),
});

/** The documents' SME ratio: a percentage from 0 to 100 with at most two decimals (the range is checked at publication). */
const smePercent = z
  .number()
  .min(0)
  .max(100)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9, {
    params: { zh: '比例最多保留两位小数', en: 'At most two decimals' },
  });

export const lotBody = z
  .object({
    title: text(200).min(2),
    categoryCode: z
      .string()
      .max(20)
      .refine((code) => findCategory(code) !== undefined, {
        params: { zh: '不是品目分类目录中的代码', en: 'Not a code of the procurement category tree' },
      }),
    budgetFen: fen.refine((v) => v > 0, { params: { zh: '预算须大于0', en: 'The budget must be above 0' } }),
    ceilingPriceFen: fen.nullable().default(null),
    evaluationMethod: z.enum(EVALUATION_METHODS),
    criteria: z.array(criterion).max(30).default([]),
    priceNotScored: z.boolean().default(false),
    smeReserved: z.boolean().default(false),
    smallMicroPercent: smePercent.nullable().default(null),
    consortiumPercent: smePercent.nullable().default(null),
    depositFen: fen.nullable().default(null),
    consortiumAllowed: z.boolean().default(false),
    priceSheetFields: z.array(priceSheetField).max(20).default([]),
  })
  .superRefine((lot, ctx) => {
    if (lot.ceilingPriceFen !== null && lot.ceilingPriceFen > lot.budgetFen) {
      ctx.addIssue({
        code: 'custom',
        path: ['ceilingPriceFen'],
        message: 'The ceiling price cannot exceed the budget',
        params: { zh: '最高限价不得超过预算金额', en: 'The ceiling price cannot exceed the budget' },
      });
    }
    const keys = lot.priceSheetFields.map((f) => f.key);
    if (new Set(keys).size !== keys.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['priceSheetFields'],
        message: 'Price sheet field keys must not repeat',
        params: { zh: '开标一览表字段键不能重复', en: 'Price sheet field keys must not repeat' },
      });
    }
  });

export const noticeDetailsBody = z.object({
  procurementNeeds: text(5000).default(''),
  contractPeriod: text(200).default(''),
  otherMatters: text(5000).default(''),
  contactName: text(50).default(''),
  contactPhone: text(50).default(''),
});

/** A project as the purchaser or agency enters it; the same body creates a draft and replaces one. */
export const projectBody = z
  .object({
    title: text(200).min(4),
    method: z.enum(PROCUREMENT_METHOD_CODES).refine((m) => (METHODS_AVAILABLE as readonly string[]).includes(m), {
      params: {
        zh: '目前仅支持公开招标，其他采购方式将陆续开放',
        en: 'Only open tender is available for now; other methods follow',
      },
    }),
    category: z.enum(CATEGORY_KINDS),
    /** Required when an agency registers the project: the purchaser it acts for. */
    purchaserOrganisationId: z.string().uuid().optional(),
    /** A purchaser may name the agency it entrusts (null or absent: it runs the procurement itself). */
    agencyOrganisationId: z.string().uuid().nullable().optional(),
    qualificationRequirements: text(5000).default(''),
    noticeDetails: noticeDetailsBody.default({
      procurementNeeds: '',
      contractPeriod: '',
      otherMatters: '',
      contactName: '',
      contactPhone: '',
    }),
    intentionPublishedOn: z
      .string()
      .refine(isIsoDate, { params: { zh: '日期格式应为 YYYY-MM-DD', en: 'A date is written YYYY-MM-DD' } })
      .nullable()
      .default(null),
    intentionExempt: z.boolean().default(false),
    documentsAvailableFrom: instant.nullable().default(null),
    documentsAvailableUntil: instant.nullable().default(null),
    bidDeadline: instant.nullable().default(null),
    decryptionWindowMinutes: z.number().int().min(10).max(240).default(30),
    lots: z.array(lotBody).min(1).max(50),
  })
  .superRefine((p, ctx) => {
    p.lots.forEach((lot, i) => {
      const kind = categoryKind(lot.categoryCode);
      if (kind && kind !== p.category) {
        ctx.addIssue({
          code: 'custom',
          path: ['lots', i, 'categoryCode'],
          message: `The category ${lot.categoryCode} is not ${p.category}`,
          params: {
            zh: `品目 ${lot.categoryCode} 与项目类别（${p.category === 'goods' ? '货物' : p.category === 'services' ? '服务' : '工程'}）不一致`,
            en: `The category ${lot.categoryCode} is not of the project's kind (${p.category})`,
          },
        });
      }
    });
  });

export type ProjectBody = z.infer<typeof projectBody>;

const bilingual = z.object({ zh: z.string(), en: z.string() });

export const violationView = z.object({
  ruleId: z.string(),
  fields: z.array(z.string()),
  message: bilingual,
  required: z.union([z.number(), z.string()]).nullable(),
  actual: z.union([z.number(), z.string()]).nullable(),
  unit: z.string(),
  earliestDate: z.string().nullable(),
});

export const checkView = z.object({
  ok: z.boolean(),
  publishedAt: z.string(),
  violations: z.array(violationView),
  warnings: z.array(z.object({ code: z.string(), message: bilingual })),
  minimum: z.object({
    intentionPublishedOn: z.string().nullable(),
    documentsAvailableUntil: z.string().nullable(),
    bidDeadline: z.string().nullable(),
  }),
  rulesApplied: z.array(z.string()),
});

export const lotView = z.object({
  id: z.string().uuid(),
  number: z.number().int(),
  title: z.string(),
  categoryCode: z.string(),
  categoryName: bilingual,
  budgetFen: z.number().int(),
  ceilingPriceFen: z.number().int().nullable(),
  evaluationMethod: z.enum(EVALUATION_METHODS),
  criteria: z.array(criterion),
  priceNotScored: z.boolean(),
  smeReserved: z.boolean(),
  smallMicroPercent: z.number().nullable(),
  consortiumPercent: z.number().nullable(),
  depositFen: z.number().int().nullable(),
  consortiumAllowed: z.boolean(),
  priceSheetFields: z.array(priceSheetField),
});

export const documentView = z.object({
  id: z.string().uuid(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});

const orgRef = z.object({ id: z.string().uuid(), name: z.string() });

export const projectAbilities = z.object({
  edit: z.boolean(),
  delete: z.boolean(),
  upload: z.boolean(),
  publish: z.boolean(),
});

export const projectSummaryView = z.object({
  id: z.string().uuid(),
  code: z.string(),
  title: z.string(),
  method: z.enum(PROCUREMENT_METHOD_CODES),
  category: z.enum(CATEGORY_KINDS),
  status: z.enum(PROJECT_STATES),
  purchaser: orgRef,
  agency: orgRef.nullable(),
  budgetFen: z.number().int(),
  lotCount: z.number().int(),
  publishedAt: z.string().nullable(),
  bidDeadline: z.string().nullable(),
  updatedAt: z.string(),
});

export const projectView = projectSummaryView.extend({
  qualificationRequirements: z.string(),
  noticeDetails: noticeDetailsBody.required(),
  intentionPublishedOn: z.string().nullable(),
  intentionExempt: z.boolean(),
  documentsAvailableFrom: z.string().nullable(),
  documentsAvailableUntil: z.string().nullable(),
  decryptionWindowMinutes: z.number().int(),
  rulesApplied: z.array(z.string()),
  lots: z.array(lotView),
  documents: z.array(documentView),
  noticeId: z.string().uuid().nullable(),
  /** For a draft: what publishing now would find (violations with the rule named, the minimum legal dates). */
  check: checkView.nullable(),
  abilities: projectAbilities,
  /** Emergency recovery (ADR 0015): k of the named key holders can open a bid its bidder cannot; null: none. */
  keyEscrow: z
    .object({
      threshold: z.number().int().nullable(),
      holders: z.array(
        z.object({
          userId: z.string().uuid(),
          name: z.string(),
          role: z.string(),
          organisationName: z.string().nullable(),
          roleLabel: z.string(),
          /** Whether the holder has a usable encryption certificate now (publication requires it). */
          encryptionCertificate: z.boolean(),
        }),
      ),
    })
    .nullable(),
});

export const keyEscrowBody = z.object({
  /** k: how many holders must act together (2 ≤ k ≤ n); null with no holders: no escrow. */
  threshold: z.number().int().min(2).max(20).nullable(),
  holders: z
    .array(
      z.object({
        userId: z.string().uuid(),
        /** Whom the holder acts for, as the documents say (交易中心, 监督部门, 代理机构…). */
        roleLabel: text(40).min(1),
      }),
    )
    .max(20),
});
export type KeyEscrowBody = z.infer<typeof keyEscrowBody>;

export const keyHolderCandidatesView = z.object({
  items: z.array(
    z.object({
      userId: z.string().uuid(),
      name: z.string(),
      role: z.string(),
      organisationName: z.string().nullable(),
      encryptionCertificate: z.boolean(),
    }),
  ),
});

export const listProjectsQuery = z.object({
  status: z.enum(PROJECT_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const partiesView = z.object({
  purchasers: z.array(orgRef),
  agencies: z.array(orgRef),
});

export const documentParams = z.object({ id: z.string().uuid(), documentId: z.string().uuid() });
