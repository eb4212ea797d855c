import { findCategory } from '@zhengcai/domain';
import { z } from 'zod';
import { usccSchema } from '../registry/schemas';

const categoryCode = z
  .string()
  .max(20)
  .refine((code) => findCategory(code) !== undefined, {
    params: { zh: '不是品目分类目录中的代码', en: 'Not a code of the procurement category tree' },
  });

export const profileBody = z.object({
  title: z.string().trim().min(1).max(50),
  employerName: z.string().trim().min(2).max(100),
  employerUscc: usccSchema.optional(),
  region: z.string().trim().min(2).max(50),
  specialties: z
    .array(categoryCode)
    .min(1)
    .max(10)
    .refine((codes) => new Set(codes).size === codes.length, {
      params: { zh: '专业不能重复', en: 'Specialties must not repeat' },
    }),
});

export const profileView = profileBody.extend({
  userId: z.string().uuid(),
  displayName: z.string(),
  employerUscc: z.string().nullable(),
  updatedAt: z.string(),
});

export const conflictBody = z.object({
  organisationName: z.string().trim().min(2).max(100),
  organisationUscc: usccSchema.optional(),
  reason: z.string().trim().min(2).max(500),
});

export const conflictView = z.object({
  id: z.string().uuid(),
  organisationName: z.string(),
  organisationUscc: z.string().nullable(),
  reason: z.string(),
  declaredAt: z.string(),
  withdrawnAt: z.string().nullable(),
});
