import { ORGANISATION_KINDS, ROLES } from '@zhengcai/domain';
import { z } from 'zod';

export const roleSchema = z.enum(ROLES);
export const organisationKindSchema = z.enum(ORGANISATION_KINDS);

/** Passwords: 10–128 characters with letters and digits (GB/T 22239-2019 asks for complexity; no upper limit games). */
export const newPasswordSchema = z
  .string()
  .max(128)
  .refine((p) => p.length >= 10, {
    params: { zh: '密码至少 10 位', en: 'The password must have at least 10 characters' },
  })
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), {
    params: { zh: '密码须同时包含字母和数字', en: 'The password must contain both letters and digits' },
  });

export const loginNameSchema = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .refine((v) => /^[A-Za-z0-9._@-]+$/.test(v), {
    params: { zh: '账号名只能包含字母、数字和 . _ @ -', en: 'A login may only contain letters, digits and . _ @ -' },
  })
  .transform((s) => s.toLowerCase());

export const loginBody = z.object({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});

export const meResponse = z.object({
  user: z.object({
    id: z.string().uuid(),
    login: z.string(),
    displayName: z.string(),
    role: roleSchema,
    locale: z.enum(['zh-CN', 'en']),
  }),
  organisation: z
    .object({ id: z.string().uuid(), name: z.string(), kind: organisationKindSchema, status: z.string() })
    .nullable(),
  /** Send this in the `x-csrf-token` header of every POST/PUT/PATCH/DELETE made with the session cookie. */
  csrfToken: z.string().nullable(),
  via: z.enum(['session', 'token']),
  /** What the caller may do at all (the web app shows only these workspace pages). */
  abilities: z.object({
    reviewRegistrations: z.boolean(),
    manageAccounts: z.boolean(),
    verifyLedger: z.boolean(),
    watchRecordings: z.boolean(),
    listTransactionCertificates: z.boolean(),
    revokeTransactionCertificates: z.boolean(),
    verifyExpertDraws: z.boolean(),
  }),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: newPasswordSchema,
});
