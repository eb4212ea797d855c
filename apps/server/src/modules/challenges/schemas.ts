import { CHALLENGE_STATES } from '@zhengcai/domain';
import { z } from 'zod';

export const fileBody = z.object({ grounds: z.string().trim().min(10).max(10_000) });
export const answerBody = z.object({ answer: z.string().trim().min(10).max(10_000) });

export const challengeView = z.object({
  id: z.string().uuid(),
  lotId: z.string().uuid(),
  organisationId: z.string().uuid(),
  organisationName: z.string(),
  grounds: z.string(),
  filedAt: z.string(),
  answerBy: z.string(),
  state: z.enum(CHALLENGE_STATES),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  overdue: z.boolean(),
  abilities: z.object({ answer: z.boolean() }),
});
export const challengeListView = z.object({ items: z.array(challengeView) });
