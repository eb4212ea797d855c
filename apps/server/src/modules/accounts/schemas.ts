import { z } from 'zod';
import { loginNameSchema, newPasswordSchema, organisationKindSchema, roleSchema } from '../auth/schemas';
import { scaleSchema, usccSchema } from '../registry/schemas';

export const createOrganisationBody = z.object({
  kind: organisationKindSchema,
  name: z.string().trim().min(2).max(100),
  uscc: usccSchema.optional(),
  scale: scaleSchema.optional(),
  region: z.string().trim().max(50).optional(),
});

export const createUserBody = z.object({
  organisationId: z.string().uuid().optional(),
  role: roleSchema,
  login: loginNameSchema,
  displayName: z.string().trim().min(1).max(50),
  password: newPasswordSchema,
  email: z.string().trim().email().max(200).optional(),
  phone: z.string().trim().max(20).optional(),
});

export const userView = z.object({
  id: z.string().uuid(),
  login: z.string(),
  displayName: z.string(),
  role: roleSchema,
  organisation: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  status: z.enum(['pending', 'active', 'disabled']),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});

export const listUsersQuery = z.object({
  role: roleSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
