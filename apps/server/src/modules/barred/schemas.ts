import { z } from 'zod';
import { usccSchema } from '../registry/schemas';

const instant = z.iso.datetime({ offset: true });

export const barBody = z
  .object({
    organisationId: z.string().uuid().optional(),
    uscc: usccSchema.optional(),
    reason: z.string().trim().min(2).max(1000),
    decisionReference: z.string().trim().min(2).max(100),
    from: instant,
    until: instant.nullable().optional(),
  })
  .refine((b) => (b.organisationId === undefined) !== (b.uscc === undefined), {
    params: {
      zh: '请给出机构编号或统一社会信用代码（二者之一）',
      en: 'Give the organisation id or the credit code (one of them)',
    },
    path: ['organisationId'],
  })
  .refine((b) => !b.until || new Date(b.until) > new Date(b.from), {
    params: { zh: '截止日期须晚于起始日期', en: 'The end must come after the start' },
    path: ['until'],
  });

export const liftBody = z.object({ reason: z.string().trim().min(2).max(500) });

export const barView = z.object({
  id: z.string().uuid(),
  organisationId: z.string().uuid(),
  organisationName: z.string(),
  uscc: z.string().nullable(),
  reason: z.string(),
  decisionReference: z.string(),
  from: z.string(),
  until: z.string().nullable(),
  recordedAt: z.string(),
  liftedAt: z.string().nullable(),
  liftReason: z.string().nullable(),
  /** In force at the server clock now. */
  active: z.boolean(),
});
