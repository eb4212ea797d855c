import { ENTERPRISE_SCALES, REGISTRATION_STATES, admitUscc, checkUscc, type UsccProblem } from '@zhengcai/domain';
import { z } from 'zod';
import { loginNameSchema, newPasswordSchema, organisationKindSchema } from '../auth/schemas';
import { declarationInput, profileInput } from '../suppliers/schemas';

const USCC_REASONS = {
  USCC_LENGTH: (p: { length: number }) => ({
    zh: `统一社会信用代码应为 18 位，当前为 ${p.length} 位`,
    en: `A unified social credit code has 18 characters, this one has ${p.length}`,
  }),
  USCC_CHARACTER: (p: { position: number; character: string }) => ({
    zh: `第 ${p.position} 位“${p.character}”不是允许的字符（不使用 I、O、S、V、Z）`,
    en: `Character ${p.position} "${p.character}" is not allowed (I, O, S, V and Z are never used)`,
  }),
  USCC_DIVISION: (p: { division: string }) => ({
    zh: `第 3–8 位行政区划码“${p.division}”应为 6 位数字`,
    en: `Characters 3–8, the division code "${p.division}", must be six digits`,
  }),
  USCC_CHECK_CHARACTER: (p: { expected: string; actual: string }) => ({
    zh: `校验位错误：第 18 位应为“${p.expected}”，实际为“${p.actual}”，请核对代码`,
    en: `Wrong check character: character 18 should be "${p.expected}", not "${p.actual}"; please check the code`,
  }),
};

/** Why a credit code is refused, in both languages (GB 32100-2015: which character, or the check expected). */
export function usccProblemText(p: UsccProblem): { zh: string; en: string } {
  return p.code === 'USCC_LENGTH'
    ? USCC_REASONS.USCC_LENGTH(p)
    : p.code === 'USCC_CHARACTER'
      ? USCC_REASONS.USCC_CHARACTER(p)
      : p.code === 'USCC_DIVISION'
        ? USCC_REASONS.USCC_DIVISION(p)
        : USCC_REASONS.USCC_CHECK_CHARACTER(p);
}

/** A unified social credit code, checked per GB 32100-2015 with a reason that says what is wrong. */
export const usccSchema = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const result = checkUscc(value);
    if (result.ok) return result.code;
    const params = usccProblemText(result.problem);
    ctx.addIssue({ code: 'custom', message: params.en, params: { ...params, problem: result.problem.code } });
    return z.NEVER;
  });

/**
 * The applicant's credit code at sign-up: a code failing only its check character passes when the applicant says
 * it is an early pilot code (`usccPilot`), and then waits for the centre to accept it with a reason.
 */
const signUpOrganisation = z
  .object({
    name: z.string().trim().min(2).max(100),
    uscc: z.string().max(40),
    usccPilot: z.boolean().default(false),
  })
  .transform((o, ctx) => {
    const admitted = admitUscc(o.uscc, o.usccPilot);
    if (admitted.ok) return { name: o.name, uscc: admitted.code, usccPilot: admitted.needsOverride };
    const text = usccProblemText(admitted.problem);
    const params =
      admitted.problem.code === 'USCC_CHECK_CHARACTER'
        ? {
            zh: `${text.zh}；若确为早期试点代码，请勾选“我的代码为早期试点代码”，由交易中心审核认可`,
            en: `${text.en}. If it really is an early pilot code, tick "My code is an early pilot code" for the centre to decide`,
          }
        : text;
    ctx.addIssue({
      code: 'custom',
      path: ['uscc'],
      message: params.en,
      params: { ...params, problem: admitted.problem.code },
    });
    return z.NEVER;
  });

export const scaleSchema = z.enum(ENTERPRISE_SCALES);

export const supplierSignUpBody = z.object({
  organisation: signUpOrganisation,
  /** 工信部联企业〔2011〕300号 figures: the scale is derived from them, never typed in. */
  profile: profileInput,
  /** The SME declaration (中小企业声明函) confirming the derived scale. */
  declaration: declarationInput,
  user: z.object({
    login: loginNameSchema,
    displayName: z.string().trim().min(1).max(50),
    password: newPasswordSchema,
    email: z.string().trim().email().max(200),
    phone: z
      .string()
      .trim()
      .refine((v) => /^1[3-9]\d{9}$/.test(v), {
        params: { zh: '请填写 11 位手机号码', en: 'Enter an 11-digit mobile number' },
      }),
  }),
});

export const signUpResponse = z.object({ organisationId: z.string().uuid(), status: z.literal('pending') });

export const organisationAbilities = z.object({ view: z.boolean(), approve: z.boolean(), reject: z.boolean() });

export const organisationView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  kind: organisationKindSchema,
  uscc: z.string().nullable(),
  scale: scaleSchema.nullable(),
  status: z.enum(REGISTRATION_STATES),
  statusReason: z.string().nullable(),
  createdAt: z.string(),
  abilities: organisationAbilities,
});

export const listOrganisationsQuery = z.object({
  status: z.enum(REGISTRATION_STATES).optional(),
  kind: organisationKindSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const idParams = z.object({ id: z.string().uuid() });
export const rejectBody = z.object({ reason: z.string().trim().min(2).max(500) });
/** Approving a registration whose credit code was submitted as an early pilot code needs the reviewer's reason. */
export const approveBody = z
  .object({ usccOverrideReason: z.string().trim().min(2).max(500).optional() })
  .nullable()
  .optional();
